/**
 * The CLI's prebuilt bundle (`npm run cli` starts it through launch.mjs, which builds it when it is
 * missing or older than its sources): the TypeScript of src/cli, src/core, src/data and workers
 * compiled once by Vite into ES modules for Node, one chunk per command (loaded when the command
 * runs), the simulation and query threads as entries of their own; packages stay in node_modules.
 */
import { randomBytes } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Where the bundle goes: a cache, rebuilt at will, never committed. */
const CLI_OUT_DIR = join(ROOT, 'node_modules/.cache/pcw-cli');

/**
 * Records the source files the bundle was built from (inputs.json), for the launcher's staleness check.
 */
function inputsList(): Plugin {
  return {
    name: 'pcw-cli-inputs',
    generateBundle() {
      const files = [...this.getModuleIds()]
        .filter((id) => id.startsWith(ROOT) && !id.includes('/node_modules/'))
        .map((id) => relative(ROOT, id.split('?')[0]))
        .sort();
      this.emitFile({
        type: 'asset',
        fileName: 'inputs.json',
        source: JSON.stringify(files, null, 1) + '\n',
      });
    },
  };
}

/** A new id for every build, so anything cached under one build is never used by another. */
function buildId(): string {
  return randomBytes(8).toString('hex');
}

export default defineConfig({
  root: ROOT,
  publicDir: false,
  logLevel: 'warn',
  define: { 'import.meta.env.PCW_CLI_BUILD_ID': JSON.stringify(buildId()) },
  plugins: [inputsList()],
  build: {
    ssr: true,
    target: 'node20',
    outDir: CLI_OUT_DIR,
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        main: join(ROOT, 'src/cli/main.ts'),
        'simulation.node-worker': join(ROOT, 'workers/simulation.node-worker.ts'),
        'query-thread': join(ROOT, 'src/cli/query-thread.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
