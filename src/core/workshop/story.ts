/**
 * Workshop stories: a short sequence of steps a trainer walks a room through. Each step names a preset,
 * lever settings over that preset's own, and one element of the fan chart to highlight. Stories are
 * JSON documents (docs/workshop.md), validated here with every problem located by its field path, and
 * travel in share links as base64url-encoded UTF-8 JSON.
 *
 * Lever keys are the lever registry's setting keys (levers.ts); ranges are the registry's slider
 * ranges on the park in use, so a story cannot ask for a value the sliders could not show.
 */
import * as v from 'valibot';
import type { Problem } from '../errors';
import {
  SETTINGS,
  SETTING_KEYS,
  isSettingKey,
  settingSpecs,
  settingsFromScenario,
  snapSettings,
  type ControlContext,
  type ControlGroup,
  type LeverSettings,
  type SettingKey,
} from '../scenario/levers';
import { PRESET_IDS, presetScenario, type PresetId } from '../scenario/presets';
import { formatIssues } from '../scenario/schema';

/** The chart elements a step can highlight. */
const HIGHLIGHTS = ['history', 'gross', 'net', 'bands', 'target2030', 'target2060'] as const;
export type Highlight = (typeof HIGHLIGHTS)[number];

/** Text in one language for both, or in each. */
export type StoryText = string | { zh: string; en: string };

export interface StoryStep {
  title: StoryText;
  text: StoryText;
  preset: PresetId;
  /** Settings over the preset's own (only the keys given). */
  levers: Partial<Record<SettingKey, number>>;
  highlight: Highlight | null;
}

export interface Story {
  version: 1;
  title: StoryText;
  steps: StoryStep[];
}

const STORY_VERSION = 1;
export const MAX_STEPS = 12;
const MAX_TITLE_CHARS = 80;
const MAX_TEXT_CHARS = 600;
/** Largest story document, UTF-8 bytes of its JSON. */
export const MAX_STORY_BYTES = 24_000;
/** Largest story link parameter: the base64url of MAX_STORY_BYTES. */
export const MAX_LINK_CHARS = Math.ceil(MAX_STORY_BYTES / 3) * 4;
/** The preset of a step that names none. */
export const DEFAULT_STEP_PRESET: PresetId = 'policy';

/** Keys a story document must not contain anywhere (they would reach an object's prototype). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const line = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );
const text = (max: number) => v.union([line(max), v.strictObject({ zh: line(max), en: line(max) })]);

const StepSchema = v.strictObject({
  title: text(MAX_TITLE_CHARS),
  text: text(MAX_TEXT_CHARS),
  preset: v.optional(v.picklist(PRESET_IDS, `must be one of ${PRESET_IDS.join(', ')}`)),
  levers: v.optional(v.record(v.string(), v.pipe(v.number('must be a number'), v.finite('must be finite')))),
  highlight: v.optional(v.picklist(HIGHLIGHTS, `must be one of ${HIGHLIGHTS.join(', ')}`)),
});

const StorySchema = v.strictObject({
  version: v.literal(STORY_VERSION, `must be ${STORY_VERSION}`),
  title: text(MAX_TITLE_CHARS),
  steps: v.pipe(
    v.array(StepSchema),
    v.minLength(1, 'needs at least one step'),
    v.maxLength(MAX_STEPS, `may have at most ${MAX_STEPS} steps`),
  ),
});

/** A story document as written (steps may leave out preset, levers and highlight). */
export type StoryDocument = v.InferInput<typeof StorySchema>;

export type StoryResult = { ok: true; story: Story } | { ok: false; problems: Problem[] };

/** A valibot "path: message" line as a located problem. */
function lineProblem(file: string, l: string): Problem {
  const i = l.indexOf(': ');
  return i < 0 ? { file, reason: l } : { file, field: l.slice(0, i), reason: l.slice(i + 2) };
}

/** Field path of the first forbidden key in a parsed value, or null. */
function forbiddenKeyPath(value: unknown, path = ''): string | null {
  if (value === null || typeof value !== 'object') return null;
  const entries = Array.isArray(value)
    ? value.map((x, i) => [`[${i}]`, x] as const)
    : Object.keys(value).map((k) => [path ? `.${k}` : k, (value as Record<string, unknown>)[k]] as const);
  for (const [key, child] of entries) {
    const here = path + key;
    if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key.replace(/^\./, ''))) return here;
    const deeper = forbiddenKeyPath(child, here);
    if (deeper) return deeper;
  }
  return null;
}

/**
 * Validates a story document (already parsed JSON). Without `ctx`, lever values are only checked to be
 * numbers; with it, each is checked against its slider's range on that park.
 */
