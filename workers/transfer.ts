/** Zero-copy transfer helpers shared by the runner, the workers and the Node pool. */
import type { RunBlock } from '../src/core/scenario/kernel';

/** Every distinct ArrayBuffer behind a block's typed arrays, for a transfer list. */
export function transferablesOf(block: RunBlock): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(block)) {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  }
  return [...buffers];
}
