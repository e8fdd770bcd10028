/**
 * The kernel's sector-sum step in WebAssembly (sector-sums.as.ts says what it computes; docs/
 * architecture.md why). One instance per thread (worker, CLI, test process), made on first use from
 * the bytes bundled in sector-sums.wasm.ts: nothing to fetch, so it works offline and in the CLI alike.
 * Where WebAssembly or its SIMD is missing, `sectorSums()` is null and the kernel sums in JS (the same
 * bits).
 */
import { SECTOR_SUMS_WASM } from './sector-sums.wasm';

/** The part of the WebAssembly API used here (the core is typed without the DOM). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  layout(
    mq: number,
    pq: number,
    o: number,
    i: number,
    sumM: number,
    sumP: number,
    start: number,
    sectors: number,
  ): void;
  sums(): void;
}

/** The arrays of one block in the module's memory; `sums()` fills sumM and sumP from O and I. */
export interface SectorSumViews {
  O: Float64Array;
  I: Float64Array;
  sumM: Float64Array;
  sumP: Float64Array;
  sums: () => void;
}

const NQM = 12;
const NQP = 5;
/** The module's pq rows (the kernel's NQP padded to an even count for two-lane loads). */
const PQ = 6;

let instance: Exports | null | undefined;

/** This thread's instance, or null where WebAssembly (with SIMD) cannot run. */
function exportsOf(): Exports | null {
  if (instance !== undefined) return instance;
  instance = null;
  const W = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (W) {
    try {
      instance = new W.Instance(
        new W.Module(Uint8Array.from(atob(SECTOR_SUMS_WASM), (c) => c.charCodeAt(0))),
        {},
      ).exports as unknown as Exports;
    } catch {
      // No SIMD, or compiling forbidden (a content security policy): the JS sums.
      instance = null;
    }
  }
  return instance;
}

/** Whether this thread sums in WebAssembly. */
export function sectorSumsAvailable(): boolean {
  return exportsOf() !== null;
}

/**
 * Lays out one block's arrays in the module's memory and copies the constant ones in: mq (nS rows of
 * 12), pq (nS rows of 5), the group starts (7) and the grouped sectors. Null where WebAssembly cannot run.
 * The views stay valid until the next call (which may grow the memory).
 */
export function sectorSums(
  mq: Float64Array,
  pq: Float64Array,
  groupStart: Int32Array,
  groupedSectors: Int32Array,
): SectorSumViews | null {
  const x = exportsOf();
  if (x === null) return null;
  const nS = mq.length / NQM;
  const sizes = [
    nS * NQM * 8,
    nS * PQ * 8,
    nS * 8,
    nS * 8,
    6 * NQM * 8,
    3 * NQP * 8,
    7 * 4,
    groupedSectors.length * 4,
  ];
  let at = (x.heapBase() + 15) & ~15;
  const offsets = sizes.map((bytes) => {
    const o = at;
    at += (bytes + 15) & ~15;
    return o;
  });
  const need = at - x.memory.buffer.byteLength;
  if (need > 0) x.memory.grow(Math.ceil(need / 65536));
  const buf = x.memory.buffer;
  const [mqAt, pqAt, oAt, iAt, mAt, pAt, startAt, sectorsAt] = offsets;
  new Float64Array(buf, mqAt, nS * NQM).set(mq);
  const pqPadded = new Float64Array(buf, pqAt, nS * PQ);
  for (let s = 0; s < nS; s++) {
    for (let q = 0; q < NQP; q++) pqPadded[s * PQ + q] = pq[s * NQP + q];
    pqPadded[s * PQ + NQP] = 0;
  }
  new Int32Array(buf, startAt, 7).set(groupStart);
  new Int32Array(buf, sectorsAt, groupedSectors.length).set(groupedSectors);
  x.layout(mqAt, pqAt, oAt, iAt, mAt, pAt, startAt, sectorsAt);
  return {
    O: new Float64Array(buf, oAt, nS),
    I: new Float64Array(buf, iAt, nS),
    sumM: new Float64Array(buf, mAt, 6 * NQM),
    sumP: new Float64Array(buf, pAt, 3 * NQP),
    sums: x.sums,
  };
}
