/**
 * `npm test`: every layer — static gates, the production build, then two test processes side by side:
 * Node unit and browser tests (real Chromium) in one, end-to-end tests on the built app in the other.
 * Most of an end-to-end test's time is the app waiting on its own workers and DuckDB, so the two
 * overlap well on a 2-core machine. Ends with one line "N passed, N failed".
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
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

mkdirSync('test/artifacts', { recursive: true });

const gatesOk = step('static checks', 'npx', ['tsx', 'test/tools/check.ts']);
if (!gatesOk) failed++;
const buildOk = step('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (!buildOk) failed++;

/**
 * One vitest process over some projects, with its own JSON report. Its console output goes to this
 * process's output, or to a log file printed when it ends (so two processes do not interleave lines).
 */
function vitest(name: string, projects: string[], log?: string): Promise<string> {
  const report = `test/artifacts/vitest-report-${name}.json`;
  rmSync(report, { force: true });
  const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p])];
  args.push('--reporter=default', '--reporter=json', `--outputFile.json=${report}`);
  console.log(`\n=== tests (${projects.join(', ')}): npx ${args.join(' ')}${log ? ` (output: ${log})` : ''}`);
  const t0 = performance.now();
  const child = spawn('npx', args, {
    stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...env, ...(log ? { FORCE_COLOR: '1' } : {}) },
  });
  if (log) {
    const out = createWriteStream(log);
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
  }
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      if (log) {
        console.log(`\n=== output of the ${projects.join(', ')} tests:`);
        process.stdout.write(readFileSync(log, 'utf8'));
      }
      console.log(`=== tests (${projects.join(', ')}): ${code === 0 ? 'ok' : 'FAILED'} in ${secs} s`);
      resolve(report);
    });
  });
}

const reports = await Promise.all([
  vitest('unit-browser', ['node', 'browser']),
  vitest('e2e', ['e2e'], 'test/artifacts/e2e.log'),
]);
for (const report of reports) {
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      success: boolean;
    };
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    if (!json.success && json.numFailedTests === 0) failed++; // a suite failed to load
  } catch {
    console.error(`No test report was written (${report}): vitest did not run.`);
    failed++;
  }
}
const minutes = ((performance.now() - started) / 60000).toFixed(1);
console.log(
  `\nAll layers done in ${minutes} min${gatesOk ? '' : ' (static checks failed)'}${buildOk ? '' : ' (build failed)'}.`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
