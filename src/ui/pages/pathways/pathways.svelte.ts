/**
 * State of the Pathways page: the park baseline, the scenario being edited (preset + lever settings +
 * seed + runs), the simulation runner and the result on show. Every edit schedules a run (the first at
 * once, a burst of slider moves paced to one run per short delay); each run is progressive (a 1,000-run
 * preview, then the full sample) and carries a token, so a result of older settings is never put on show after a newer one.
 * Each full result is also offered to DuckDB as the `sim_runs` table, written when first queried
 * (src/data/sim-tables.ts, ensureRunsTable).
 */
import { tick } from 'svelte';
import type { DbPort } from '../../../data/port';
import type { ParkManifest } from '../../../data/parks';
import { loadParkBaseline } from '../../../data/park-baseline';
import { baselineMetaOf } from '../../../data/first-answers';
import { shippedBaseline } from '../../../data/shipped-baselines';
import { offerRunsTable, runsTableKey } from '../../../data/sim-tables';
import {
  type ParkBaseline,
  compileScenario,
  type CompiledModel,
  presetScenario,
  type PresetId,
  type Scenario,
  type Scope2Method,
  type SimulationSummary,
} from '../../../core/scenario/index';
import type { KeptField, KeptRuns } from '../../../../workers/simulation-api';
import type { RunColumns } from '../../../data/runs-layout';
import {
  createSimulationRunner,
  isCancellation,
  type SimulationProgress,
  type SimulationRunner,
} from '../../../../workers/simulation-runner';
import {
  applySettings,
  controlContext,
  settingSpecs,
  settingsFromScenario,
  snapSettings,
  type ControlContext,
  type InputId,
  type SettingKey,
  type LeverSettings,
} from '../../../core/scenario/index';
import { checkSettings, encodeShare, hashHref, type DecodedShare } from './share-link';
import { inputIdsOf } from './pathways-vm';
import { defaultDecisions, withDecisions, type DecisionSettings } from './share-decisions';
import type { ResultCache } from './result-cache';
import type { LinkNotice } from '../../embed/deep-link';
import { parkScope2 } from '../../state/scope2.svelte';
import { chartsDrawn } from '../../components/echarts-action';

/** The table each full result is written to. */
export const SIM_TABLE = 'sim_runs';
const DEFAULT_SEED = 2060;
const DEFAULT_RUNS = 10_000;
const PREVIEW_RUNS = 1000;
/**
 * Longest wait, ms, for the preview's charts in view to draw before the full sample is asked for (its
 * runs start then): on a 2-core machine two busy workers would otherwise slow the drawing by a third.
 * Judgement: about two charts' drawing; a chart slower than that no longer holds the full sample back.
 */
const PREVIEW_DRAW_WAIT_MS = 120;
/** Least time between two updates of the progress on show, ms. */
const PROGRESS_EVERY_MS = 150;

export type RunStatus = 'idle' | 'preparing' | 'running' | 'done' | 'cancelled' | 'error';

/** What the page needs of the loaded park (a ParkStore fits). */
export interface PathwaysPark {
  readonly manifest: ParkManifest | null;
  /** Bumped each time a park is loaded (ParkStore.revision): kept results of an earlier load are not reused. */
  readonly revision?: number;
  /** The park being opened, while it is (ParkStore.pending). */
  readonly pending?: ParkManifest | null;
  /** Digest of the data of the park shown, or of the one being opened once its files are in (ParkStore.dataKey). */
  readonly dataKey?: string | null;
  db(): Promise<DbPort>;
}

export interface ShownResult {
  phase: 'preview' | 'full';
  runs: number;
  seed: number;
  summary: SimulationSummary;
  /** Time from the start of the request to this result, ms. */
  elapsedMs: number;
}

/** What `sim_runs` holds, or will hold once first queried: this page's last full result. */
export interface SimTableState {
  runs: number;
  years: number;
  rows: number;
}

export interface PathwaysOptions {
  park: PathwaysPark;
  /** What the opening link asked for (decodeShare of the URL). */
  initial?: DecodedShare;
  createRunner?: () => SimulationRunner;
  /** Least time between the runs of a burst of edits, ms (the first edit runs at once). */
  debounceMs?: number;
  /** Results kept per scenario (result-cache.ts): a scenario found there is shown at once, not run. */
  cache?: ResultCache<KeptResult, ParkBaseline>;
}

