/**
 * The static gates CI runs: svelte-check, tsc (the whole project, then the core without DOM types),
 * ESLint (with the layer rules of eslint.config.js), Prettier and the unused-exports gate, all with zero
 * warnings allowed.
 */
import { spawnSync } from 'node:child_process';

const GATES: [string, string[]][] = [
  [
    'svelte-check',
    ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'],
  ],
  ['tsc', ['tsc', '--noEmit', '-p', '.']],
  // The domain core alone, without DOM types: a core file reading `document` or `window` fails here.
  ['tsc (core, no DOM)', ['tsc', '--noEmit', '-p', 'tsconfig.core.json']],
  ['eslint', ['eslint', '--max-warnings', '0', '.']],
  ['prettier', ['prettier', '--check', '--log-level', 'warn', '.']],
  // Every exported value of src/ and workers/ is imported somewhere: no dead or needlessly public code.
  ['unused exports', ['tsx', 'test/tools/unused-exports.ts']],
];

let failed = 0;
for (const [name, args] of GATES) {
  const t0 = performance.now();
  const r = spawnSync('npx', args, { stdio: 'inherit' });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.status === 0) console.log(`[check] ${name} ok (${s} s)`);
  else {
    console.log(`[check] ${name} FAILED (${s} s)`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
