/**
 * Typed context accessors; they throw when a component is mounted without its provider.
 */
import { getContext, setContext } from 'svelte';
import type { ParkStore } from './park.svelte';

const PARK = Symbol('park');

export function setParkContext(store: ParkStore): ParkStore {
  return setContext(PARK, store);
}

export function getParkContext(): ParkStore {
  const store = getContext<ParkStore | undefined>(PARK);
  if (!store) throw new Error('getParkContext() called outside a component tree with a ParkStore');
  return store;
}
