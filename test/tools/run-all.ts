/**
 * `npm test`: every layer, in order — static gates, the production build, then Node unit tests, browser
 * tests in real Chromium and end-to-end tests on the built app (one vitest run; the end-to-end files
 * last, one at a time). Ends with one line "N passed, N failed".
 *
 * The layers run one after another on purpose: the suite is CPU-bound on a 2-core machine, and an
 * end-to-end test beside the unit tests only makes both slower (the app's own workers want the cores).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium';

let chrome: string;
try {
  chrome = ensureChromium();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
const env = { ...process.env, CHROME_PATH: chrome };
const started = performance.now();
let passed = 0;
let failed = 0;

function step(name: string, cmd: string, args: string[]): boolean {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  console.log(
    `=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return r.status === 0;
}

const report = 'test/artifacts/vitest-report.json';
mkdirSync('test/artifacts', { recursive: true });
rmSync(report, { force: true });

const gatesOk = step('static checks', 'npx', ['tsx', 'test/tools/check.ts']);
if (!gatesOk) failed++;
const buildOk = step('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (!buildOk) failed++;
step('tests (node, browser, e2e)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
try {
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTestSuites: number;
    success: boolean;
  };
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (!json.success && json.numFailedTests === 0) failed++; // a suite failed to load
} catch {
  console.error('No test report was written: vitest did not run.');
  failed++;
}
const minutes = ((performance.now() - started) / 60000).toFixed(1);
console.log(
  `\nAll layers done in ${minutes} min${gatesOk ? '' : ' (static checks failed)'}${buildOk ? '' : ' (build failed)'}.`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
