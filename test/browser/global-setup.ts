/**
 * Computes the sample park's totals with the accounting engine in Node and hands them to the browser
 * tests, which compare them with the same totals computed by SQL in DuckDB-Wasm in Chromium (issue 3).
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { TestProject } from 'vitest/node';
import {
  FactorLibrary,
  accountActivity,
  parkTotals,
  type ActivityRow,
} from '../../src/core/accounting/index';

export interface NodeParkTotal {
  year: number;
  energy_tce: number;
  scope1_tco2: number;
  scope2_tco2: number;
  total_tco2: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    nodeParkTotals: { location: NodeParkTotal[]; market: NodeParkTotal[] };
  }
}

function arrowRows(file: string): Record<string, unknown>[] {
  return tableFromIPC(readFileSync(file))
    .toArray()
    .map((r) => r.toJSON() as Record<string, unknown>);
}

export default function setup(project: TestProject): void {
  const activity: ActivityRow[] = arrowRows('datasets/sample/activity.arrow').map((r) => ({
    enterprise_id: String(r.enterprise_id),
    year: Number(r.year),
    carrier: String(r.carrier),
    amount: Number(r.amount),
    unit: String(r.unit),
  }));
  const lib = FactorLibrary.standard();
  const totals = (scope2Method: 'location' | 'market'): NodeParkTotal[] =>
    parkTotals(
      accountActivity(activity, lib, {
        gridRegion: 'national',
        electricityMethod: 'equivalent',
        scope2Method,
      }),
    ).map((t) => ({
      year: t.year,
      energy_tce: t.energy_tce,
      scope1_tco2: t.scope1_tco2,
      scope2_tco2: t.scope2_tco2,
      total_tco2: t.total_tco2,
    }));
  project.provide('nodeParkTotals', { location: totals('location'), market: totals('market') });
}
