import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserDb } from '../../src/data/duckdb-browser';
import { bundledParks, fetchReferenceTables } from '../../src/data/bundled-browser';
import { loadTables, type ParkManifest } from '../../src/data/parks';
import type { DbPort } from '../../src/data/port';
import { numberColumn } from '../../src/data/arrow-rows';
import { loadParkBaseline } from '../../src/data/park-baseline';
import { ensureRunsTable, runsIPC } from '../../src/data/sim-tables';
import { shippedBaselineKey } from '../../src/data/first-answers';
import { offerBaselines } from '../../src/data/shipped-baselines';
import { parkTotalsSql } from '../../src/data/sql/inventory-sql';
import {
  FactorLibrary,
  accountActivity,
  parkTotals,
  type ActivityRow,
} from '../../src/core/accounting/index';
import {
  baselineTotals,
  type ParkBaseline,
  compileScenario,
  type CompiledModel,
  presetScenario,
} from '../../src/core/scenario/index';
import { createSimulationRunner, type SimulationRunner } from '../../workers/simulation-runner';
import { PathwaysState } from '../../src/ui/pages/pathways/pathways.svelte';
import { settingsFromScenario, controlContext } from '../../src/core/scenario/index';

let db: DbPort;
let manifest: ParkManifest;
let baseline: ParkBaseline;
const runners: SimulationRunner[] = [];

beforeAll(async () => {
  db = await createBrowserDb();
  const sample = bundledParks().find((p) => p.manifest.id === 'sample')!;
  manifest = sample.manifest;
  await loadTables(db, await sample.tables());
  await loadTables(db, await fetchReferenceTables());
  baseline = await loadParkBaseline(db, {
    datasetId: manifest.id,
    greenSpaceHa: manifest.green_space_ha,
    wetlandHa: manifest.wetland_ha,
  });
});
afterAll(async () => {
  for (const r of runners) await r.terminate();
  await db?.close();
});

function runner(): SimulationRunner {
  const r = createSimulationRunner({ workers: 2 });
  runners.push(r);
  return r;
}

/** A runner whose workers obey the test hooks on a model (test/fixtures/workers/simulation-hooks.ts). */
function hookedRunner(): SimulationRunner {
  const createWorker = () =>
    new Worker(new URL('../fixtures/workers/hooked-simulation.worker.ts', import.meta.url), {
      type: 'module',
    });
  const r = createSimulationRunner({ workers: 2, createWorker });
  runners.push(r);
  return r;
}

/** A runner that delegates to `real`, counting progressive requests and optionally rewriting the model. */
function wrap(real: SimulationRunner, model: (m: CompiledModel) => CompiledModel = (m) => m) {
  let calls = 0;
  const wrapped: SimulationRunner = {
    get size() {
      return real.size;
    },
    ready: () => real.ready(),
    run: (m, o) => real.run(m, o),
    runProgressive: (m, o) => {
      calls++;
      return real.runProgressive(model(m), o);
    },
    summarize: (m, b, s) => real.summarize(m, b, s),
    cancel: () => real.cancel(),
    terminate: () => real.terminate(),
    workerStats: () => real.workerStats(),
  };
  return { runner: wrapped, calls: () => calls };
}

