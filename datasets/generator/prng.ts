/**
 * A small seeded pseudo-random generator (sfc32, Chris Doty-Humphrey's Small Fast Counting generator)
 * so that the bundled datasets regenerate byte for byte. Never use Math.random in the generator.
 */
export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /** Seeds the four 32-bit state words from a string (FNV-1a based mixing), then warms up. */
  constructor(seed: string) {
    let h = 0x811c9dc5;
    const words: number[] = [];
    for (let k = 0; k < 4; k++) {
      for (let i = 0; i < seed.length; i++) {
        h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
      }
      h = Math.imul(h ^ (k + 1), 0x01000193) >>> 0;
      words.push(h);
    }
    [this.#a, this.#b, this.#c, this.#d] = words;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer uniform in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal draw (Box–Muller; one value per call keeps the stream simple). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal multiplier with median `median` and log-standard deviation `sigma`. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One element with the given non-negative weights. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((s, w) => s + w, 0);
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** An independent child stream, so adding draws in one place does not shift another. */
  fork(label: string): Rng {
    return new Rng(`${label}:${this.next()}`);
  }
}
