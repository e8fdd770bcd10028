import { describe, expect, it } from 'vitest';
import {
  presetScenario,
  PRESET_IDS,
  settingsFromScenario,
  settingSpecs,
  SETTINGS,
  snapSettings,
  type LeverSettings,
  type PresetId,
} from '../../../../../src/core/scenario/index';
import {
  checkSettings,
  encodeShare,
  hashHref,
  MAX_LINK_CHARS,
  readShareLink,
  type ShareState,
} from '../../../../../src/ui/pages/pathways/share-link';

const ctx = { baseYear: 2024, demandGwh: 5000, pvPotentialMw: 600 };
const PARKS = ['sample', 'workshop'];
const specs = settingSpecs(ctx);
const specOf = (key: string) => specs.find((s) => s.key === key)!;

function state(): ShareState {
  const settings = { ...settingsFromScenario(presetScenario('ambitious'), ctx), ccus: 0 };
  return { preset: 'ambitious', scope2: 'market', seed: 7, runs: 10_000, settings };
}
const link = (extra: Record<string, string> = {}) =>
  hashHref('pathways', { park: 'sample', ...encodeShare(state()), ...extra });
const keys = (r: { notices: { key: string }[] }) => r.notices.map((n) => n.key);

describe('reading a share link', () => {
  it('reads a whole link without any notice', () => {
    const r = readShareLink(link(), PARKS);
    expect(r.refused).toBe(false);
    expect(r.notices).toEqual([]);
    expect(r.share).toEqual(state());
    expect(r.original).toBe(link());
  });

  it('names the fields a truncated link lacks (they then come from the preset)', () => {
    const full = link();
    const cut = full.slice(0, full.indexOf('&ccus='));
    const r = readShareLink(cut, PARKS);
    expect(r.refused).toBe(false);
    expect(keys(r)).toEqual(['pex.link.missing']);
    const missing = String(r.notices[0].params.fields).split(', ');
    expect(missing).toContain('ccus');
    // Everything after the cut is named, nothing before it.
    const after = SETTINGS.slice(SETTINGS.findIndex((s) => s.url === 'ccus')).map((s) => s.url);
    expect(missing).toEqual(after);
    expect(r.share.settings.ccus).toBeUndefined();
    expect(r.original).toBe(cut);
  });

  it('names a value cut mid-way, an unknown preset, park, Scope-2 method, seed and runs', () => {
    const r = readShareLink(
      link({ preset: 'greenest', park: 'atlantis', s2: 'average', seed: '-1', runs: '5', ccus: '0.4x' }),
      PARKS,
    );
    expect(r.refused).toBe(false);
    expect(keys(r).sort()).toEqual(
      [
        'pex.link.badPreset',
        'pex.link.badScope2',
        'pex.link.badSeed',
        'pex.link.badRuns',
        'pex.link.badNumber',
        'pex.link.unknownPark',
      ].sort(),
    );
    const bad = r.notices.find((n) => n.key === 'pex.link.badNumber')!;
    expect(bad.params).toMatchObject({ field: 'ccus', setting: 'ccus', value: '0.4x' });
    expect(r.notices.find((n) => n.key === 'pex.link.badPreset')!.params.value).toBe('greenest');
    expect(r.share.preset).toBeUndefined();
    expect(r.share.seed).toBeUndefined();
    expect(r.share.settings.ccus).toBeUndefined();
  });

  it('drops unknown keys by name and keeps the rest', () => {
    const r = readShareLink(`${link()}&foo=1&utm_source=mail`, PARKS);
    expect(r.refused).toBe(false);
    expect(r.notices.map((n) => n.params.key)).toEqual(['foo', 'utm_source']);
    expect(r.share).toEqual(state());
  });

  it('accepts the app’s own deep-link keys', () => {
    expect(readShareLink(`${link()}&lang=en&embed=1`, PARKS).notices).toEqual([]);
  });

  it.each([
    ['oversized', `${link()}&x=${'9'.repeat(100 * 1024)}`, 'pex.link.tooLong'],
    ['just over the limit', `#/pathways?eff=${'1'.repeat(MAX_LINK_CHARS)}`, 'pex.link.tooLong'],
    ['__proto__', `${link()}&__proto__=1`, 'pex.link.hostileKey'],
    ['encoded __proto__', `${link()}&%5F%5Fproto%5F%5F%5Bpolluted%5D=1`, 'pex.link.badKey'],
    ['constructor', `#/pathways?constructor=1&preset=bau`, 'pex.link.hostileKey'],
    ['Prototype', `#/pathways?Prototype=x`, 'pex.link.hostileKey'],
    ['bad escape', `${link()}&eff=%E0%A4%A`, 'pex.link.badEscape'],
    ['lone percent', `#/pathways?preset=%`, 'pex.link.badEscape'],
    ['repeated key', `${link()}&ccus=0.5`, 'pex.link.repeated'],
    ['bracket key', `#/pathways?a[b]=1`, 'pex.link.badKey'],
    ['control character', `#/pathways?preset=bau%00`, 'pex.link.badChars'],
    [
      'too many',
      `#/pathways?${Array.from({ length: 70 }, (_, i) => `k${i}=1`).join('&')}`,
      'pex.link.tooMany',
    ],
  ])('refuses a hostile link as a whole (%s): default state and a message', (_, hash, key) => {
    const before = Object.getOwnPropertyNames(Object.prototype).length;
    const r = readShareLink(hash, PARKS);
    expect(r.refused).toBe(true);
    expect(keys(r)).toEqual([key]);
    expect(r.share).toEqual({ settings: {} });
    expect(r.original.length).toBeLessThanOrEqual(2001);
    expect(hash.startsWith(r.original.replace(/…$/, ''))).toBe(true);
    expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('checking a link’s lever values against the park’s sliders', () => {
  it('drops a value outside the range and rounds one between steps, naming each', () => {
    const eff = specOf('efficiency');
    const pv = specOf('pv2030');
    const { settings, notices } = checkSettings(
      { efficiency: eff.max * 10, pv2030: -5, ccus: 0.123456, gridSpeed: specOf('gridSpeed').min },
      specs,
    );
    expect(settings.efficiency).toBeUndefined();
    expect(settings.pv2030).toBeUndefined();
    expect(settings.gridSpeed).toBe(specOf('gridSpeed').min);
    expect(settings.ccus).toBe(0.12);
    expect(notices).toEqual([
      {
        key: 'pex.link.outOfRange',
        params: { field: 'eff', setting: 'efficiency', value: eff.max * 10, min: eff.min, max: eff.max },
      },
      {
        key: 'pex.link.outOfRange',
        params: { field: 'pv30', setting: 'pv2030', value: -5, min: pv.min, max: pv.max },
      },
      { key: 'pex.link.snapped', params: { field: 'ccus', setting: 'ccus', value: 0.123456, snapped: 0.12 } },
    ]);
  });

  it('says nothing about values already on a step within range', () => {
    const s = settingsFromScenario(presetScenario('policy'), ctx);
    expect(checkSettings(s, specs)).toEqual({ settings: s, notices: [] });
  });
});

/** A small seeded generator (mulberry32): the same links on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('link fuzz', () => {
  it('reads 10,000 generated links without an uncaught error; what it gives is always usable', () => {
    const rand = rng(20_601);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const keysPool = [
      ...SETTINGS.map((s) => s.url),
      'preset',
      's2',
      'seed',
      'runs',
      'park',
      'lang',
      'embed',
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'x',
      '',
      '%',
      '%5F%5Fproto%5F%5F',
      'a[b]',
      'ünï',
    ];
    const values = () =>
      pick([
        () => String(rand() * 10 - 5),
        () => String(Math.floor(rand() * 3e9)),
        () => pick(['bau', 'policy', 'ambitious', 'market', 'location', 'sample', 'workshop']),
        () => pick(['NaN', 'Infinity', '-Infinity', '1e308', '-0', '0x10', '1_000', ' 1 ', '']),
        () => pick(['%', '%zz', '%E0%A4%A', '%00', '%0A', '%C0%80', '%F0%9F%98%80', '&', '=', '#', '?']),
        () => 'x'.repeat(Math.floor(rand() * 300)),
        () => String.fromCharCode(...Array.from({ length: 8 }, () => Math.floor(rand() * 0x3000))),
      ])();
    const presetSettings = Object.fromEntries(
      PRESET_IDS.map((id) => [id, settingsFromScenario(presetScenario(id), ctx)]),
    ) as Record<PresetId, LeverSettings>;
    let refused = 0;
    let notices = 0;
    const N = 10_000;
    for (let i = 0; i < N; i++) {
      let hash: string;
      const shape = rand();
      if (shape < 0.3) {
        // A real link, damaged: cut, with a parameter replaced, or with bytes flipped.
        const full = link();
        const cut = full.slice(0, Math.floor(rand() * full.length));
        hash = rand() < 0.5 ? cut : cut + `&${pick(keysPool)}=${values()}`;
        if (rand() < 0.3) {
          const at = Math.floor(rand() * hash.length);
          hash = hash.slice(0, at) + String.fromCharCode(Math.floor(rand() * 128)) + hash.slice(at + 1);
        }
      } else if (shape < 0.98) {
        const n = Math.floor(rand() * 40);
        const parts = Array.from({ length: n }, () => `${pick(keysPool)}=${values()}`);
        hash = `#/pathways?${parts.join(pick(['&', '&', '&', '&&', ';']))}`;
      } else {
        hash = `#/pathways?eff=${'1'.repeat(MAX_LINK_CHARS - 20 + Math.floor(rand() * 200_000))}`;
      }
      const r = readShareLink(hash, PARKS);
      if (r.refused) {
        refused++;
        expect(r.share).toEqual({ settings: {} });
        expect(r.notices).toHaveLength(1);
      }
      notices += r.notices.length;
      // Whatever the link held, what reaches the sliders is finite, within range and on a step.
      const checked = checkSettings(r.share.settings, specs);
      const base = presetSettings[r.share.preset ?? 'policy'];
      const merged: LeverSettings = { ...base, ...checked.settings };
      expect(snapSettings(merged, ctx)).toEqual(merged);
      if (r.share.seed !== undefined) expect(r.share.seed).toBeGreaterThanOrEqual(0);
      if (r.share.runs !== undefined) expect(r.share.runs).toBeGreaterThanOrEqual(100);
      for (const n of [...r.notices, ...checked.notices]) {
        for (const v of Object.values(n.params)) expect(String(v).length).toBeLessThanOrEqual(2000);
      }
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
    // The generator reaches both kinds of outcome in quantity (it is not testing one path only).
    expect(refused).toBeGreaterThan(500);
    expect(N - refused).toBeGreaterThan(2000);
    expect(notices).toBeGreaterThan(N);
  });
});
