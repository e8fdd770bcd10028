/**
 * Scale benchmark of the commands on a large park (issue 15): `account`, `validate` and
 * `simulate --park <folder>` on a generated canonical park of 200,000 and 1,000,000 activity rows
 * (enterprises × 10 years × 5 carriers). Each command runs in a process of its own, so its peak memory
 * is its own. Prints time and peak RSS; no assertions. `BENCH_PART=scale npm run bench`;
 * `SCALE_ROWS=200000` runs one size only.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CARRIERS: [string, string, number][] = [
  ['electricity', '10^4 kWh', 120],
  ['natural_gas', '10^4 m3', 8],
  ['heat', 'GJ', 9000],
  ['diesel', 't', 12],
  ['raw_coal', 't', 400],
];
const SECTORS = ['chemicals', 'food', 'textiles', 'machinery', 'electronics'];
const YEARS = 10;

/** A canonical park folder with `rows` activity rows; returns its path. */
function writePark(root: string, rows: number): string {
  const dir = join(root, `park-${rows}`);
  mkdirSync(dir, { recursive: true });
  const enterprises = Math.ceil(rows / (YEARS * CARRIERS.length));
  const ent = ['enterprise_id,name_en,sector\n'];
  const eco = ['enterprise_id,year,output_value_10k_cny\n'];
  const act = ['enterprise_id,year,carrier,amount,unit\n'];
  for (let e = 1; e <= enterprises; e++) {
    const id = `E${String(e).padStart(7, '0')}`;
    ent.push(`${id},Enterprise ${e},${SECTORS[e % SECTORS.length]}\n`);
    for (let y = 2015; y < 2015 + YEARS; y++) {
      eco.push(`${id},${y},${1000 + ((e * 13 + y) % 97) * 10}\n`);
      for (const [carrier, unit, base] of CARRIERS) {
        act.push(`${id},${y},${carrier},${(base * (1 + ((e * 7 + y * 3) % 17) / 20)).toFixed(3)},${unit}\n`);
      }
    }
  }
  writeFileSync(join(dir, 'enterprises.csv'), ent.join(''));
  writeFileSync(join(dir, 'economics.csv'), eco.join(''));
  writeFileSync(join(dir, 'activity.csv'), act.join(''));
  return dir;
}

interface ChildResult {
  code: number;
  ms: number;
  peakRssMb: number;
  said: string;
}

/** Runs one CLI command in a child process (the CLI's sources through tsx) and reads its figures. */
function measure(argv: string[], cwd: string): ChildResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    cwd: process.cwd(),
    env: { ...process.env, SCALE_CHILD: JSON.stringify({ argv, cwd }) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as ChildResult;
  } catch {
    return { code: r.status ?? -1, ms: NaN, peakRssMb: NaN, said: (r.stderr || r.stdout).slice(0, 300) };
  }
}

async function child(spec: string): Promise<void> {
  const { argv, cwd } = JSON.parse(spec) as { argv: string[]; cwd: string };
  const { main } = await import('../../src/cli/main');
  let said = '';
  const t0 = performance.now();
  const code = await main(argv, { stdout: () => {}, stderr: (s) => void (said += s), cwd });
  const ms = performance.now() - t0;
  const result: ChildResult = {
    code,
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    said: said.slice(0, 300),
  };
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
  process.exit(0);
}

export function printScaleBench(): void {
  const sizes = process.env.SCALE_ROWS ? [Number(process.env.SCALE_ROWS)] : [200_000, 1_000_000];
  const root = mkdtempSync(join(tmpdir(), 'pcw-scale-'));
  try {
    console.log(
      'Scale: commands on a generated canonical park (CSV), each in its own process (CLI sources via tsx)',
    );
    console.log('  rows        command                       time      peak RSS   exit');
    for (const rows of sizes) {
      const park = writePark(root, rows);
      const commands: [string, string[]][] = [
        [
          'account',
          ['account', '--activity', join(park, 'activity.csv'), '--out', join(root, 'inventory.csv')],
        ],
        [
          'validate',
          [
            'validate',
            '--activity',
            join(park, 'activity.csv'),
            '--enterprises',
            join(park, 'enterprises.csv'),
            '--economics',
            join(park, 'economics.csv'),
          ],
        ],
        [
          'simulate --park (200 runs)',
          [
            'simulate',
            '--scenario',
            'bau',
            '--park',
            park,
            '--runs',
            '200',
            '--seed',
            '1',
            '--workers',
            '2',
            '--summary',
            join(root, 's.json'),
          ],
        ],
      ];
      for (const [name, argv] of commands) {
        const r = measure(argv, root);
        console.log(
          `  ${rows.toLocaleString('en').padEnd(10)}  ${name.padEnd(28)}  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ` +
            `${r.peakRssMb.toFixed(0).padStart(6)} MB   ${r.code}${r.code === 0 ? '' : `  ${r.said.split('\n')[0]}`}`,
        );
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.env.SCALE_CHILD) void child(process.env.SCALE_CHILD);
else if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  printScaleBench();
