/**
 * Runs a command with CHROME_PATH set to a Chromium found (or installed) by ensureChromium().
 * Usage: tsx test/tools/with-chromium.ts <command> [args…]
 */
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium';

let chrome: string;
try {
  chrome = ensureChromium();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
const [cmd, ...args] = process.argv.slice(2);
const r = spawnSync('npx', [cmd, ...args], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chrome },
});
process.exit(r.status ?? 1);
