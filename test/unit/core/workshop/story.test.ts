import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STEP_PRESET,
  MAIN_SETTINGS,
  MAX_LINK_CHARS,
  MAX_STEPS,
  MAX_STORY_BYTES,
  decodeStory,
  encodeStory,
  parseStory,
  parseStoryJson,
  stepSettings,
  storyDocument,
  storyText,
  type StoryResult,
} from '../../../../src/core/workshop/story';
import { DEFAULT_STORY_DOCUMENT, defaultStory } from '../../../../src/core/workshop/default-story';
import {
  SETTINGS,
  SETTING_KEYS,
  settingSpecs,
  settingsFromScenario,
  type ControlContext,
} from '../../../../src/core/scenario/levers';
import { presetScenario } from '../../../../src/core/scenario/presets';

/** A park's slider context: base year, electricity use, unused rooftop PV (the PV range depends on it). */
const CTX: ControlContext = { baseYear: 2023, demandGwh: 420, pvPotentialMw: 60 };

const step = (extra: Record<string, unknown> = {}) => ({ title: 'A step', text: 'What it shows.', ...extra });
const doc = (steps: unknown[], extra: Record<string, unknown> = {}) => ({
  version: 1,
  title: 'T',
  steps,
  ...extra,
});

function problems(r: StoryResult): { field?: string; reason: string }[] {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems.map((p) => ({ field: p.field, reason: p.reason }));
}

describe('the built-in story', () => {
  it('passes the validator with every lever in range, in 5–8 steps along the required arc', () => {
    const r = parseStory(DEFAULT_STORY_DOCUMENT, CTX);
    expect(r.ok).toBe(true);
    const story = defaultStory();
    expect(story.steps.length).toBeGreaterThanOrEqual(5);
    expect(story.steps.length).toBeLessThanOrEqual(8);
    const presets = story.steps.map((s) => s.preset);
    // today → business as usual → the plan → neutrality → uncertainty
    expect(presets.slice(0, 3)).toEqual(['bau', 'bau', 'policy']);
    expect(presets).toContain('ambitious');
    const highlights = story.steps.map((s) => s.highlight);
    expect(highlights[0]).toBe('history');
    for (const h of ['target2030', 'target2060', 'bands'] as const) expect(highlights).toContain(h);
    expect(highlights.indexOf('target2030')).toBeLessThan(highlights.indexOf('target2060'));
    expect(highlights.indexOf('target2060')).toBeLessThan(highlights.indexOf('bands'));
  });

  it('has every title and text in both languages', () => {
    for (const s of defaultStory().steps) {
      for (const t of [s.title, s.text]) {
        expect(storyText(t, 'zh')).toMatch(/[\u4e00-\u9fff]/);
        expect(storyText(t, 'en')).toMatch(/^[\x20-\x7e’—–]+$/);
      }
    }
  });
});

