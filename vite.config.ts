import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { runnerImport, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, locateChromium } from './test/tools/chromium.ts';

/**
 * The app's Content-Security-Policy: only its own origin; wasm compilation for DuckDB-Wasm and
 * parquet-wasm; its own workers. Inline styles are allowed because ECharts and Svelte transitions set them.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Puts the CSP into the built index.html (dev keeps Vite's HMR free of it). */
function cspPlugin(): Plugin {
  return {
    name: 'pcw-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

/**
 * DuckDB's worker files point at source maps whose sources are not shipped; loading them without the
 * comment stops ~120 warnings per dev-server start.
 */
function stripDuckdbSourceMaps(): Plugin {
  return {
    name: 'pcw-strip-duckdb-sourcemaps',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      // Only plain module loads (Vite adds ?v=hash); ?url and other queries keep their own handling.
      if (
        (query && !/^v=\w+$/.test(query)) ||
        !file.includes('@duckdb/duckdb-wasm/dist/') ||
        !file.endsWith('.js')
      ) {
        return null;
      }
      const code = readFileSync(file, 'utf8');
      return { code: code.replace(/\/\/# sourceMappingURL=\S+/g, ''), map: null };
    },
  };
}

/**
 * Emits `sw.js` (src/pwa/sw-template.js with the build's file list), so the built app works offline once
 * loaded. Of DuckDB's two wasm variants only `eh` (what current browsers pick) is precached; `mvp` is cached
 * on first fetch where a browser needs it.
 */
function serviceWorkerPlugin(): Plugin {
  return {
    name: 'pcw-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !/duckdb-mvp.*\.wasm$/.test(f) && !f.endsWith('.map'));
      const precache = ['./', ...files.filter((f) => f !== 'index.html').sort()];
      const version = createHash('sha256').update(files.sort().join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync('src/pwa/sw-template.js', 'utf8')
        .replace("'__VERSION__'", JSON.stringify(version))
        .replace('const PRECACHE = __PRECACHE__;', `const PRECACHE = ${JSON.stringify(precache)};`);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

/**
 * Ships each bundled park's first answers (the Overview's headline figures and charts, src/data/
 * first-answers.ts) as `first-answers/<park>.json`, asked of the park in DuckDB-Wasm at build time the way
 * the app asks them, so a first visit shows them before DuckDB has started in the browser.
 */
function firstAnswersPlugin(): Plugin {
  return {
    name: 'pcw-first-answers',
    apply: 'build',
    async generateBundle() {
      // Loaded by Vite's module runner (TypeScript sources), not bundled into this config.
      const { module } = await runnerImport<typeof import('./src/data/first-answers-node.ts')>(
        './src/data/first-answers-node.ts',
      );
      for (const { park, json } of await module.bundledFirstAnswers()) {
        this.emitFile({ type: 'asset', fileName: `first-answers/${park}.json`, source: json });
      }
    },
  };
}

const chrome = locateChromium();

export default defineConfig({
  plugins: [svelte(), cspPlugin(), stripDuckdbSourceMaps(), firstAnswersPlugin(), serviceWorkerPlugin()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  // Data files stay files (a data: URL would need connect-src data: under the CSP).
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, assetsInlineLimit: 0 },
  preview: { headers: { 'Content-Security-Policy': CSP } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // Tests assert behaviour, not speed; several start DuckDB-Wasm or worker threads, which takes
          // seconds on a loaded 2-core machine (speed is measured by `npm run bench`).
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One process runs every unit test file in turn, instead of a fresh process per file: starting
          // one and loading the modules again was a large part of this project's time on 2 cores. The
          // unit tests mock nothing and every file makes its own state (temporary folders, databases,
          // pools); they pass in any file order (`--sequence.shuffle.files`).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          // beforeAll hooks start DuckDB-Wasm and load a park: seconds on a loaded machine.
          hookTimeout: 120_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            instances: [{ browser: 'chromium' }],
            provider: playwright({
              launchOptions: { executablePath: chrome ?? undefined, args: CHROMIUM_ARGS },
            }),
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          // The files one after another in one process (each opens and closes its own browser), after
          // the unit and browser tests.
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
