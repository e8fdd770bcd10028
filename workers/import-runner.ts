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

  /**
   * Runs a job in the worker. The file bytes are copied, or with `transfer` handed over (no copy on the
   * page's thread, which matters for a 100 MB file; the caller's arrays are emptied, so it passes bytes
   * read for this run only).
   */
  run(
    job: ImportJob,
    progress?: (phase: ImportPhase, done: number, total: number) => void,
    transfer = false,
  ): Promise<ImportOutcome> {
    const remote = this.#remote();
    const files = [...job.activity, job.enterprises, job.economics].filter((f) => f !== undefined);
    const sent = transfer
      ? Comlink.transfer(
          job,
          files.map((f) => f.bytes.buffer as ArrayBuffer),
        )
      : job;
    return new Promise<ImportOutcome>((resolve, reject) => {
      this.#reject = reject;
      remote
        .run(sent, progress ? Comlink.proxy(progress) : undefined)
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
