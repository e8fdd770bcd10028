/**
 * State of the Workshop page: its own Pathways engine (PathwaysState: baseline, levers, progressive
 * runs), the story and its current step, the audience's own scenario, the freeze toggle and the
 * projector theme. Every scenario change goes through PathwaysState, so the workshop runs exactly what
 * the Pathways page would.
 */
import type { Problem } from '../../../core/errors';
import type { LeverSettings, PresetId, SettingKey } from '../../../core/scenario/index';
import { defaultStory } from '../../../core/workshop/default-story';
import {
  decodeStory,
  encodeStory,
  stepSettings,
  type Highlight,
  type Story,
} from '../../../core/workshop/story';
import type { SimulationRunner } from '../../../../workers/simulation-runner';
import { PathwaysState, type PathwaysPark } from '../pathways/pathways.svelte';
import type { ProjectorTheme } from '../../../charts/pathways/projector';

const THEME_KEY = 'pcw.workshop.theme';

function initialTheme(): ProjectorTheme {
  try {
    return globalThis.localStorage?.getItem(THEME_KEY) === 'dark' ? 'dark' : 'light';
  } catch {
    return 'light'; // storage unavailable
  }
}

export interface WorkshopOptions {
  park: PathwaysPark;
  /** The `story` parameter of the opening link, if any. */
  storyParam?: string;
  createRunner?: () => SimulationRunner;
}

export class WorkshopState {
  readonly pw: PathwaysState;
  story = $state.raw<Story>(defaultStory());
  /** True when the story came from a link or the editor. */
  custom = $state(false);
  /** Why a story link was refused (the built-in story is used instead). */
  linkProblems = $state.raw<Problem[]>([]);
  /** The step on show; −1 outside the story. */
  step = $state(-1);
  /** While frozen, the levers, presets and reset do nothing (the story's own steps still move on). */
  frozen = $state(false);
  theme = $state<ProjectorTheme>(initialTheme());
  /** The audience's own scenario: the last one they made by moving a lever. */
  yours = $state.raw<{ preset: PresetId; settings: LeverSettings } | null>(null);

  highlight = $derived<Highlight | null>(
    this.step >= 0 ? (this.story.steps[this.step]?.highlight ?? null) : null,
  );

  /** A story link waiting for the park's baseline (its lever ranges). */
  #storyParam: string | undefined;
  /** The story parameter last followed or made, so the page's own address change is not read back. */
  #lastParam: string | undefined;

  constructor(options: WorkshopOptions) {
    this.pw = new PathwaysState({ park: options.park, createRunner: options.createRunner });
    this.#storyParam = options.storyParam;
    this.#lastParam = options.storyParam;
  }

  /** Builds the park's baseline and runs; then opens the linked story at its first step, if any. */
  async load(): Promise<void> {
    await this.pw.load();
    this.#openLinked();
  }

  /** A story parameter that appeared in the address (a link pasted while the page is open). */
  followLink(param: string | undefined): void {
    if (param === undefined || param === this.#lastParam) return;
    this.#lastParam = param;
    this.#storyParam = param;
    this.#openLinked();
  }

  #openLinked(): void {
    const ctx = this.pw.context;
    if (!ctx || this.#storyParam === undefined) return;
    const r = decodeStory(this.#storyParam, ctx);
    this.#storyParam = undefined;
    if (r.ok) {
      this.story = r.story;
      this.custom = true;
      this.goTo(0);
    } else {
      this.linkProblems = r.problems;
    }
  }

  /** Shows step `i` of the story: its preset, its levers, its highlight. */
  goTo(i: number): void {
    const step = this.story.steps[i];
    const ctx = this.pw.context;
    if (!step || !ctx) return;
    this.step = i;
    this.pw.choosePreset(step.preset);
    this.pw.settings = stepSettings(step, ctx);
    this.pw.schedule(0);
  }

  next(): void {
    if (this.step < this.story.steps.length - 1) this.goTo(this.step + 1);
  }

  back(): void {
    if (this.step > 0) this.goTo(this.step - 1);
  }

  /** Leaves the story; the scenario on show stays. */
  endStory(): void {
    this.step = -1;
  }

  /** Puts a validated story in place and opens its first step; returns its link parameter. */
  useStory(story: Story): string {
    this.story = story;
    this.custom = true;
    this.linkProblems = [];
    this.goTo(0);
    this.#lastParam = encodeStory(story);
    return this.#lastParam;
  }

  useBuiltInStory(): void {
    this.#lastParam = undefined;
    this.story = defaultStory();
    this.custom = false;
    this.step = -1;
  }

  setLever(key: SettingKey, value: number): void {
    if (this.frozen) return;
    this.pw.setLever(key, value);
    if (this.pw.settings) this.yours = { preset: this.pw.preset, settings: this.pw.settings };
  }

  choosePreset(id: PresetId): void {
    if (this.frozen) return;
    this.pw.choosePreset(id);
  }

  /** Back to the scenario the audience made (nothing before they moved a lever). */
  showYours(): void {
    const y = this.yours;
    if (this.frozen || !y) return;
    this.pw.choosePreset(y.preset);
    this.pw.settings = y.settings;
    this.pw.schedule(0);
  }

  reset(): void {
    if (this.frozen) return;
    this.pw.resetLevers();
  }

  setTheme(theme: ProjectorTheme): void {
    this.theme = theme;
    try {
      globalThis.localStorage?.setItem(THEME_KEY, theme);
    } catch {
      // not remembered; still switched
    }
  }

  destroy(): void {
    this.pw.destroy();
  }
}
