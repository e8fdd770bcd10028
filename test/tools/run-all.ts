/**
 * `npm test`: every layer — static gates, the production build, then Node unit tests, browser tests in
 * real Chromium and end-to-end tests on the built app (one vitest run; the end-to-end files last, one
 * at a time). Ends with one line "N passed, N failed".
 *
 * The test layers run one after another on purpose: the suite is CPU-bound on a 2-core machine, and an
 * end-to-end test beside the unit tests only makes both slower (the app's own workers want the cores).
 * The static gates do not compete with them: they run from the start at the lowest CPU priority
 * (`nice`), so they only take the time the build and the tests leave idle (the end-to-end tests wait
 * on pages and timers); their output is printed in one piece when they end.
 */
import { spawn } from 'node:child_process';
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

function step(name: string, cmd: string, args: string[]): Promise<boolean> {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = performance.now();
  const child = spawn(cmd, args, { stdio: 'inherit', env });
  return new Promise((resolve) => {
    const end = (ok: boolean) => {
      console.log(
        `=== ${name}: ${ok ? 'ok' : 'FAILED'} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      resolve(ok);
    };
    child.on('error', () => end(false));
    child.on('close', (code) => end(code === 0));
  });
}

const report = 'test/artifacts/vitest-report.json';
mkdirSync('test/artifacts', { recursive: true });
rmSync(report, { force: true });

/**
 * Starts the static gates at the lowest CPU priority. Their output is kept and printed after the tests'
 * (it would otherwise cut into the test output).
 */
function backgroundGates(): Promise<() => boolean> {
  const args = ['tsx', 'test/tools/check.ts'];
  const niced = process.platform !== 'win32';
  const how = `npx ${args.join(' ')} (beside the build and tests${niced ? ', nice 19' : ''})`;
  console.log(`\n=== static checks: started, ${how}`);
  const t0 = performance.now();
  const child = niced
    ? spawn('nice', ['-n', '19', 'npx', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env })
    : spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      resolve(() => {
        console.log(`\n=== static checks: ${how}`);
        if (out.trim()) process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
        console.log(`=== static checks: ${ok ? 'ok' : 'FAILED'} in ${seconds} s`);
        return ok;
      });
    };
    child.on('error', (e) => {
      out += `could not start: ${e.message}\n`;
      done(false);
    });
    child.on('close', (code) => done(code === 0));
  });
}

const gates = backgroundGates();
const buildOk = await step('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (!buildOk) failed++;
await step('tests (node, browser, e2e)', 'npx', [
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
const gatesOk = (await gates)();
if (!gatesOk) failed++;
const minutes = ((performance.now() - started) / 60000).toFixed(1);
console.log(
  `\nAll layers done in ${minutes} min${gatesOk ? '' : ' (static checks failed)'}${buildOk ? '' : ' (build failed)'}.`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
