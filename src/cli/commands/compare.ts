/**
 * `npm run cli -- compare`: two scenarios on the same random draws (common random numbers), and the
 * paired difference of their cumulative emissions and costs (docs/model.md §11). Both run through the
 * same pool, kernel and summary as `simulate`.
 */
import { pairedDifference } from '../../core/scenario/compare';
import { withCostSettings } from '../../core/scenario/costs';
import type { CompiledModel, RunBlock } from '../../core/scenario/model';
import { PRESET_IDS } from '../../core/scenario/presets';
import { scope2Of } from '../../core/scenario/schema';
import { summarize, type SimulationSummary } from '../../core/scenario/summary';
import { cpuCount, createNodeSimulationRunner } from '../../../workers/node-pool';
import { parseArgs } from '../args';
import { loadPark } from '../load-park';
import { checkFinite, checkOutputPath, writeAtomic } from '../output';
import {
  compileChecked,
  integer,
  loadScenario,
  numberOption,
  printWarnings,
  usage,
  scenarioCommand,
  printParkWarnings,
} from '../scenario-input';
import type { CliIo } from '../types';

const USAGE = `Usage: npm run cli -- compare --scenario <a> --against <b>
       [--park sample|workshop|<folder>] --runs N --seed S [--workers K]
       [--carbon-price CNY_PER_T] [--discount-rate R] --summary <compare.json>

Runs scenario a and scenario b on the same random draws (run r of each shares every uncertain input
the two have in common) and reports the paired difference a − b.

  --scenario, --against  presets (${PRESET_IDS.join(', ')}) or scenario JSON documents
  --park, --runs, --seed, --workers, --carbon-price, --discount-rate  as for simulate
  --summary   JSON: delta_cumulative_tco2 {p5, p50, p95, mean} (a − b, emissions to the atmosphere
              2025–2060), p_lower_cumulative (share of runs in which a emits less than b over those
              years) with its standard error, delta_npv_cny (a − b, net present cost against BAU),
              and each scenario's headline metrics (P(peak ≤ 2030), P(net ≤ 0 by 2060), cumulative
              emissions, net present cost, P(each target met))`;

/** The figures of one scenario shown side by side. */
function headline(s: SimulationSummary) {
  return {
    scenario: s.scenario,
    p_peak_by_2030: s.peak_year.p_by_2030,
    p_peak_by_2030_se: s.peak_year.p_by_2030_se,
    p_net_zero_by_2060: s.neutrality.p_by_2060,
    p_net_zero_by_2060_se: s.neutrality.p_by_2060_se,
    cumulative_tco2: s.cumulative_tco2,
    npv_vs_bau_cny: s.costs?.npv_vs_bau_cny ?? null,
    targets: s.targets.map((t) => ({ id: t.id, p_met: t.p_met, p_met_se: t.p_met_se })),
  };
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    values: [
      'scenario',
      'against',
      'park',
      'runs',
      'seed',
      'workers',
      'summary',
      'carbon-price',
      'discount-rate',
    ],
  });
  if (args.positionals.length) usage(`Unexpected argument "${args.positionals[0]}"`);
  const opt = (name: string) => args.options.get(name);
  const specA = opt('scenario') ?? usage('--scenario is required');
  const specB = opt('against') ?? usage('--against is required');
  const summaryPath = opt('summary') ?? usage('--summary is required');
  const runs = integer('runs', opt('runs'), 1, 1_000_000);
  const seed = integer('seed', opt('seed'), 0, 0xffffffff);
  let workers = opt('workers') === undefined ? undefined : integer('workers', opt('workers'), 1, 64);
  if (workers !== undefined) workers = Math.min(workers, cpuCount());
  const costs = {
    carbonPrice: numberOption('carbon-price', opt('carbon-price'), 0, 10_000, 'CNY per tCO2'),
    discountRate: numberOption('discount-rate', opt('discount-rate'), 0, 0.3, 'a fraction per year'),
  };
  const summaryFile = checkOutputPath(io.cwd, summaryPath, '--summary');

  const t0 = performance.now();
  const a = await loadScenario(specA, io);
  const b = await loadScenario(specB, io);
  if (scope2Of(a.scenario) !== scope2Of(b.scenario))
    usage(
      `--scenario and --against account Scope 2 differently (${scope2Of(a.scenario)} vs ${scope2Of(b.scenario)}); ` +
        'compare scenarios with the same accounting.scope2',
    );
  const park = await loadPark(opt('park') ?? 'sample', io.cwd, { scope2: scope2Of(a.scenario) });
  printParkWarnings(park, io);
  const models: CompiledModel[] = [
    compileChecked(withCostSettings(a.scenario, costs), park.baseline, specA),
    compileChecked(withCostSettings(b.scenario, costs), park.baseline, specB),
  ];
  for (const m of models) printWarnings(m, io);

  const pool = createNodeSimulationRunner({ workers });
  const stop = () => void pool.terminate();
  process.once('SIGINT', stop);
  const blocks: RunBlock[] = [];
  try {
    for (const m of models) blocks.push((await pool.run(m, { seed, runs, summarize: false })).block);
  } finally {
    process.off('SIGINT', stop);
    await pool.terminate();
  }
  const [sa, sb] = models.map((m, i) => summarize(m, blocks[i], seed));
  const diff = pairedDifference(blocks[0], blocks[1]);
  const result = {
    scenario: sa.scenario,
    against: sb.scenario,
    dataset: park.id,
    seed,
    method: 'paired runs on common random numbers: run r of both scenarios shares every common input draw',
    ...diff,
    a: headline(sa),
    b: headline(sb),
  };
  checkFinite(result, summaryPath);
  await writeAtomic(summaryFile, JSON.stringify(result, null, 2) + '\n');
  const t = (x: number) => `${(x / 1e4).toFixed(1)} ×10^4 t`;
  io.stdout(
    `${sa.scenario} − ${sb.scenario} on ${park.id}: ${runs} runs, seed ${seed}, ` +
      `${((performance.now() - t0) / 1000).toFixed(2)} s\n` +
      `Δ cumulative emissions ${diff.from_year}–${diff.to_year}: P50 ${t(diff.delta_cumulative_tco2.p50)} ` +
      `(P5 ${t(diff.delta_cumulative_tco2.p5)}, P95 ${t(diff.delta_cumulative_tco2.p95)}); ` +
      `P(${sa.scenario} emits less) ${(100 * diff.p_lower_cumulative).toFixed(1)} %\n` +
      `wrote ${summaryPath}\n`,
  );
  return 0;
}

export const command = scenarioCommand(
  'compare',
  'Two scenarios on the same random draws: paired differences of emissions and costs',
  USAGE,
  run,
);
