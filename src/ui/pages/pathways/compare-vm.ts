/**
 * Compare view model: 2–4 scenarios (presets, saved ones, the sliders' current settings) run one after
 * another on the same seed and runs (common random numbers), their headline figures side by side and,
 * for each against the first, the paired difference run by run (src/core/scenario/compare.ts). The
 * runs stay typed arrays (the pool's RunBlock); only each scenario's emissions and net present cost
 * are kept for the differences.
 */
import { pairedDifference, type PairedDifference, type PairedPaths } from '../../../core/scenario/compare';
import {
  compileScenario,
  presetScenario,
  scope2Of,
  type ParkBaseline,
  type PresetId,
  type RunBlock,
  type Scenario,
  type Scope2Method,
  type SimulationSummary,
  type Spread,
} from '../../../core/scenario/index';
import type { Quantiles } from '../../../core/scenario/summary-decisions';
import type { SimulationProgress, SimulationResult, RunOptions } from '../../../../workers/simulation-api';
import type { CompiledModel } from '../../../core/scenario/model';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** What the reader can put in a comparison. */
export type CompareChoice =
  { kind: 'preset'; id: PresetId } | { kind: 'saved'; name: string } | { kind: 'current' };

export const choiceKey = (c: CompareChoice): string =>
  c.kind === 'preset' ? `preset:${c.id}` : c.kind === 'saved' ? `saved:${c.name}` : 'current';

/** A scenario ready to run, with the label it is shown under. */
export interface CompareItem {
  key: string;
  label: string;
  scenario: Scenario;
}

/** What the differences need of a scenario's runs. */
type ComparePaths = PairedPaths;

export interface CompareEntry {
  item: CompareItem;
  summary: SimulationSummary;
  paths: ComparePaths;
}

export interface CompareResult {
  seed: number;
  runs: number;
  entries: CompareEntry[];
  /** diffs[i − 1]: entry i minus entry 0, run by run (P(lower) = P(entry i emits less than entry 0)). */
  diffs: PairedDifference[];
  /** Request to the last summary, ms. */
  elapsedMs: number;
}

/**
 * A choice as a runnable scenario: a preset with the page's Scope-2 method; a saved scenario as saved
 * (null when it is gone); the current settings' scenario as the page built it.
 */
export function itemFor(
  choice: CompareChoice,
  o: { scope2: Scope2Method; current: Scenario | null; saved: (name: string) => Scenario | undefined },
  label: string,
): CompareItem | null {
  const key = choiceKey(choice);
  switch (choice.kind) {
    case 'preset':
      return { key, label, scenario: { ...presetScenario(choice.id), accounting: { scope2: o.scope2 } } };
    case 'saved': {
      const s = o.saved(choice.name);
      return s ? { key, label, scenario: s } : null;
    }
    case 'current':
      return o.current ? { key, label, scenario: o.current } : null;
  }
}

/** The items whose Scope-2 method differs from the page's baseline (they cannot run on it). */
export function scope2Mismatches(items: readonly CompareItem[], scope2: Scope2Method): CompareItem[] {
  return items.filter((i) => scope2Of(i.scenario) !== scope2);
}

/** What of the simulation runner a comparison uses. */
export interface CompareRunner {
  run(model: CompiledModel, options: RunOptions): Promise<SimulationResult<RunBlock>>;
}

interface CompareOptions {
  baseline: ParkBaseline;
  seed: number;
  runs: number;
  runner: CompareRunner;
  signal?: AbortSignal;
  /** Runs done over all scenarios, out of items × runs. */
  onProgress?: (done: number, total: number) => void;
}

/** Keeps only what the differences read (copies, so the rest of the block can be collected). */
function pathsOf(b: RunBlock): ComparePaths {
  return {
    runStart: b.runStart,
    runCount: b.runCount,
    nYears: b.nYears,
    years: b.years.slice(),
    emitted: b.emitted.slice(),
    leverEvery: b.leverEvery,
    npvCost: b.npvCost.slice(),
  };
}

