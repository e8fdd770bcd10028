/**
 * Joins RunBlocks computed for contiguous run ranges into one RunBlock in run order. Pure and generic
 * over the block's per-run arrays: every Float64Array or Float32Array field is laid out run-major (its
 * length is runCount × a per-run stride), so fields the kernel adds later merge without changes here;
 * the breakdown fields have one row per breakdown run instead, and the lever fields one per lever run
 * (model.ts sampledRowsIn). Each field keeps its element type.
 */
import type { RunBlock } from './kernel';
import { sampledRowsIn } from './model';

type Sampled = Pick<RunBlock, 'nYears' | 'nSectors' | 'nCarriers' | 'nLevers' | 'nPeriods'>;
/**
 * Fields with a row per run of a subsample rather than per run: which `every` picks their runs, and
 * their row width from the block's dimensions (for a block that holds none of those runs).
 */
const SAMPLED: Record<string, { by: 'breakdownEvery' | 'leverEvery'; width: (b: Sampled) => number }> = {
  bySector: { by: 'breakdownEvery', width: (b) => b.nYears * b.nSectors },
  byCarrier: { by: 'breakdownEvery', width: (b) => b.nYears * b.nCarriers },
  leverCostYear: { by: 'breakdownEvery', width: (b) => b.nYears * b.nLevers * 2 },
  leverContribution: { by: 'leverEvery', width: (b) => b.nYears * b.nLevers },
  npvCost: { by: 'leverEvery', width: () => 1 },
  investment: { by: 'leverEvery', width: (b) => b.nPeriods },
  leverCost: { by: 'leverEvery', width: (b) => b.nLevers },
  leverAvoided: { by: 'leverEvery', width: (b) => b.nLevers },
  leverAvoidedDisc: { by: 'leverEvery', width: (b) => b.nLevers },
};
const isSampled = (key: string) => Object.hasOwn(SAMPLED, key);

/** Rows of field `key` in runs [runStart, runStart + runCount) of a block sampled like `block`. */
function rowsOf(key: string, runStart: number, runCount: number, block: RunBlock): number {
  return isSampled(key) ? sampledRowsIn(runStart, runCount, block[SAMPLED[key].by]) : runCount;
}

type Dimensions = Omit<RunBlock, 'runStart' | 'runCount'>;
type RunArray = Float64Array | Float32Array;
/** Gives an array of `length` elements of `type` for a merged field. */
export type ArrayAllocator = (type: typeof Float64Array | typeof Float32Array, length: number) => RunArray;
const isRunArray = (v: unknown): v is RunArray => v instanceof Float64Array || v instanceof Float32Array;

interface Layout {
  /** Float64Array / Float32Array fields, their per-run stride and element type. */
  arrays: [key: string, stride: number, type: typeof Float64Array | typeof Float32Array][];
  /** Scalar dimension fields that every block must share. */
  scalars: [key: string, value: unknown][];
  years: Int32Array;
}

function layoutOf(block: RunBlock): Layout {
  const arrays: Layout['arrays'] = [];
  const scalars: [string, unknown][] = [];
  for (const [key, value] of Object.entries(block)) {
    if (key === 'runStart' || key === 'runCount' || key === 'years') continue;
    if (isRunArray(value)) {
      const type = value instanceof Float32Array ? Float32Array : Float64Array;
      if (isSampled(key)) {
        const rows = rowsOf(key, block.runStart, block.runCount, block);
        // A block may hold no run of the subsample: the row width then comes from the dimensions. The
        // breakdown's cost rows exist only when the block has costs (computed with lever contributions).
        const has = key !== 'leverCostYear' || block.leverEvery > 0;
        const width =
          rows > 0 ? value.length / rows : block[SAMPLED[key].by] > 0 && has ? SAMPLED[key].width(block) : 0;
        if (!Number.isInteger(width))
          throw new Error(`RunBlock.${key} has ${value.length} values, not a multiple of ${rows} rows`);
        arrays.push([key, width, type]);
        continue;
      }
      if (block.runCount === 0 ? value.length !== 0 : value.length % block.runCount !== 0) {
        throw new Error(
          `RunBlock.${key} has ${value.length} values, not a multiple of ${block.runCount} runs`,
        );
      }
      arrays.push([key, block.runCount === 0 ? 0 : value.length / block.runCount, type]);
    } else {
      scalars.push([key, value]);
    }
  }
  return { arrays, scalars, years: block.years };
}

