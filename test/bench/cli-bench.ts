/**
 * (f) How fast the CLI starts: wall time and peak memory of whole commands, measured from outside with
 * /usr/bin/time (median of a few calls), through the prebuilt bundle (`npm run cli`'s launcher) and,
 * for comparison, from the TypeScript sources through tsx (`npm run cli:dev`, how the CLI used to run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliStartRow {
  label: string;
  way: 'bundle' | 'tsx';
  medianS: number | null;
  peakMb: number | null;
}

const LAUNCHER = 'src/cli/build/launch.mjs';
const TSX = 'node_modules/tsx/dist/cli.mjs';

/** One call: [wall seconds, peak RSS MB] from /usr/bin/time, or timed here when it is missing. */
function timed(argv: string[]): [number, number | null] {
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', 'PCW %e %M', process.execPath, ...argv], {
      encoding: 'utf8',
    });
    const m = /PCW ([\d.]+) (\d+)/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`${argv.join(' ')} failed:\n${r.stderr}`);
    return [Number(m[1]), Number(m[2]) / 1024];
  }
  const t = performance.now();
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed:\n${r.stderr}`);
  return [(performance.now() - t) / 1000, null];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function cliStartBench(repeats = 3): CliStartRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'pcw-cli-bench-'));
  try {
    const activity = join(dir, 'activity.csv');
    writeFileSync(
      activity,
      'enterprise_id,year,carrier,amount,unit\nE1,2023,electricity,100,MWh\nE1,2024,natural_gas,5,10^4 m3\nE2,2024,raw_coal,12,t\n',
    );
    const commands: [string, string[]][] = [
      [
        'simulate --runs 10 (sample park)',
        ['simulate', '--scenario', 'policy', '--runs', '10', '--seed', '1', '--summary', join(dir, 's.json')],
      ],
      ['account on a 3-row file', ['account', '--activity', activity, '--out', join(dir, 'a.json')]],
    ];
    // Builds the bundle if needed and fills the baseline cache, so the rows below are warm starts.
    timed([LAUNCHER, ...commands[0][1]]);
    const rows: CliStartRow[] = [];
    for (const [label, args] of commands) {
      for (const way of ['bundle', 'tsx'] as const) {
        const runs = Array.from({ length: repeats }, () =>
          timed(way === 'bundle' ? [LAUNCHER, ...args] : [TSX, 'src/cli/main.ts', ...args]),
        );
        const peaks = runs.map((r) => r[1]).filter((p): p is number => p !== null);
        rows.push({
          label,
          way,
          medianS: median(runs.map((r) => r[0])),
          peakMb: peaks.length ? Math.max(...peaks) : null,
        });
      }
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
