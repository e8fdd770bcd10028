/**
 * State of the goal-seek panel: a target of the result on show, a probability and one amount slider;
 * the search runs in a pool of its own (created on first use), so the page's main run is untouched,
 * shows every step as it lands, and stops on cancel.
 */
import type { GoalResult, GoalStep } from '../../../core/scenario/goal';
import type { SettingKey } from '../../../core/scenario/index';
import {
  createSimulationRunner,
  isCancellation,
  type SimulationRunner,
} from '../../../../workers/simulation-runner';
import type { PathwaysState } from './pathways.svelte';
import { DEFAULT_PROBABILITY, GOAL_RUNS, seekGoal, UntestableTargetError } from './goal-vm';

type GoalStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export class GoalState {
  target = $state<string | null>(null);
  lever = $state<SettingKey | null>(null);
  probability = $state(DEFAULT_PROBABILITY);
  status = $state<GoalStatus>('idle');
  steps = $state.raw<GoalStep[]>([]);
  result = $state.raw<(GoalResult & { target: string; probability: number; runs: number }) | null>(null);
  error = $state.raw<{ kind: 'untestable' | 'failed'; message: string } | null>(null);

  readonly #pw: PathwaysState;
  readonly #createRunner: () => SimulationRunner;
  #runner: SimulationRunner | null = null;
  #abort: AbortController | null = null;

  constructor(pw: PathwaysState, createRunner = () => createSimulationRunner()) {
    this.#pw = pw;
    this.#createRunner = createRunner;
  }

  async run(): Promise<void> {
    const pw = this.#pw;
    const { target, lever, probability } = this;
    if (this.status === 'running' || !pw.baseline || !pw.context || !pw.scenario || !target || !lever) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.#runner ??= this.#createRunner();
    this.status = 'running';
    this.steps = [];
    this.result = null;
    this.error = null;
    try {
      const r = await seekGoal(pw.scenario, {
        lever,
        target,
        probability,
        ctx: pw.context,
        baseline: pw.baseline,
        seed: pw.seed,
        runs: GOAL_RUNS,
        runner: this.#runner,
        signal: abort.signal,
        onStep: (s) => {
          if (this.#abort === abort) this.steps = [...this.steps, s];
        },
      });
      if (this.#abort !== abort) return;
      this.result = { ...r, target, probability, runs: GOAL_RUNS };
      this.status = 'done';
    } catch (e) {
      if (this.#abort !== abort) return;
      if (abort.signal.aborted || isCancellation(e)) this.status = 'cancelled';
      else {
        this.status = 'error';
        this.error = {
          kind: e instanceof UntestableTargetError ? 'untestable' : 'failed',
          message: e instanceof Error ? e.message : String(e),
        };
      }
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  cancel(): void {
    if (this.status !== 'running') return;
    this.#abort?.abort();
    this.#runner?.cancel();
    this.#abort = null;
    this.status = 'cancelled';
  }

  /** Puts the found value on the page's slider (the page then runs it). */
  apply(): void {
    if (this.result) this.#pw.setLever(this.result.lever, this.result.value);
  }

  destroy(): void {
    this.#abort?.abort();
    this.#abort = null;
    void this.#runner?.terminate();
    this.#runner = null;
  }
}
