/**
 * Results kept per scenario for the time the app is open, so returning to the Pathways page (or to a
 * scenario edited a moment ago) shows its last full result at once instead of running it again. Keyed
 * by the park (id, version and load), the Scope-2 method and the share link's encoding of the scenario,
 * which holds the preset, every setting, the seed and the runs. The park's baseline is kept the same
 * way. Least recently used entries are dropped past `capacity`; summaries only (a few hundred kB each),
 * never the per-run arrays.
 */

export class ResultCache<R, B> {
  readonly #results = new Map<string, R>();
  readonly #baselines = new Map<string, B>();
  readonly #capacity: number;
  constructor(capacity = 8) {
    this.#capacity = Math.max(1, capacity);
  }

  get(key: string): R | undefined {
    return touch(this.#results, key);
  }

  set(key: string, value: R): void {
    put(this.#results, key, value, this.#capacity);
  }

  baseline(key: string): B | undefined {
    return touch(this.#baselines, key);
  }

  setBaseline(key: string, value: B): void {
    put(this.#baselines, key, value, 4);
  }

  get size(): number {
    return this.#results.size;
  }
}

function touch<V>(map: Map<string, V>, key: string): V | undefined {
  const v = map.get(key);
  if (v !== undefined) {
    map.delete(key);
    map.set(key, v);
  }
  return v;
}

function put<V>(map: Map<string, V>, key: string, value: V, capacity: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > capacity) map.delete(map.keys().next().value!);
}
