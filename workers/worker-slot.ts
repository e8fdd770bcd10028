/** The bookkeeping of the simulation runner's pool: requests and worker slots (no Comlink here). */

/** One request's life: aborted once, by a cancellation or by the first failure. */
export class Request {
  reason: Error | null = null;
  readonly stopped: Promise<never>;
  #reject!: (reason: Error) => void;
  constructor() {
    this.stopped = new Promise<never>((_, reject) => (this.#reject = reject));
    this.stopped.catch(() => {});
  }
  abort(reason: Error): void {
    if (this.reason) return;
    this.reason = reason;
    this.#reject(reason);
  }
}

/**
 * One worker, its proxy, and a queue so calls run one after another. A crash (`error` event), an
 * undecodable message or a stall kills the slot: its pending and queued calls reject.
 */
export class Slot<Api> {
  modelKey = -1;
  busy = 0;
  owner: Request | null = null;
  #tail: Promise<unknown> = Promise.resolve();
  #dead: Promise<never>;
  #kill!: (error: Error) => void;
  #alive = true;

  constructor(
    readonly index: number,
    readonly worker: Worker,
    readonly remote: Api,
    readonly stallTimeoutMs: number,
  ) {
    this.#dead = new Promise<never>((_, reject) => (this.#kill = reject));
    this.#dead.catch(() => {});
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.kill(new Error(`the worker crashed (${event.message || 'no message'})`));
    });
    worker.addEventListener('messageerror', () => this.kill(new Error('a message could not be decoded')));
  }

  /** Runs `fn` after the calls queued before it; rejects if the worker dies or stalls first. */
  call<T>(owner: Request | null, fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(() => {
      this.busy++;
      this.owner = owner;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stall = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new Error(`the worker did not answer within ${this.stallTimeoutMs} ms`);
          this.kill(error);
          reject(error);
        }, this.stallTimeoutMs);
      });
      return Promise.race([fn(), this.#dead, stall]).finally(() => {
        clearTimeout(timer);
        this.busy--;
      });
    });
    this.#tail = run.catch(() => {});
    return run;
  }

  kill(error: Error): void {
    if (!this.#alive) return;
    this.#alive = false;
    this.#kill(error);
    this.worker.terminate();
  }
}