async function until(check: () => boolean, what: string, ms = 45_000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the pathways engine on the sample park in Chromium', () => {
  it('builds a baseline whose base-year total equals the accounting engine park total (CHP steam once)', async () => {
    expect(baseline.year).toBe(manifest.years[1]);
    expect(baseline.scope2).toBe('market'); // the scenarios' default (docs/model.md §1)
    const { totalTco2, energyTce } = baselineTotals(baseline);

    const act = await db.query(
      'SELECT enterprise_id, year, carrier, amount, unit FROM activity WHERE year = ?',
      [baseline.year],
    );
    const rows: ActivityRow[] = [...act].map((r) => ({
      enterprise_id: String(r.enterprise_id),
      year: Number(r.year),
      carrier: String(r.carrier),
      amount: Number(r.amount),
      unit: String(r.unit),
    }));
    const engine = parkTotals(accountActivity(rows, FactorLibrary.standard(), { scope2Method: 'market' }))[0];
    expect(engine.heat_in_park_gj).toBeGreaterThan(0); // the rule for CHP steam is exercised
    expect(totalTco2 / engine.total_tco2).toBeCloseTo(1, 9);
    expect(energyTce / engine.energy_tce).toBeCloseTo(1, 9);

    const sql = await db.query(parkTotalsSql({ scope2Method: 'market' }));
    const i = [...numberColumn(sql, 'year')].indexOf(baseline.year);
    expect(totalTco2 / numberColumn(sql, 'total_tco2')[i]).toBeCloseTo(1, 9);
    expect(baseline.history!.totalTco2.at(-1)! / totalTco2).toBeCloseTo(1, 9);
    expect(baseline.rooftop?.source).toBe('installations');
    expect(baseline.history!.years).toEqual(
      Array.from({ length: manifest.years[1] - manifest.years[0] + 1 }, (_, k) => manifest.years[0] + k),
    );
  });

  it('runs the real worker pool and makes sim_runs queryable with runs × years rows', async () => {
    // The inventory taken as exact (drivers.inventory fixed), so that every run starts at its total.
    const policy = presetScenario('policy');
    const exact = { ...policy, drivers: { ...policy.drivers, inventory: { activity: 1, factors: 1 } } };
    const model = compileScenario(exact, baseline, { breakdown: false });
    const result = await runner().run(model, { seed: 11, runs: 1000 });
    const s = result.summary!;
    expect(s.runs).toBe(1000);
    expect(s.years[0]).toBe(baseline.year);
    expect(s.years.at(-1)).toBe(2060);
    // Year 0 is the base year itself: every run starts at the inventory total.
    expect(s.total_tco2.p5[0] / baselineTotals(baseline).totalTco2).toBeCloseTo(1, 6);
    expect(s.total_tco2.p95[0] / baselineTotals(baseline).totalTco2).toBeCloseTo(1, 6);
    expect(s.peak_year.p_by_2030).toBeGreaterThan(0);
    expect(s.sensitivity.length).toBeGreaterThan(0);

    await db.insertArrowIPC('sim_runs', runsIPC(result.block));
    const t = await db.query(
      'SELECT count(*)::INTEGER AS n, count(DISTINCT run)::INTEGER AS r FROM sim_runs',
    );
    expect(Number(t.get(0)!.n)).toBe(1000 * s.years.length);
    expect(Number(t.get(0)!.r)).toBe(1000);
    const med = await db.query('SELECT median(gross_tco2) AS m FROM sim_runs WHERE year = 2030');
    expect(Number(med.get(0)!.m) / s.total_tco2.p50[s.years.indexOf(2030)]).toBeCloseTo(1, 4);
  });

  it('the page state coalesces a burst of edits, shows only the latest result and offers sim_runs', async () => {
    const counted = wrap(runner());
    const pw = new PathwaysState({
      park: { manifest, db: async () => db },
      initial: { preset: 'policy', runs: 1000, seed: 5, settings: {} },
      createRunner: () => counted.runner,
      debounceMs: 30,
    });
    await pw.load();
    await until(() => pw.status === 'done', 'the first result');
    expect(pw.result!.phase).toBe('full');
    expect(pw.simTable!.rows).toBe(1000 * pw.result!.summary.years.length);
    // Offered, written when first needed: then it holds the runs on show.
    await ensureRunsTable(db);
    const n = await db.query(
      'SELECT count(*)::INTEGER AS n, count(DISTINCT run)::INTEGER AS r FROM sim_runs',
    );
    expect([n.get(0)!.n, n.get(0)!.r]).toEqual([pw.simTable!.rows, 1000]);

    const first = pw.result!.summary;
    expect(counted.calls()).toBe(1);
    for (const v of [0.012, 0.015, 0.02, 0.025, 0.03]) pw.setLever('efficiency', v);
    expect(pw.stale).toBe(true);
    await until(() => pw.status === 'done' && !pw.stale, 'the edited result');
    expect(pw.settings!.efficiency).toBe(0.03);
    expect(counted.calls()).toBe(2); // five edits, one run
    // The result on show is that of the last edit: the same as running those settings directly.
    const direct = await runner().run(compileScenario(pw.scenario!, baseline), {
      seed: 5,
      runs: 1000,
    });
    expect(pw.result!.summary).toEqual(direct.summary);
    expect(pw.result!.summary.total_tco2.p50.at(-1)).toBeLessThan(first.total_tco2.p50.at(-1)!);
    // sim_runs now holds the edited result's runs.
    await ensureRunsTable(db);
    const med = await db.query('SELECT median(gross_tco2) AS m FROM sim_runs WHERE year = 2060');
    expect(Number(med.get(0)!.m) / pw.result!.summary.total_tco2.p50.at(-1)!).toBeCloseTo(1, 4);
    pw.destroy();
  });

  it('keeps the last lever contributions and breakdown, marked not current, while a preview (which has neither) is on show', async () => {
    const real = runner();
    let hold = false;
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const gated: SimulationRunner = {
      ...wrap(real).runner,
      size: real.size,
      runProgressive: async function* (m, o) {
        for await (const r of real.runProgressive(m, o)) {
          if (r.phase === 'full' && hold) await gate;
          yield r;
        }
      },
    };
    const pw = new PathwaysState({
      park: { manifest, db: async () => db },
      initial: { preset: 'policy', runs: 3000, seed: 9, settings: {} },
      createRunner: () => gated,
      debounceMs: 10,
    });
    await pw.load();
    await until(() => pw.status === 'done', 'the first result');
    const first = pw.result!.summary;
    expect(first.lever_contribution.length).toBeGreaterThan(0);
    expect(pw.detail).toEqual({ summary: first, current: true });

    hold = true;
    pw.setLever('efficiency', 0.03);
    await until(() => pw.result?.phase === 'preview' && !pw.stale, 'the preview of the edit');
    expect(pw.result!.summary.lever_contribution).toEqual([]);
    expect(pw.result!.summary.by_sector_tco2).toBeNull();
    expect(pw.detail).toEqual({ summary: first, current: false });
    release();
    await until(() => pw.status === 'done', 'the full result of the edit');
    expect(pw.detail!.current).toBe(true);
    expect(pw.detail!.summary).toBe(pw.result!.summary);
    expect(pw.detail!.summary.lever_contribution.length).toBe(first.lever_contribution.length);
    expect(pw.detail!.summary.by_sector_tco2!.keys.length).toBeGreaterThan(5);
    pw.destroy();
  });

  it('switches the Scope-2 method: the baseline is rebuilt, the levers stay, the link says so', async () => {
    const pw = new PathwaysState({
      park: { manifest, db: async () => db },
      initial: { preset: 'policy', runs: 500, seed: 5, settings: { efficiency: 0.02 } },
      createRunner: () => runner(),
      debounceMs: 10,
    });
    await pw.load();
    await until(() => pw.status === 'done', 'the market-based result');
    const green = () =>
      pw.result!.summary.lever_contribution.find((l) => l.lever === 'green_power')!.y2030!.mean;
    expect(pw.shareHash).toContain('s2=market');
    expect(green()).toBeGreaterThan(0);
    pw.setScope2('location');
    await until(
      () => pw.status === 'done' && pw.baseline?.scope2 === 'location',
      'the location-based result',
    );
    expect(pw.settings!.efficiency).toBe(0.02);
    expect(pw.scenario!.accounting).toEqual({ scope2: 'location' });
    expect(pw.shareHash).toContain('s2=location');
    expect(Math.abs(green())).toBeLessThan(1e-6);
    pw.destroy();
  });

  it("starts from a park's shipped baseline while the park is being opened, and does not run again once it is in", async () => {
    offerBaselines([{ key: shippedBaselineKey('digest-of-sample', 'market'), baseline }]);
    const counted = wrap(runner());
    let dbAsked = 0;
    const park = {
      manifest: null as ParkManifest | null,
      pending: manifest as ParkManifest | null,
      dataKey: null as string | null,
      revision: 0,
      db: async () => {
        dbAsked++;
        return db;
      },
    };
    const pw = new PathwaysState({
      park,
      initial: { preset: 'policy', scope2: 'market', runs: 1000, seed: 3, settings: {} },
      createRunner: () => counted.runner,
    });
    // The files are not in yet (no digest): nothing can start.
    await pw.load();
    expect(pw.status).toBe('idle');
    // Another park's digest (the one still on show while this one opens): its baseline is not this park's.
    offerBaselines([
      { key: shippedBaselineKey('digest-of-other', 'market'), baseline: { ...baseline, datasetId: 'other' } },
    ]);
    park.dataKey = 'digest-of-other';
    await pw.load();
    expect(pw.status).toBe('idle');
    park.dataKey = 'digest-of-sample';
    await pw.load();
    await until(() => pw.status === 'done', 'the result from the shipped baseline');
    expect(dbAsked).toBe(0);
    expect(pw.baseline).toBe(baseline);
    expect(counted.calls()).toBe(1);
    const shown = pw.result;
    // The park is in: the same data, so the same baseline; the result stays, no run again.
    park.manifest = manifest;
    park.pending = null;
    park.revision = 1;
    await pw.load();
    expect(counted.calls()).toBe(1);
    expect(pw.result).toBe(shown);
    expect(dbAsked).toBe(0);
    pw.destroy();
  });

  it('reports a failing worker clearly, and the next run works', async () => {
    let fail = true;
    const failing = wrap(hookedRunner(), (m) =>
      fail ? ({ ...m, __failAtRun: 3 } as CompiledModel) : m,
    ).runner;
    const pw = new PathwaysState({
      park: { manifest, db: async () => db },
      initial: { preset: 'bau', runs: 1000, seed: 1, settings: {} },
      createRunner: () => failing,
    });
    await pw.load();
    await until(() => pw.status === 'error', 'the failure');
    expect(pw.error).toMatch(/worker \d+ failed on runs .*kernel failed at run 3/);
    fail = false;
    pw.rerun();
    await until(() => pw.status === 'done', 'the run after the failure');
    expect(pw.error).toBeNull();
    expect(pw.result!.summary.runs).toBe(1000);
    pw.destroy();
  });

  it('cancels a long run at once and keeps the previous result marked as stale', async () => {
    // The long run's chunks are slowed down (test hook), so it is cancelled before any of its results,
    // its preview included, has come back: else how fast the engine is decides what is on show.
    let slow = false;
    const slowed = wrap(hookedRunner(), (m) =>
      slow ? ({ ...m, __chunkDelayMs: 1000 } as CompiledModel) : m,
    ).runner;
    const pw = new PathwaysState({
      park: { manifest, db: async () => db },
      initial: { preset: 'policy', runs: 1000, seed: 2, settings: {} },
      createRunner: () => slowed,
      debounceMs: 0,
    });
    await pw.load();
    await until(() => pw.status === 'done', 'the first result');
    const shown = pw.result;
    slow = true;
    pw.setRuns(100_000);
    await until(() => pw.status === 'running', 'the long run to start');
    pw.cancel();
    expect(pw.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 300));
    expect(pw.status).toBe('cancelled');
    expect(pw.stale).toBe(true);
    expect(pw.result).toBe(shown);
    const ctx = controlContext(baseline);
    expect(pw.settings).toEqual(settingsFromScenario(presetScenario('policy'), ctx));
    pw.destroy();
  });
});
