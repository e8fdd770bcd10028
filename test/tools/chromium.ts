/**
 * Finds a Chromium for the browser and end-to-end tests, installing Debian's package where that is
 * possible (root on Debian/Ubuntu). Shared by vite.config.ts, the e2e runner and the benchmarks.
 */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

/**
 * The features Playwright disables in every Chromium it launches (playwright-core's chromiumSwitches);
 * test/unit/tools/chromium-args.test.ts fails when an upgrade of Playwright changes that list.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** The omnibox dropdown's web UI, which headless Chromium loads although it has no window to show it in. */
const HEADLESS_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];

/** Flags that let Chromium run headless as root on a machine with no network. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Headless Chromium still preloads the omnibox's dropdown as a web page of its own ("WebUI Top
  // Renderer"), which can never be shown without a window, and competes with the app for the CPU on
  // every page opened. Off, so tests and benchmarks measure the app.
  // Chromium reads only the last --disable-features, so Playwright's own list is repeated here.
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...HEADLESS_UI_FEATURES].join(',')}`,
];

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const HOW_TO =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome) ' +
  'or point CHROME_PATH at a Chrome/Chromium executable, then run `npm test` again.';

let warned = false;

/** Returns the path of a Chromium executable, or null. Never installs. */
export function locateChromium(): string | null {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = CANDIDATES.find((p) => existsSync(p)) ?? null;
  if (fromEnv && found && !warned) {
    warned = true;
    console.warn(`[tests] CHROME_PATH=${fromEnv} does not exist; using ${found} instead.`);
  }
  return found;
}

function canAptInstall(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');
}

/** Finds a Chromium, installing Debian's where possible; throws a one-line how-to otherwise. */
export function ensureChromium(): string {
  const found = locateChromium();
  if (found) return found;
  if (process.env.CHROME_PATH)
    throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist. ${HOW_TO}`);
  if (!canAptInstall()) throw new Error(HOW_TO);
  console.log(
    '[tests] No Chromium found; installing Debian packages chromium and fonts-noto-cjk with apt-get…',
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit', env });
  const installed = locateChromium();
  if (!installed) throw new Error(`apt-get finished but no Chromium is at ${CANDIDATES[0]}. ${HOW_TO}`);
  return installed;
}
