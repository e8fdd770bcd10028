/**
 * Baselines that came with a bundled park (first-answers.ts ShippedBaseline), held while the app is
 * open: ParkStore offers them when it opens the park, the Pathways page takes its baseline from here
 * before it would ask DuckDB.
 */
import type { ParkBaseline } from '../core/scenario/baseline';
import type { Scope2Method } from '../core/scenario/schema';
import { shippedBaselineKey, type ShippedBaseline } from './first-answers';

const shipped = new Map<string, ParkBaseline>();

/** Keeps the baselines a park came with. */
export function offerBaselines(baselines: readonly ShippedBaseline[]): void {
  for (const b of baselines) shipped.set(b.key, b.baseline);
}

/** The shipped baseline of the data `dataKey` for a Scope 2 method, or null. */
export function shippedBaseline(dataKey: string, scope2: Scope2Method): ParkBaseline | null {
  return shipped.get(shippedBaselineKey(dataKey, scope2)) ?? null;
}
