/**
 * Typed context accessors; they throw when a component is mounted without its provider.
 */
import { getContext, setContext } from 'svelte';
import type { ParkStore } from './park.svelte';
import type { Router } from '../router.svelte';

const PARK = Symbol('park');
const ROUTER = Symbol('router');

export function setParkContext(store: ParkStore): ParkStore {
  return setContext(PARK, store);
}

export function getParkContext(): ParkStore {
  const store = getContext<ParkStore | undefined>(PARK);
  if (!store) throw new Error('getParkContext() called outside a component tree with a ParkStore');
  return store;
}

/** The park store when the component is inside the app (undefined in a bare component test). */
export function findParkContext(): ParkStore | undefined {
  return getContext<ParkStore | undefined>(PARK);
}

export function setRouterContext(router: Router): Router {
  return setContext(ROUTER, router);
}

export function getRouterContext(): Router {
  const router = getContext<Router | undefined>(ROUTER);
  if (!router) throw new Error('getRouterContext() called outside a component tree with a Router');
  return router;
}
