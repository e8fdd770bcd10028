/**
 * Compiles the AssemblyScript sources of this folder (*.as.ts) into one WebAssembly module, in memory
 * (nothing is written), with the repository's one AssemblyScript build (test/tools/asc.ts).
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileAssemblyScript } from '../../tools/asc';

export { ASC_FLAGS } from '../../tools/asc';

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCES = ['normal-inv.as.ts', 'sector-sums.as.ts'];

/** The module's bytes; throws with asc's diagnostics when a source does not compile. */
export function buildSimdWasm(): Promise<Uint8Array> {
  return compileAssemblyScript(HERE, SOURCES);
}