describe('story validation: every problem located by its field path', () => {
  it('accepts the smallest story and fills in the defaults', () => {
    const r = parseStory(doc([step()]));
    expect(r.ok && r.story.steps[0]).toEqual({
      title: 'A step',
      text: 'What it shows.',
      preset: DEFAULT_STEP_PRESET,
      levers: {},
      highlight: null,
    });
  });

  it('names a missing, empty, unknown or mistyped field', () => {
    expect(problems(parseStory(doc([{ text: 'x' }])))).toEqual([
      { field: 'steps[0].title', reason: expect.stringMatching(/required|Invalid/) },
    ]);
    expect(problems(parseStory(doc([step({ title: '  ' })])))[0]).toMatchObject({
      field: 'steps[0].title',
      reason: 'must not be empty',
    });
    expect(problems(parseStory(doc([step(), step({ colour: 'red' })])))).toEqual([
      { field: 'steps[1].colour', reason: 'is not a known field' },
    ]);
    expect(problems(parseStory(doc([step({ highlight: 'sky' })])))[0]).toMatchObject({
      field: 'steps[0].highlight',
      reason: expect.stringContaining('target2060'),
    });
    expect(problems(parseStory(doc([step({ preset: 'dream' })])))[0]).toMatchObject({
      field: 'steps[0].preset',
      reason: 'must be one of bau, policy, ambitious',
    });
    expect(problems(parseStory(doc([step({ levers: { ccus: '0.9' } })])))[0]).toMatchObject({
      field: 'steps[0].levers.ccus',
      reason: 'must be a number',
    });
    expect(problems(parseStory(doc([step()], { version: 2 })))[0]).toMatchObject({ field: 'version' });
    expect(problems(parseStory(doc([])))[0]).toMatchObject({
      field: 'steps',
      reason: 'needs at least one step',
    });
    const many = Array.from({ length: MAX_STEPS + 1 }, () => step());
    expect(problems(parseStory(doc(many)))[0]).toMatchObject({ field: 'steps' });
    expect(problems(parseStory(doc([step({ text: { zh: '中文' } })])))[0].field).toBe('steps[0].text.en');
  });

  it('takes lever keys from the lever registry only', () => {
    const levers = Object.fromEntries(
      SETTING_KEYS.map((k) => [k, settingSpecs(CTX).find((s) => s.key === k)!.min]),
    );
    expect(parseStory(doc([step({ levers })]), CTX).ok).toBe(true);
    const [p] = problems(parseStory(doc([step(), step({ levers: { carbonTax: 1 } })])));
    expect(p.field).toBe('steps[1].levers.carbonTax');
    expect(p.reason).toContain('unknown lever "carbonTax"');
    for (const k of SETTING_KEYS) expect(p.reason).toContain(k);
  });

  it("checks lever values against the sliders' ranges on the park", () => {
    const ccus = settingSpecs(CTX).find((s) => s.key === 'ccus')!;
    const story = doc([step({ levers: { ccus: ccus.max + 0.01 } })]);
    expect(parseStory(story).ok).toBe(true); // no park yet: numbers only
    expect(problems(parseStory(story, CTX))).toEqual([
      {
        field: 'steps[0].levers.ccus',
        reason: `${ccus.max + 0.01} is outside the range 0–${ccus.max} on this park`,
      },
    ]);
    const pv = settingSpecs(CTX).find((s) => s.key === 'pv2030')!;
    expect(problems(parseStory(doc([step({ levers: { pv2030: pv.max + 1 } })]), CTX))[0].field).toBe(
      'steps[0].levers.pv2030',
    );
    expect(problems(parseStory(doc([step({ levers: { ccusYear: 2040.5 } })]), CTX))).toEqual([
      { field: 'steps[0].levers.ccusYear', reason: 'is a year: a whole number' },
    ]);
  });

  it('refuses prototype keys anywhere, before anything else', () => {
    for (const json of [
      '{"version":1,"title":"T","steps":[{"title":"a","text":"b","levers":{"__proto__":{"ccus":1}}}]}',
      '{"version":1,"title":"T","steps":[{"title":"a","text":"b","constructor":1}]}',
      '{"__proto__":{"polluted":true},"version":1,"title":"T","steps":[]}',
    ]) {
      const [p] = problems(parseStoryJson(json));
      expect(p.reason).toBe('this key is not allowed');
      expect(p.field).toMatch(/(__proto__|constructor)$/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses text that is not JSON or too large, saying why', () => {
    expect(problems(parseStoryJson('{"version": 1,'))[0].reason).toMatch(/^is not valid JSON/);
    const big = JSON.stringify(doc([step({ text: 'x'.repeat(MAX_STORY_BYTES) })]));
    expect(problems(parseStoryJson(big))[0].reason).toContain(`at most ${MAX_STORY_BYTES}`);
  });
});

describe('story links', () => {
  it('round-trip a story with Chinese text through the link parameter', () => {
    const story = defaultStory();
    const param = encodeStory(story);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(param.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    const back = decodeStory(param, CTX);
    expect(back.ok && back.story).toEqual(story);
  });

  it('write the document form, which reads back to the same story', () => {
    const story = defaultStory();
    const d = storyDocument(story);
    expect(JSON.stringify(d)).not.toContain('null');
    const r = parseStory(d);
    expect(r.ok && r.story).toEqual(story);
  });

  it('refuse damaged, oversized and hostile links with a message', () => {
    const param = encodeStory(defaultStory());
    const reason = (p: string) => problems(decodeStory(p))[0].reason;
    expect(reason('x'.repeat(MAX_LINK_CHARS + 1))).toContain(`at most ${MAX_LINK_CHARS}`);
    expect(reason(`${param.slice(0, 40)}<script>`)).toContain('may contain only');
    expect(reason(param.slice(0, 4 * 50 + 1))).toContain('cut off');
    expect(reason(param.slice(0, 200))).toMatch(/not valid JSON|not UTF-8/);
    const b64url = (bin: string) => btoa(bin).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    expect(reason(b64url('\xff\xfe\xfd'))).toContain('not UTF-8');
    const hostile = '{"version":1,"title":"T","steps":[{"title":"a","text":"b","__proto__":{}}]}';
    expect(reason(b64url(hostile))).toBe('this key is not allowed');
    expect(problems(decodeStory('!'))[0].field).toBeUndefined();
    expect(problems(decodeStory('!'))[0]).toMatchObject({ reason: expect.any(String) });
  });

  it('never throw on arbitrary input', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/%{}"';
    const param = encodeStory(defaultStory());
    for (let i = 0; i < 1000; i++) {
      const n = Math.floor(rand() * 300);
      let s = '';
      for (let j = 0; j < n; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
      // Half random text, half a real link with one character changed.
      if (i % 2) {
        const at = Math.floor(rand() * param.length);
        s = param.slice(0, at) + alphabet[Math.floor(rand() * 64)] + param.slice(at + 1);
      }
      expect(() => decodeStory(s, CTX)).not.toThrow();
    }
  });
});

describe('steps on a park', () => {
  it("set the preset's own levers with the step's over them, snapped to the sliders", () => {
    const [s] = (
      parseStory(doc([step({ preset: 'ambitious', levers: { ccus: 0.9049, offsets: 0.2 } })])) as {
        ok: true;
        story: ReturnType<typeof defaultStory>;
      }
    ).story.steps;
    const own = settingsFromScenario(presetScenario('ambitious'), CTX);
    expect(stepSettings(s, CTX)).toEqual({ ...own, ccus: 0.9, offsets: 0.2 });
  });
});

describe('the main levers', () => {
  it('are one strength setting per control group of the registry, in page order', () => {
    const groups = [...new Set(SETTINGS.map((s) => s.group))];
    expect(MAIN_SETTINGS.map((m) => m.group)).toEqual(groups);
    for (const m of MAIN_SETTINGS) {
      const def = SETTINGS.find((s) => s.key === m.key)!;
      expect(def.group).toBe(m.group);
      expect(def.format).not.toBe('year');
    }
  });
});
