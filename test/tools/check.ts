/**
 * The static gates CI runs: svelte-check (the TypeScript of every .ts and .svelte file the tsconfig
 * includes, so no separate `tsc` over the same files), tsc over the core without DOM types, ESLint
 * (with the layer rules of eslint.config.js), Prettier and the unused-exports gate, all with zero
 * warnings allowed. They are independent and each mostly single-threaded: two lanes run side by side,
 * each gate's output printed in one piece when it ends.
 */
import { spawn } from 'node:child_process';

type Gate = [name: string, args: string[]];

const LANES: Gate[][] = [
  [
    [
      'svelte-check',
      ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'],
    ],
    // The domain core alone, without DOM types: a core file reading `document` or `window` fails here.
    ['tsc (core, no DOM)', ['tsc', '--noEmit', '-p', 'tsconfig.core.json']],
    // Every exported value of src/ and workers/ is imported somewhere: no dead or needlessly public code.
    ['unused exports', ['tsx', 'test/tools/unused-exports.ts']],
  ],
  [
    ['eslint', ['eslint', '--max-warnings', '0', '.']],
    ['prettier', ['prettier', '--check', '--log-level', 'warn', '.']],
  ],
];

function run([name, args]: Gate): Promise<boolean> {
  const t0 = performance.now();
  const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const s = ((performance.now() - t0) / 1000).toFixed(1);
      if (out.trim()) process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
      console.log(`[check] ${name} ${code === 0 ? 'ok' : 'FAILED'} (${s} s)`);
      resolve(code === 0);
    });
  });
}

async function lane(gates: Gate[]): Promise<number> {
  let failed = 0;
  for (const gate of gates) if (!(await run(gate))) failed++;
  return failed;
}

const failed = (await Promise.all(LANES.map(lane))).reduce((a, b) => a + b, 0);
process.exit(failed ? 1 : 0);