export function parseStory(input: unknown, ctx?: ControlContext, file = 'story'): StoryResult {
  const bad = forbiddenKeyPath(input);
  if (bad) return { ok: false, problems: [{ file, field: bad, reason: 'this key is not allowed' }] };
  const r = v.safeParse(StorySchema, input);
  if (!r.success) return { ok: false, problems: formatIssues(r.issues).map((l) => lineProblem(file, l)) };
  const problems: Problem[] = [];
  const specs = ctx ? new Map(settingSpecs(ctx).map((s) => [s.key, s])) : null;
  const steps: StoryStep[] = r.output.steps.map((step, i) => {
    const levers: Partial<Record<SettingKey, number>> = {};
    for (const [key, value] of Object.entries(step.levers ?? {})) {
      const field = `steps[${i}].levers.${key}`;
      if (!isSettingKey(key)) {
        problems.push({ file, field, reason: `unknown lever "${key}"; known: ${SETTING_KEYS.join(', ')}` });
        continue;
      }
      const spec = specs?.get(key);
      if (spec && (value < spec.min || value > spec.max)) {
        problems.push({
          file,
          field,
          reason: `${value} is outside the range ${spec.min}–${spec.max} on this park`,
        });
        continue;
      }
      if (spec?.format === 'year' && !Number.isInteger(value)) {
        problems.push({ file, field, reason: 'is a year: a whole number' });
        continue;
      }
      levers[key] = value;
    }
    return {
      title: step.title,
      text: step.text,
      preset: step.preset ?? DEFAULT_STEP_PRESET,
      levers,
      highlight: step.highlight ?? null,
    };
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, story: { version: STORY_VERSION, title: r.output.title, steps } };
}

/** Validates a story given as JSON text (the trainer's editor). */
export function parseStoryJson(json: string, ctx?: ControlContext, file = 'story'): StoryResult {
  const bytes = new TextEncoder().encode(json).length;
  if (bytes > MAX_STORY_BYTES) {
    return {
      ok: false,
      problems: [{ file, reason: `is ${bytes} bytes; a story may have at most ${MAX_STORY_BYTES}` }],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return { ok: false, problems: [{ file, reason: `is not valid JSON (${(e as Error).message})` }] };
  }
  return parseStory(value, ctx, file);
}

/** The story as a document (what parseStory reads back): defaults and empty fields left out. */
export function storyDocument(story: Story): StoryDocument {
  return {
    version: story.version,
    title: story.title,
    steps: story.steps.map((s) => ({
      title: s.title,
      text: s.text,
      ...(s.preset !== DEFAULT_STEP_PRESET ? { preset: s.preset } : {}),
      ...(Object.keys(s.levers).length ? { levers: s.levers } : {}),
      ...(s.highlight ? { highlight: s.highlight } : {}),
    })),
  };
}

/** The story as the `story` parameter of a link: base64url of its document's JSON in UTF-8. */
export function encodeStory(story: Story): string {
  const bytes = new TextEncoder().encode(JSON.stringify(storyDocument(story)));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A story link parameter decoded and validated; anything damaged, oversized or hostile is refused. */
export function decodeStory(param: string, ctx?: ControlContext, file = 'story link'): StoryResult {
  const refuse = (reason: string): StoryResult => ({ ok: false, problems: [{ file, reason }] });
  if (param.length > MAX_LINK_CHARS)
    return refuse(`is ${param.length} characters long; a story link may have at most ${MAX_LINK_CHARS}`);
  if (!/^[A-Za-z0-9_-]+$/.test(param))
    return refuse('is damaged: it may contain only letters, digits, "-" and "_"');
  if (param.length % 4 === 1) return refuse('is damaged: it was cut off');
  let bytes: Uint8Array;
  try {
    const bin = atob(param.replace(/-/g, '+').replace(/_/g, '/'));
    bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return refuse('is damaged: not base64url');
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('is damaged: not UTF-8 text');
  }
  return parseStoryJson(json, ctx, file);
}

/** The slider settings of a step on a park: its preset's own, with the step's levers over them. */
export function stepSettings(step: StoryStep, ctx: ControlContext): LeverSettings {
  const own = settingsFromScenario(presetScenario(step.preset), ctx);
  return snapSettings({ ...own, ...step.levers }, ctx);
}

/** A story text in a language. */
export function storyText(t: StoryText, lang: 'zh' | 'en'): string {
  return typeof t === 'string' ? t : t[lang];
}

/**
 * The workshop's main levers: one setting per control group, the group's first that is not a year
 * (the lever's strength rather than its timing), in the registry's page order.
 */
export const MAIN_SETTINGS: readonly { group: ControlGroup; key: SettingKey }[] = (() => {
  const out: { group: ControlGroup; key: SettingKey }[] = [];
  for (const s of SETTINGS) {
    if (s.format !== 'year' && !out.some((o) => o.group === s.group))
      out.push({ group: s.group, key: s.key });
  }
  return out;
})();