/** A full result as kept per scenario. */
export interface KeptResult {
  result: ShownResult;
  scenario: Scenario;
  inputIds: ReadonlyMap<string, InputId>;
  warnings: string[];
  table: { runs: number; years: number };
}

/** The per-run arrays the runs table (sim_runs) is made of. */
const RUN_TABLE_FIELDS = ['gross', 'net', 'energy', 'output'] as const satisfies readonly KeptField[];

/** The runs table's columns of a full result's kept arrays. */
function runColumnsOf(kept: KeptRuns | null): RunColumns {
  const a = kept?.arrays;
  if (!kept || !a?.gross || !a.net || !a.energy || !a.output)
    throw new Error('The simulation returned no per-run results');
  const { runStart, runCount, nYears, years } = kept;
  return {
    runStart,
    runCount,
    nYears,
    years,
    gross: a.gross,
    net: a.net,
    energy: a.energy,
    output: a.output,
  };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class PathwaysState {
  preset = $state<PresetId>('policy');
  /**
   * Scope-2 method of the baseline and the scenario (docs/model.md §1); changing it rebuilds the baseline.
   * It starts from the park-wide setting (a share link's own method wins) and a change is written back there.
   */
  scope2 = $state<Scope2Method>(parkScope2.method);
  seed = $state(DEFAULT_SEED);
  runs = $state(DEFAULT_RUNS);
  settings = $state.raw<LeverSettings | null>(null);
  /** What each uncertain input of the current model is (labels of the sensitivity chart). */
  inputIds = $state.raw<ReadonlyMap<string, InputId>>(inputIdsOf(null));
  /** The preset's own settings for this park (what "reset" returns to). */
  defaults = $state.raw<LeverSettings | null>(null);
  baseline = $state.raw<ParkBaseline | null>(null);
  context = $state.raw<ControlContext | null>(null);
  specs = $derived(this.context ? settingSpecs(this.context) : []);

  result = $state.raw<ShownResult | null>(null);
  status = $state<RunStatus>('idle');
  progress = $state.raw<SimulationProgress | null>(null);
  error = $state<string | null>(null);
  warnings = $state.raw<string[]>([]);
  /**
   * The full result behind the lever contributions and the sector / carrier breakdown on show: a
   * preview has neither, so the last full result's stay (marked not `current`) until the full sample
   * arrives; null before the first full result.
   */
  detail = $state.raw<{ summary: SimulationSummary; current: boolean } | null>(null);
  /** True while the result on show belongs to earlier settings. */
  stale = $state(false);
  simTable = $state.raw<SimTableState | null>(null);
  /** The scenario document of the latest run (for download). */
  scenario = $state.raw<Scenario | null>(null);
  /** True while the result on show is a kept one (ResultCache), not run in this visit. */
  fromCache = $state(false);
  /** What the opening link's lever values lost or had rounded on this park's sliders (share-link.ts checkSettings). */
  shareNotices = $state.raw<LinkNotice[]>([]);
  /** Carbon price, discount rate and the park's own targets (share-decisions.ts): part of the scenario. */
  decisions = $state.raw<DecisionSettings>(defaultDecisions());

  /** The share link's hash for the current settings. */
  shareHash = $derived(
    this.settings
      ? hashHref('pathways', {
          ...(this.baseline ? { park: this.baseline.datasetId } : {}),
          ...encodeShare({
            preset: this.preset,
            scope2: this.scope2,
            seed: this.seed,
            runs: this.runs,
            settings: this.settings,
            decisions: this.decisions,
          }),
        })
      : null,
  );

  readonly #park: PathwaysPark;
  readonly #createRunner: () => SimulationRunner;
  readonly #debounceMs: number;
  readonly #cache: ResultCache<KeptResult, ParkBaseline> | null;
  /** Set by rerun(): the next run ignores a kept result. */
  #force = false;
  #runner: SimulationRunner | null = null;
  #pending: DecodedShare | null;
  #keepSettings = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Which scheduled start is current (a start queued as a microtask cannot be cleared, only outdated). */
  #scheduled = 0;
  /** When the last run was started (performance.now()), for schedule()'s pacing. */
  #lastStart = Number.NEGATIVE_INFINITY;
  #token = 0;
  #loadToken = 0;
  /** The cache key of the baseline in use, and the park it is of. */
  #baselineKey: string | null = null;
  #opened: { manifest: ParkManifest; dataKey: string | null } | null = null;
  #destroyed = false;

  constructor(options: PathwaysOptions) {
    this.#park = options.park;
    this.#createRunner = options.createRunner ?? (() => createSimulationRunner());
    this.#debounceMs = options.debounceMs ?? 90;
    this.#cache = options.cache ?? null;
    this.#pending = options.initial ?? null;
    if (options.initial?.preset) this.preset = options.initial.preset;
    if (options.initial?.scope2) this.scope2 = options.initial.scope2;
    if (options.initial?.seed !== undefined) this.seed = options.initial.seed;
    if (options.initial?.runs !== undefined) this.runs = options.initial.runs;
    if (options.initial?.decisions) this.decisions = { ...this.decisions, ...options.initial.decisions };
  }

  /**
   * Builds the baseline of the loaded park, then runs. Call again when another park is loaded, or when
   * the park being opened has its data digest (ParkStore.dataKey): a bundled park's baseline comes with
   * the build (first-answers.ts ShippedBaseline), so the page starts without waiting for DuckDB; a park
   * without one is waited for.
   */
  async load(): Promise<void> {
    const park = this.#park;
    const dataKey = park.dataKey ?? null;
    const found = dataKey ? shippedBaseline(dataKey, this.scope2) : null;
    // While another park is being opened, dataKey is still the shown park's until the new files are in.
    const target = park.pending ?? park.manifest;
    const shipped = found && target && found.datasetId === target.id ? found : null;
    const manifest = park.pending ? (shipped ? park.pending : null) : park.manifest;
    if (!manifest) return;
    const baselineKey = `${this.#parkKey(manifest, dataKey)}|${this.scope2}`;
    // The baseline in use already is this one (e.g. the park finished opening after the page started
    // from its shipped baseline): the run in flight goes on.
    if (this.baseline && baselineKey === this.#baselineKey && !this.#keepSettings) return;
    const token = ++this.#loadToken;
    this.#invalidate();
    this.status = 'preparing';
    this.error = null;
    // The workers start while the baseline is made.
    if (!this.#destroyed) this.#runner ??= this.#createRunner();
    try {
      let baseline = shipped ?? this.#cache?.baseline(baselineKey);
      if (!baseline) {
        const db = await park.db();
        baseline = await loadParkBaseline(db, baselineMetaOf(manifest), { scope2: this.scope2 });
        this.#cache?.setBaseline(baselineKey, baseline);
      }
      if (token !== this.#loadToken || this.#destroyed) return;
      this.#baselineKey = baselineKey;
      this.#opened = { manifest, dataKey };
      const ctx = controlContext(baseline);
      const defaults = settingsFromScenario(presetScenario(this.preset), ctx);
      this.baseline = baseline;
      this.context = ctx;
      this.defaults = defaults;
      this.result = null;
      // A baseline rebuilt for another Scope-2 method keeps the levers as they are.
      let keep: Partial<LeverSettings>;
      if (this.#keepSettings && this.settings) keep = this.settings;
      else {
        // The link's values are checked against this park's sliders; what is dropped or rounded is said.
        const checked = checkSettings(this.#pending?.settings ?? {}, settingSpecs(ctx));
        keep = checked.settings;
        if (this.#pending) this.shareNotices = checked.notices;
      }
      this.#keepSettings = false;
      this.settings = snapSettings({ ...defaults, ...keep }, ctx);
      this.#pending = null;
      this.#start();
    } catch (e) {
      if (token !== this.#loadToken) return;
      this.status = 'error';
      this.error = message(e);
    }
  }

  /** Switches preset; its levers replace the current ones. */
  choosePreset(id: PresetId): void {
    this.preset = id;
    if (!this.context) return;
    this.defaults = settingsFromScenario(presetScenario(id), this.context);
    this.settings = this.defaults;
    this.schedule(0);
  }

  /** Switches the Scope-2 method: the baseline is rebuilt with it, the levers stay. */
  setScope2(method: Scope2Method): void {
    if (method === this.scope2) return;
    this.scope2 = method;
    parkScope2.method = method;
    this.#keepSettings = true;
    void this.load();
  }

  /** Moves one lever; runs after the burst settles. */
  setLever(key: SettingKey, value: number): void {
    if (!this.settings || !Number.isFinite(value) || this.settings[key] === value) return;
    this.settings = { ...this.settings, [key]: value };
    this.schedule();
  }

  /** Puts the levers back to the preset's. */
  resetLevers(): void {
    if (!this.defaults) return;
    this.settings = this.defaults;
    this.schedule(0);
  }

  setSeed(seed: number): void {
    if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2 ** 32 - 1 || seed === this.seed) return;
    this.seed = seed;
    this.schedule(0);
  }

  setRuns(runs: number): void {
    if (!Number.isSafeInteger(runs) || runs < 1 || runs === this.runs) return;
    this.runs = runs;
    this.schedule(0);
  }

  /** Sets the carbon price, discount rate and targets; runs at once. */
  setDecisions(decisions: DecisionSettings): void {
    this.decisions = decisions;
    this.schedule(0);
  }

  /** Runs again with the current settings (e.g. after a cancel or an error), even if a result is kept. */
  rerun(): void {
    this.#force = true;
    this.schedule(0);
  }

  /**
   * Schedules a run; a newer call before it starts replaces it. The first edit after a quiet spell runs
   * at once (a click or a key press answers without waiting); the edits of a burst (a slider dragged)
   * then run at most once per `delay`, the burst's last edit always among them.
   */
  schedule(delay = this.#debounceMs): void {
    if (this.#destroyed || !this.settings) return;
    this.stale = this.result !== null;
    this.#clearTimer();
    const wait = Math.max(0, this.#lastStart + delay - performance.now());
    // Nothing to wait for: start once this task's edits are done (they all go into the run), before the
    // browser renders the edit, rather than in a timer task after that.
    if (wait === 0) {
      const ticket = this.#scheduled;
      queueMicrotask(() => {
        if (ticket === this.#scheduled && !this.#destroyed) this.#start();
      });
    } else this.#timer = setTimeout(() => this.#start(), wait);
  }

  /** Stops the run in flight; the result on show stays, marked as belonging to earlier settings if so. */
  cancel(): void {
    this.#clearTimer();
    if (this.status !== 'running') return;
    this.#token++;
    this.#runner?.cancel();
    this.status = 'cancelled';
    this.progress = null;
  }

  /** Ends the runner and drops pending work; idempotent. */
  destroy(): void {
    this.#destroyed = true;
    this.#invalidate();
    void this.#runner?.terminate();
    this.#runner = null;
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#scheduled++;
  }

  #invalidate(): void {
    this.#clearTimer();
    this.#token++;
  }

  #start(): void {
    const baseline = this.baseline;
    const ctx = this.context;
    const settings = this.settings;
    if (this.#destroyed || !baseline || !ctx || !settings) return;
    const token = ++this.#token;
    this.#lastStart = performance.now();
    const key = this.#resultKey();
    const force = this.#force;
    this.#force = false;
    const kept = key && !force ? this.#cache?.get(key) : undefined;
    if (kept && key) {
      this.#show(kept, key);
      return;
    }
    let model: CompiledModel;
    try {
      const preset = { ...presetScenario(this.preset), accounting: { scope2: this.scope2 } };
      const scenario = withDecisions(applySettings(preset, settings, ctx), this.decisions);
      // With the breakdown: the runner keeps it for about 2,000 runs of any sample (model.ts BREAKDOWN_ROWS).
      model = compileScenario(scenario, baseline);
      this.scenario = scenario;
      this.inputIds = inputIdsOf(model);
      this.warnings = model.warnings;
    } catch (e) {
      this.status = 'error';
      this.error = message(e);
      return;
    }
    this.#runner ??= this.#createRunner();
    this.status = 'running';
    this.error = null;
    this.progress = { phase: 'preview', done: 0, total: this.runs, elapsedMs: 0 };
    void this.#consume(token, this.#runner, model, this.seed, this.runs, key);
  }

  /**
   * The park as a cache key: its id and version, and its data digest (or, without one, which load of
   * it: kept results then die with it).
   */
  #parkKey(m: ParkManifest, dataKey: string | null): string {
    return `${m.id}@${m.version}#${dataKey ?? `load ${this.#park.revision ?? 0}`}`;
  }

  /** The current scenario as a cache key (null without a park). */
  #resultKey(): string | null {
    const o = this.#opened;
    return o && this.shareHash ? `${this.#parkKey(o.manifest, o.dataKey)}|${this.shareHash}` : null;
  }

  /** Puts a kept result on show, as if its run had just finished. */
  #show(kept: KeptResult, key: string): void {
    if (this.status === 'running') this.#runner?.cancel();
    this.scenario = kept.scenario;
    this.inputIds = kept.inputIds;
    this.warnings = kept.warnings;
    this.result = kept.result;
    this.detail = { summary: kept.result.summary, current: true };
    this.stale = false;
    this.error = null;
    this.progress = null;
    this.status = 'done';
    this.fromCache = true;
    // The per-run table is that of the kept result only if no other run replaced it since.
    this.simTable =
      key !== null && runsTableKey(SIM_TABLE) === key
        ? { ...kept.table, rows: kept.table.runs * kept.table.years }
        : null;
  }

  async #consume(
    token: number,
    runner: SimulationRunner,
    model: CompiledModel,
    seed: number,
    runs: number,
    key: string | null,
  ): Promise<void> {
    const started = performance.now();
    let shownAt = started;
    const inputIds = this.inputIds;
    const warnings = this.warnings;
    const scenario = this.scenario;
    try {
      const results = runner.runProgressive(model, {
        seed,
        runs,
        previewRuns: Math.min(PREVIEW_RUNS, runs),
        // The runs stay in the workers, put together and summarized there; only the runs table's
        // columns come back, for sim_runs.
        keep: RUN_TABLE_FIELDS,
        onProgress: (p) => {
          if (token !== this.#token) return;
          // Shown a few times a second, not per chunk: each change is a frame of the whole page to draw.
          const now = performance.now();
          if (now - shownAt < PROGRESS_EVERY_MS && p.done < p.total && p.phase === this.progress?.phase)
            return;
          shownAt = now;
          this.progress = p;
        },
      });
      for await (const r of results) {
        if (token !== this.#token) return;
        if (!r.summary) throw new Error('The simulation returned no summary');
        this.result = {
          phase: r.phase,
          runs: r.runs,
          seed: r.seed,
          summary: r.summary,
          elapsedMs: performance.now() - started,
        };
        this.stale = false;
        this.fromCache = false;
        if (r.phase === 'full') this.detail = { summary: r.summary, current: true };
        else if (this.detail) this.detail = { summary: this.detail.summary, current: false };
        // After the preview the bar follows the full sample (unless its progress has already come in).
        const p = this.progress;
        if (r.phase === 'preview' && p?.phase === 'preview')
          this.progress = { phase: 'full', done: 0, total: runs, elapsedMs: p.elapsedMs };
        if (r.phase === 'preview') {
          // The page's state flushed, the preview's charts draw; then the loop asks for the full sample.
          await tick();
          await chartsDrawn(PREVIEW_DRAW_WAIT_MS);
          if (token !== this.#token) return;
        }
        if (r.phase === 'full') {
          this.status = 'done';
          this.progress = null;
          const columns = runColumnsOf(r.kept);
          offerRunsTable(SIM_TABLE, columns, key);
          this.simTable = {
            runs: columns.runCount,
            years: columns.nYears,
            rows: columns.runCount * columns.nYears,
          };
          if (key && scenario)
            this.#cache?.set(key, {
              result: this.result,
              scenario,
              inputIds,
              warnings,
              table: { runs: columns.runCount, years: columns.nYears },
            });
        }
      }
    } catch (e) {
      if (token !== this.#token) return;
      if (isCancellation(e)) {
        this.status = 'cancelled';
      } else {
        this.status = 'error';
        this.error = message(e);
      }
      this.progress = null;
    }
  }
}
