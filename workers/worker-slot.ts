/** The bookkeeping of the simulation pool: requests, worker handles and slots (no Comlink here). */

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

/** What a worker entry posts once its API is exposed; Comlink ignores it (no id). */
export const READY_MESSAGE = { simulationWorkerReady: true } as const;

/** Whether a message from a worker is its READY_MESSAGE. */
export function isReadyMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'simulationWorkerReady' in data;
}

/** The message channel a Comlink proxy talks over (a DOM Worker, or a Node thread through Comlink's adapter). */
export interface MessageEndpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  removeEventListener(type: string, listener: (event: MessageEvent) => void): void;
}

/** A worker as the pool sees it, whatever runs it (browser Worker, Node worker thread). */
export interface WorkerHandle {
  endpoint: MessageEndpoint;
  /** Calls `listener` once the worker has posted READY_MESSAGE. */
  onReady(listener: () => void): void;
  /** Calls `listener` when the worker crashes, exits or sends a message that cannot be decoded. */
  onFailure(listener: (error: Error) => void): void;
  terminate(): void;
}

/** A browser module worker as a handle. */
export function browserWorkerHandle(worker: Worker): WorkerHandle {
  return {
    endpoint: worker as unknown as MessageEndpoint,
    onReady(listener) {
      worker.addEventListener('message', (event) => {
        if (isReadyMessage(event.data)) listener();
      });
    },
    onFailure(listener) {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener(new Error(`the worker crashed (${event.message || 'no message'})`));
      });
      worker.addEventListener('messageerror', () => listener(new Error('a message could not be decoded')));
    },
    terminate: () => worker.terminate(),
  };
}

export interface SlotTimeouts {
  /** A call not answered this long (ms) after it started kills the worker; the worker's start is not counted. */
  stallTimeoutMs: number;
  /** A worker not ready this long (ms) after it was created is dead. */
  bootTimeoutMs: number;
}

/**
 * One worker, its proxy, and a queue so calls run one after another. A crash, an exit, an undecodable
 * message, a stall or a worker that never starts kills the slot: its pending and queued calls reject.
 * The stall timer of a call starts once the worker is ready, so a slow start (a loaded machine, a
 * large bundle to compile) never counts as a stall.
 */
export class Slot<Api> {
  modelKey = -1;
  busy = 0;
  owner: Request | null = null;
  readonly #ready: Promise<void>;
  #tail: Promise<unknown> = Promise.resolve();
  #dead: Promise<never>;
  #kill!: (error: Error) => void;
  #alive = true;

  constructor(
    readonly index: number,
    readonly handle: WorkerHandle,
    readonly remote: Api,
    readonly timeouts: SlotTimeouts,
  ) {
    this.#dead = new Promise<never>((_, reject) => (this.#kill = reject));
    this.#dead.catch(() => {});
    handle.onFailure((error) => this.kill(error));
    this.#ready = new Promise<void>((resolve) => {
      const boot = setTimeout(
        () => this.kill(new Error(`the worker did not start within ${timeouts.bootTimeoutMs} ms`)),
        timeouts.bootTimeoutMs,
      );
      handle.onReady(() => {
        clearTimeout(boot);
        resolve();
      });
      this.#dead.catch(() => clearTimeout(boot));
    });
  }

  /** Resolves once the worker is ready; rejects if it dies first. */
  ready(): Promise<void> {
    return Promise.race([this.#ready, this.#dead]);
  }

  /** Runs `fn` after the calls queued before it; rejects if the worker dies or stalls first. */
  call<T>(owner: Request | null, fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(async () => {
      this.busy++;
      this.owner = owner;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await this.ready();
        const stall = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const error = new Error(`the worker did not answer within ${this.timeouts.stallTimeoutMs} ms`);
            this.kill(error);
            reject(error);
          }, this.timeouts.stallTimeoutMs);
        });
        return await Promise.race([fn(), this.#dead, stall]);
      } finally {
        clearTimeout(timer);
        this.busy--;
      }
    });
    this.#tail = run.catch(() => {});
    return run;
  }

  kill(error: Error): void {
    if (!this.#alive) return;
    this.#alive = false;
    this.#kill(error);
    this.handle.terminate();
  }
}