function sameYears(a: Int32Array, b: Int32Array): boolean {
  return a.length === b.length && a.every((y, i) => y === b[i]);
}

function checkCompatible(layout: Layout, block: RunBlock): void {
  const fields = block as unknown as Record<string, unknown>;
  for (const [key, value] of layout.scalars) {
    if (fields[key] !== value)
      throw new Error(`RunBlock.${key} differs between blocks: ${value} vs ${fields[key]}`);
  }
  if (!sameYears(layout.years, block.years)) throw new Error('RunBlock.years differs between blocks');
  for (const [key, stride, type] of layout.arrays) {
    const arr = fields[key];
    const rows = rowsOf(key, block.runStart, block.runCount, block);
    if (!(arr instanceof type) || arr.length !== stride * rows) {
      throw new Error(`RunBlock.${key} of runs ${block.runStart}+${block.runCount} has the wrong length`);
    }
  }
}

/**
 * Collects blocks into arrays allocated once for the whole range, so the peak memory is the result
 * plus one in-flight chunk per worker (not twice the result, as concatenating at the end would be).
 */
export class RunBlockAssembler {
  readonly runStart: number;
  readonly runCount: number;
  #layout: Layout | null = null;
  #target: Record<string, unknown> | null = null;
  #filled = 0;
  #seen: Uint8Array;
  #allocate: ArrayAllocator;

  /**
   * `allocate` gives each field's array (default: a new one), e.g. memory an earlier result no longer
   * needs. Its contents need not be zero: every element is written once every run has been added.
   */
  constructor(runStart: number, runCount: number, allocate: ArrayAllocator = (type, n) => new type(n)) {
    this.runStart = runStart;
    this.runCount = runCount;
    this.#seen = new Uint8Array(runCount);
    this.#allocate = allocate;
  }

  /** Runs copied in so far. */
  get filled(): number {
    return this.#filled;
  }

  /** Copies a block into place; throws if it falls outside the range, overlaps, or has other dimensions. */
  add(block: RunBlock): void {
    const offset = block.runStart - this.runStart;
    if (offset < 0 || offset + block.runCount > this.runCount) {
      throw new RangeError(
        `Runs ${block.runStart}+${block.runCount} fall outside ${this.runStart}+${this.runCount}`,
      );
    }
    if (!this.#layout || !this.#target) {
      this.#layout = layoutOf(block);
      this.#target = Object.fromEntries(this.#layout.scalars);
      for (const [key, stride, type] of this.#layout.arrays) {
        this.#target[key] = this.#allocate(type, stride * rowsOf(key, this.runStart, this.runCount, block));
      }
    }
    checkCompatible(this.#layout, block);
    for (let r = offset; r < offset + block.runCount; r++) {
      if (this.#seen[r]) throw new Error(`Run ${this.runStart + r} was added twice`);
      this.#seen[r] = 1;
    }
    const fields = block as unknown as Record<string, RunArray>;
    for (const [key, stride] of this.#layout.arrays) {
      const before = rowsOf(key, this.runStart, offset, block);
      (this.#target[key] as RunArray).set(fields[key], before * stride);
    }
    this.#filled += block.runCount;
  }

  /** The arrays laid out so far (e.g. to reuse the memory of a collection given up). */
  arrays(): RunArray[] {
    return this.#target ? Object.values(this.#target).filter(isRunArray) : [];
  }

  /** The merged block; throws while some runs are missing. */
  result(): RunBlock {
    if (!this.#layout || !this.#target || this.#filled !== this.runCount) {
      throw new Error(`Only ${this.#filled} of ${this.runCount} runs have been added`);
    }
    return {
      ...(this.#target as unknown as Dimensions),
      years: this.#layout.years.slice(),
      runStart: this.runStart,
      runCount: this.runCount,
    };
  }
}

/** Merges blocks (any order) covering one contiguous range without gaps into one block in run order. */
export function mergeRunBlocks(blocks: readonly RunBlock[]): RunBlock {
  if (blocks.length === 0) throw new Error('Nothing to merge: no RunBlocks');
  const sorted = [...blocks].sort((a, b) => a.runStart - b.runStart);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const assembler = new RunBlockAssembler(first.runStart, last.runStart + last.runCount - first.runStart);
  for (const block of sorted) assembler.add(block);
  return assembler.result();
}
