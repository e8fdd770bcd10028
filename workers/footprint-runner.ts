/**
 * The page's handle on the footprint worker: one worker, started on first use, calls answered in
 * order. A newer run supersedes an older one that has not answered yet (its promise resolves to null),
 * so the page only ever shows the latest inputs. A crashed worker fails its pending calls with a message
 * and is replaced on the next call.
 */
import * as Comlink from 'comlink';
import type { FootprintJob, Product } from '../src/core/footprint/index';
import type { BomRead, FootprintWorkerApi } from './footprint.worker';

export class FootprintRunner {
  #worker: Worker | null = null;
  #api: Comlink.Remote<FootprintWorkerApi> | null = null;
  #latest = 0;
  /** Rejects when the current worker crashes, so no call waits forever on a dead worker. */
  #dead = new Promise<never>(() => {});

  #remote(): Comlink.Remote<FootprintWorkerApi> {
    if (!this.#api) {
      const worker = new Worker(new URL('./footprint.worker.ts', import.meta.url), {
        type: 'module',
        name: 'footprint',
      });
      this.#dead = new Promise<never>((_, reject) =>
        worker.addEventListener('error', (event) => {
          event.preventDefault();
          reject(new Error(`the footprint worker crashed (${event.message || 'no message'})`));
          if (this.#worker === worker) this.terminate();
        }),
      );
      this.#dead.catch(() => {});
      this.#worker = worker;
      this.#api = Comlink.wrap<FootprintWorkerApi>(worker);
    }
    return this.#api;
  }

  /** Footprints of a product family with the same seed and runs; null when a newer run was asked for meanwhile. */
  async run(
    products: Product[],
    runs: number,
    seed: number,
    lang: 'zh' | 'en',
  ): Promise<FootprintJob | null> {
    const ticket = ++this.#latest;
    // Plain data across the boundary (state proxies do not clone).
    const plain = JSON.parse(JSON.stringify(products)) as Product[];
    const remote = this.#remote();
    const job = await Promise.race([remote.run(plain, runs, seed, lang), this.#dead]);
    return ticket === this.#latest ? job : null;
  }

  /** Reads a BOM file (CSV or XLSX) in the worker. */
  readBom(name: string, bytes: Uint8Array): Promise<BomRead> {
    const remote = this.#remote();
    return Promise.race([
      remote.readBom(name, Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer])),
      this.#dead,
    ]);
  }

  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
  }
}
