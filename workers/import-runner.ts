/**
 * The page's handle on the import worker: one job at a time; cancel ends the worker at once (Comlink
 * has no cancellation), and the next job starts a fresh one. Nothing is loaded or saved here.
 */
import * as Comlink from 'comlink';
import type { ImportPhase } from '../src/core/import/index';
import type { ImportJob, ImportOutcome, ImportWorkerApi } from './import.worker';

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export class ImportRunner {
  #worker: Worker | null = null;
  #api: Comlink.Remote<ImportWorkerApi> | null = null;
  #reject: ((e: Error) => void) | null = null;

  #remote(): Comlink.Remote<ImportWorkerApi> {
    if (!this.#api) {
      const worker = new Worker(new URL('./import.worker.ts', import.meta.url), {
        type: 'module',
        name: 'import',
      });
      this.#worker = worker;
      this.#api = Comlink.wrap<ImportWorkerApi>(worker);
    }
    return this.#api;
  }

  /** Runs a job in the worker; the file bytes are copied (the page keeps its files for a re-run). */
  run(
    job: ImportJob,
    progress?: (phase: ImportPhase, done: number, total: number) => void,
  ): Promise<ImportOutcome> {
    const remote = this.#remote();
    return new Promise<ImportOutcome>((resolve, reject) => {
      this.#reject = reject;
      remote
        .run(job, progress ? Comlink.proxy(progress) : undefined)
        .then(resolve, (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))))
        .finally(() => {
          if (this.#reject === reject) this.#reject = null;
        });
    });
  }

  /** The import template workbook in a language. */
  template(lang: 'zh' | 'en'): Promise<Uint8Array> {
    return this.#remote().template(lang);
  }

  /** Ends the running job: its promise rejects with ImportCancelled. */
  cancel(): void {
    const reject = this.#reject;
    this.terminate();
    reject?.(new ImportCancelled('import cancelled'));
  }

  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
    this.#reject = null;
  }
}
