/** Zero-copy transfer helpers shared by the runner, the workers and the Node pool. */
import type { RunBlock } from '../src/core/scenario/kernel';
import type { LeverPart, SensitivityPart } from '../src/core/scenario/summary';

/** Every distinct ArrayBuffer behind a block's typed arrays, for a transfer list. */
export function transferablesOf(block: RunBlock): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(block)) {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  }
  return [...buffers];
}

/** What a collection's summary can compute in another worker: its lever and sensitivity parts. */
export interface SidePart {
  levers: LeverPart;
  sensitivity: SensitivityPart;
}

/** The buffers of a side part (each once), to transfer it. */
export function sidePartBuffers(part: SidePart): ArrayBuffer[] {
  const s = part.sensitivity;
  const arrays = [
    part.levers.leverContribution,
    part.levers.years,
    s.inputs,
    s.total2030,
    s.peakYear,
    s.cumulative,
  ];
  return [...new Set(arrays.flatMap((a) => (a && a.buffer instanceof ArrayBuffer ? [a.buffer] : [])))];
}
