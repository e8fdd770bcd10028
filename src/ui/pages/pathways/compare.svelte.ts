/**
 * State of the Pathways page's saved scenarios and its compare panel. The comparison runs in a pool of
 * its own (created on first use), so it never supersedes or changes the page's main run; one
 * comparison at a time, cancellable.
 */
import type { Scenario } from '../../../core/scenario/index';
import {
  createSimulationRunner,
  isCancellation,
  type SimulationRunner,
} from '../../../../workers/simulation-runner';
import { browserStore } from '../accounting/storage';
import type { PathwaysState } from './pathways.svelte';
import {
  choiceKey,
  itemFor,
  MAX_COMPARED,
  MIN_COMPARED,
  runComparison,
  scope2Mismatches,
  type CompareChoice,
  type CompareResult,
} from './compare-vm';
import { SavedScenarios, type SaveOutcome, type SavedScenario } from './saved-scenarios';

/** The saved scenarios, reactive. */
export class SavedState {
  readonly #saved: SavedScenarios;
  entries = $state.raw<readonly SavedScenario[]>([]);
  unreadable = $state(0);
  readonly persistent: boolean;

  constructor(saved = new SavedScenarios(browserStore())) {
    this.#saved = saved;
    this.persistent = saved.persistent;
    this.#sync();
  }

  #sync(): void {
    this.entries = this.#saved.entries;
    this.unreadable = this.#saved.unreadable;
  }

  find(name: string): Scenario | undefined {
    return this.#saved.find(name)?.scenario;
  }

  save(name: string, scenario: Scenario): SaveOutcome {
    const r = this.#saved.save(name, scenario);
    this.#sync();
    return r;
  }

  upload(fileName: string, text: string, lang: 'zh' | 'en', dataset?: string): SaveOutcome {
    const r = this.#saved.upload(fileName, text, lang, dataset);
    this.#sync();
    return r;
  }

  remove(name: string): boolean {
    const ok = this.#saved.remove(name);
    this.#sync();
    return ok;
  }
}

type CompareStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

type CompareProblem =
  | { kind: 'count' }
  | { kind: 'missing' }
  | { kind: 'scope2'; labels: string[] }
  | { kind: 'failed'; message: string };

export class CompareState {
  /** Chosen scenarios in the order ticked; the first is the reference of the differences. */
  chosen = $state.raw<CompareChoice[]>([
    { kind: 'preset', id: 'bau' },
    { kind: 'preset', id: 'policy' },
  ]);
  status = $state<CompareStatus>('idle');
  /** Runs done over all scenarios, and their total. */
  progress = $state.raw<{ done: number; total: number } | null>(null);
  result = $state.raw<CompareResult | null>(null);
  problem = $state.raw<CompareProblem | null>(null);
  /** The page's seed, runs and park of the result on show (a change makes it stale). */
  resultFor = $state<string | null>(null);

  readonly #pw: PathwaysState;
  readonly #saved: SavedState;
  readonly #createRunner: () => SimulationRunner;
  #runner: SimulationRunner | null = null;
  #abort: AbortController | null = null;

  constructor(pw: PathwaysState, saved: SavedState, createRunner = () => createSimulationRunner()) {
    this.#pw = pw;
    this.#saved = saved;
    this.#createRunner = createRunner;
  }

  /** What a result depends on besides the scenarios: park, Scope 2, seed, runs. */
  get context(): string {
    const pw = this.#pw;
    return `${pw.baseline?.datasetId ?? ''}|${pw.scope2}|${pw.seed}|${pw.runs}`;
  }

  isChosen(c: CompareChoice): boolean {
    return this.chosen.some((x) => choiceKey(x) === choiceKey(c));
  }

  /** Ticks or unticks a scenario (at most MAX_COMPARED). */
  toggle(c: CompareChoice): void {
    const key = choiceKey(c);
    if (this.isChosen(c)) this.chosen = this.chosen.filter((x) => choiceKey(x) !== key);
    else if (this.chosen.length < MAX_COMPARED) this.chosen = [...this.chosen, c];
  }

  /** Makes a chosen scenario the reference (first). */
  makeFirst(c: CompareChoice): void {
    const key = choiceKey(c);
    const it = this.chosen.find((x) => choiceKey(x) === key);
    if (it) this.chosen = [it, ...this.chosen.filter((x) => x !== it)];
  }

  /** Drops a deleted saved scenario from the choice. */
  forget(name: string): void {
    this.chosen = this.chosen.filter((x) => !(x.kind === 'saved' && x.name === name));
  }

  async run(label: (c: CompareChoice) => string): Promise<void> {
    const pw = this.#pw;
    if (this.status === 'running' || !pw.baseline) return;
    this.problem = null;
    if (this.chosen.length < MIN_COMPARED || this.chosen.length > MAX_COMPARED) {
      this.problem = { kind: 'count' };
      return;
    }
    const items = this.chosen.map((c) =>
      itemFor(c, { scope2: pw.scope2, current: pw.scenario, saved: (n) => this.#saved.find(n) }, label(c)),
    );
    if (items.some((i) => i === null)) {
      this.problem = { kind: 'missing' };
      return;
    }
    const ready = items as NonNullable<(typeof items)[number]>[];
    const bad = scope2Mismatches(ready, pw.scope2);
    if (bad.length) {
      this.problem = { kind: 'scope2', labels: bad.map((i) => i.label) };
      return;
    }
    const context = this.context;
    const abort = new AbortController();
    this.#abort = abort;
    this.#runner ??= this.#createRunner();
    this.status = 'running';
    this.progress = { done: 0, total: ready.length * pw.runs };
    try {
      const result = await runComparison(ready, {
        baseline: pw.baseline,
        seed: pw.seed,
        runs: pw.runs,
        runner: this.#runner,
        signal: abort.signal,
        onProgress: (done, total) => {
          if (this.#abort === abort) this.progress = { done, total };
        },
      });
      if (this.#abort !== abort) return;
      this.result = result;
      this.resultFor = context;
      this.status = 'done';
    } catch (e) {
      if (this.#abort !== abort) return;
      if (abort.signal.aborted || isCancellation(e)) this.status = 'cancelled';
      else {
        this.status = 'error';
        this.problem = { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
      }
    } finally {
      if (this.#abort === abort) {
        this.#abort = null;
        this.progress = null;
      }
    }
  }

  cancel(): void {
    if (this.status !== 'running') return;
    this.#abort?.abort();
    this.#runner?.cancel();
    this.#abort = null;
    this.progress = null;
    this.status = 'cancelled';
  }

  destroy(): void {
    this.#abort?.abort();
    this.#abort = null;
    void this.#runner?.terminate();
    this.#runner = null;
  }
}
