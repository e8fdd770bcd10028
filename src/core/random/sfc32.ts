/**
 * Counter-based streams for Monte Carlo runs: run r of a simulation draws from a generator whose
 * state is a hash of (seed, r) alone, so any split of runs over workers gives the same numbers.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand 0.94), 128-bit
 * state, passes PractRand and BigCrush. Seeding: each of the four state words is a separate chain of
 * the `lowbias32` integer hash (C. Wellons, "Prospecting for hash functions", 2018) over the 32-bit
 * halves of seed and run, then 12 warm-up rounds as PractRand recommends for sfc.
 */

const TWO_POW_32 = 4294967296;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** lowbias32: a 32-bit integer hash with low bias (Wellons 2018). */
export function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function chain(lane: number, w0: number, w1: number, w2: number, w3: number): number {
  let h = hash32(lane);
  h = hash32(h ^ w0);
  h = hash32(h ^ w1);
  h = hash32(h ^ w2);
  return hash32(h ^ w3);
}

function checkIndex(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be an integer in [0, 2^53), got ${value}`);
  }
}

/** sfc32 with a reseedable state; one instance is reused for every run of a block (no allocation). */
export class Sfc32 {
  a = 0;
  b = 0;
  c = 0;
  d = 0;

  constructor(seed = 0, run = 0) {
    this.seedRun(seed, run);
  }

  /** Sets the state from (seed, run) alone. */
  seedRun(seed: number, run: number): void {
    checkIndex('seed', seed);
    checkIndex('run', run);
    const s0 = seed >>> 0;
    const s1 = Math.floor(seed / TWO_POW_32) >>> 0;
    const r0 = run >>> 0;
    const r1 = Math.floor(run / TWO_POW_32) >>> 0;
    this.setState(
      chain(0x243f6a88, s0, s1, r0, r1),
      chain(0x85a308d3, s0, s1, r0, r1),
      chain(0x13198a2e, s0, s1, r0, r1),
      chain(0x03707344, s0, s1, r0, r1),
    );
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Sets the raw state words (for known-answer tests). */
  setState(a: number, b: number, c: number, d: number): void {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
  }

  /** Next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /**
   * Uniform double in the open interval (0, 1) with 53 random bits: two outputs give k in [0, 2^53),
   * and (k + 0.5) / 2^53 is never 0 or 1, so inverse CDFs never see an infinite tail.
   */
  nextDouble(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * TWO_POW_26 + lo + 0.5) / TWO_POW_53;
  }
}

/**
 * One generator for the life of the module, for a caller that reseeds it for every run (the kernel: no
 * allocation per block). It also keeps Sfc32's hidden class alive: code compiled for the class is
 * specialised to it, and a class instance's hidden class is reachable only through weak links once no
 * instance is alive. Without this one, a garbage collection between two samples (a planner reading the
 * result) dropped it, and V8 threw away every function compiled for it ("weak objects"), the kernel's run
 * loop among them, to compile them again on the next slider move: seconds of background compilation on a
 * 2-core machine. Every user of Sfc32 (the footprint's Monte Carlo too) keeps its compiled code.
 */
export const sharedGenerator = new Sfc32();
