/**
 * Compiles the AssemblyScript sources of this folder (*.as.ts) into one WebAssembly module, in memory
 * (nothing is written: no .wasm file in the repository). Release build (-O3), wasm SIMD on, the stub
 * runtime (no garbage collector; the bench manages the linear memory itself) and no `abort` import, so
 * the module imports nothing and exports its memory and functions.
 */
import asc from 'assemblyscript/asc';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCES = ['normal-inv.as.ts', 'sector-sums.as.ts'];

export const ASC_FLAGS = ['-O3', '--enable', 'simd', '--runtime', 'stub', '--use', 'abort=', '--noAssert'];

/** The module's bytes; throws with asc's diagnostics when a source does not compile. */
export async function buildSimdWasm(): Promise<Uint8Array> {
  let binary: Uint8Array | null = null;
  let errors = '';
  const { error } = await asc.main([...SOURCES, ...ASC_FLAGS, '--outFile', 'simd.wasm'], {
    readFile: (name) => {
      try {
        return readFileSync(join(HERE, name), 'utf8');
      } catch {
        return null;
      }
    },
    writeFile: (name, contents) => {
      if (name === 'simd.wasm' && typeof contents !== 'string') binary = contents;
    },
    listFiles: () => [],
    stderr: {
      write: (s: string | Uint8Array) => {
        errors += typeof s === 'string' ? s : new TextDecoder().decode(s);
        return true;
      },
    } as never,
  });
  if (error || !binary) throw new Error(`asc failed: ${error?.message ?? 'no output'}\n${errors}`);
  return binary;
}