/** Runs every item on the same seed and runs, one after another, and their paired differences. */
export async function runComparison(
  items: readonly CompareItem[],
  o: CompareOptions,
): Promise<CompareResult> {
  if (items.length < MIN_COMPARED || items.length > MAX_COMPARED)
    throw new RangeError(`compare ${MIN_COMPARED}–${MAX_COMPARED} scenarios, got ${items.length}`);
  const started = performance.now();
  const models = items.map((i) => compileScenario(i.scenario, o.baseline));
  const total = items.length * o.runs;
  const entries: CompareEntry[] = [];
  for (const [i, model] of models.entries()) {
    const r = await o.runner.run(model, {
      seed: o.seed,
      runs: o.runs,
      signal: o.signal,
      onProgress: (p: SimulationProgress) => o.onProgress?.(i * o.runs + p.done, total),
    });
    if (!r.summary) throw new Error('The simulation returned no summary');
    entries.push({ item: items[i], summary: r.summary, paths: pathsOf(r.block) });
  }
  const diffs = entries.slice(1).map((e) => pairedDifference(e.paths, entries[0].paths));
  return { seed: o.seed, runs: o.runs, entries, diffs, elapsedMs: performance.now() - started };
}

interface HeadlineRow {
  key: string;
  label: string;
  pPeak: number;
  pPeakSe: number;
  pNet: number | null;
  pNetSe: number | null;
  cumulative: Spread;
  /** Net present cost against BAU, CNY (null without costs). */
  npv: Quantiles | null;
  /** P(met) and its error per target id (null when the target cannot be tested on the park). */
  targets: Record<string, { p: number; se: number } | null>;
}

/** The headline table: one row per scenario, and the target ids of its columns (in first-seen order). */
export function headlineRows(entries: readonly CompareEntry[]): { rows: HeadlineRow[]; targetIds: string[] } {
  const targetIds: string[] = [];
  const rows = entries.map(({ item, summary: s }) => {
    const targets: HeadlineRow['targets'] = {};
    for (const t of s.targets) {
      if (!targetIds.includes(t.id)) targetIds.push(t.id);
      targets[t.id] = t.p_met === null ? null : { p: t.p_met, se: t.p_met_se ?? 0 };
    }
    return {
      key: item.key,
      label: item.label,
      pPeak: s.peak_year.p_by_2030,
      pPeakSe: s.peak_year.p_by_2030_se,
      pNet: s.neutrality.p_by_2060,
      pNetSe: s.neutrality.p_by_2060_se,
      cumulative: s.cumulative_tco2,
      npv: s.costs?.npv_vs_bau_cny ?? null,
      targets,
    };
  });
  return { rows, targetIds };
}

interface DiffRow {
  key: string;
  /** The scenario (B) and the first one it is compared with (A). */
  label: string;
  against: string;
  diff: PairedDifference;
}

/** The difference table: each scenario after the first, against the first. */
export function diffRows(result: CompareResult): DiffRow[] {
  const first = result.entries[0];
  return result.diffs.map((diff, i) => ({
    key: result.entries[i + 1].item.key,
    label: result.entries[i + 1].item.label,
    against: first.item.label,
    diff,
  }));
}

interface CompareChartData {
  years: number[];
  series: { key: string; label: string; p5: number[]; p50: number[]; p95: number[] }[];
}

/** Medians and P5–P95 of each scenario's gross or net emissions, on the first one's years. */
export function compareChartData(
  entries: readonly CompareEntry[],
  quantity: 'gross' | 'net',
): CompareChartData {
  const years = entries[0]?.summary.years ?? [];
  return {
    years,
    series: entries.map(({ item, summary }) => {
      const s = quantity === 'gross' ? summary.total_tco2 : summary.net_tco2;
      return { key: item.key, label: item.label, p5: s.p5, p50: s.p50, p95: s.p95 };
    }),
  };
}
