/**
 * `npm run cli -- goal`: the smallest setting of one lever at which a target is met with a chosen
 * probability (docs/model.md §11) — bisection over the slider's steps, each step simulated on the same
 * runs and seed (common random numbers) by the same pool and kernel as `simulate`.
 */
import { goalSeek, goalSpec } from '../../core/scenario/goal';
import { controlContext, isSettingKey, SETTINGS } from '../../core/scenario/levers';
import { compileScenario } from '../../core/scenario/compile';
import { PRESET_IDS } from '../../core/scenario/presets';
import { scope2Of } from '../../core/scenario/schema';
import { targetProbability } from '../../core/scenario/summary-decisions';
import { TARGET_LIBRARY } from '../../core/scenario/targets';
import { cpuCount, createNodeSimulationRunner } from '../../../workers/node-pool';
import { parseArgs, shown } from '../args';
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

const DEFAULT_RUNS = 2000;
const DEFAULT_SEED = 1;

const USAGE = `Usage: npm run cli -- goal --scenario <s> --target <id> --probability P --lever <key>
       [--park sample|workshop|<folder>] [--runs N] [--seed S] [--workers K] --out <result.json>

Finds the smallest setting of one lever at which the target is met with probability P or more:
bisection over the Pathways slider's steps, every step on the same ${DEFAULT_RUNS} runs (default) and seed.

  --scenario     a preset (${PRESET_IDS.join(', ')}) or a scenario JSON document
  --target       a target id: ${TARGET_LIBRARY.map((t) => t.id).join(', ')}, or a cap of the scenario (targets.caps)
  --probability  required P(target met), a number in (0, 1], e.g. 0.9
  --lever        a slider key with an amount (${SETTINGS.filter((s) => s.format !== 'year')
    .map((s) => s.key)
    .join(', ')})
  --runs, --seed runs per step (default ${DEFAULT_RUNS}) and seed (default ${DEFAULT_SEED})
  --out          JSON: {"lever", "value", "p_met", "p_met_se", "reachable"} and every step tried;
                 unreachable: value is the range's end and p_met the probability there`;

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    values: ['scenario', 'target', 'probability', 'lever', 'park', 'runs', 'seed', 'workers', 'out'],
  });
  if (args.positionals.length) usage(`Unexpected argument "${args.positionals[0]}"`);
  const opt = (name: string) => args.options.get(name);
  const spec = opt('scenario') ?? usage('--scenario is required');
  const target = opt('target') ?? usage('--target is required');
  const probability =
    numberOption('probability', opt('probability') ?? usage('--probability is required'), 0, 1, 'a share') ??
    0;
  if (!(probability > 0)) usage('--probability must be above 0');
  const leverArg = opt('lever') ?? usage('--lever is required');
  if (!isSettingKey(leverArg))
    return usage(
      `--lever "${shown(leverArg, 40)}" is not a lever key; use one of ${SETTINGS.map((s) => s.key).join(', ')}`,
    );
  const lever = leverArg;
  const runs = opt('runs') === undefined ? DEFAULT_RUNS : integer('runs', opt('runs'), 100, 1_000_000);
  const seed = opt('seed') === undefined ? DEFAULT_SEED : integer('seed', opt('seed'), 0, 0xffffffff);
  let workers = opt('workers') === undefined ? undefined : integer('workers', opt('workers'), 1, 64);
  if (workers !== undefined) workers = Math.min(workers, cpuCount());
  const outPath = opt('out') ?? usage('--out is required');
  const outFile = checkOutputPath(io.cwd, outPath, '--out');

  const t0 = performance.now();
  const { scenario } = await loadScenario(spec, io);
  const park = await loadPark(opt('park') ?? 'sample', io.cwd, { scope2: scope2Of(scenario) });
  printParkWarnings(park, io);
  const ctx = controlContext(park.baseline);
  try {
    goalSpec(lever, ctx);
  } catch (e) {
    usage(`--lever ${lever}: ${(e as Error).message}`);
  }
  const first = compileChecked(scenario, park.baseline, spec);
  printWarnings(first, io);
  if (!first.targets.some((t) => t.id === target))
    usage(
      `--target "${shown(target, 40)}" is not a target of the scenario; use one of ${first.targets.map((t) => t.id).join(', ')}`,
    );

  const pool = createNodeSimulationRunner({ workers });
  const stop = () => void pool.terminate();
  process.once('SIGINT', stop);
  let result;
  try {
    result = await goalSeek(scenario, {
      lever,
      probability,
      ctx,
      evaluate: async (s) => {
        const model = compileScenario(s, park.baseline);
        const { block } = await pool.run(model, { seed, runs, summarize: false });
        const p = targetProbability(model, block, target);
        if (!p) return usage(`--target ${target} cannot be tested on this park (no data for its years)`);
        return { p: p.p, se: p.se };
      },
      onStep: (s) =>
        io.stderr(
          `  ${lever} = ${s.value}: P(met) ${(100 * s.p_met).toFixed(1)} % ± ${(100 * s.p_met_se).toFixed(1)}\n`,
        ),
    });
  } finally {
    process.off('SIGINT', stop);
    await pool.terminate();
  }
  const out = {
    lever: result.lever,
    value: result.value,
    p_met: result.p_met,
    p_met_se: result.p_met_se,
    reachable: result.reachable,
    target,
    probability,
    scenario: scenario.id,
    dataset: park.id,
    runs,
    seed,
    steps: result.steps,
  };
  // The final check every output has: no NaN or infinity written as null.
  checkFinite(out, outPath);
  await writeAtomic(outFile, JSON.stringify(out, null, 2) + '\n');
  io.stdout(
    (result.reachable
      ? `${lever} = ${result.value} meets ${target} with P ${(100 * result.p_met).toFixed(1)} % (≥ ${100 * probability} %)`
      : `${target} is out of reach with ${lever} alone: P ${(100 * result.p_met).toFixed(1)} % at its maximum ${result.value}`) +
      `; ${result.steps.length} steps of ${runs} runs, ${((performance.now() - t0) / 1000).toFixed(1)} s\nwrote ${outPath}\n`,
  );
  return 0;
}

export const command = scenarioCommand(
  'goal',
  'Smallest setting of a lever meeting a target with a chosen probability',
  USAGE,
  run,
);
