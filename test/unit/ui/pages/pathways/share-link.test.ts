import { describe, expect, it } from 'vitest';
import { presetScenario } from '../../../../../src/core/scenario/index';
import { applySettings, settingsFromScenario, snapSettings } from '../../../../../src/core/scenario/index';
import {
  decodeShare,
  encodeShare,
  hashHref,
  parseHash,
  type ShareState,
} from '../../../../../src/ui/pages/pathways/share-link';

const ctx = { baseYear: 2024, demandGwh: 5000, pvPotentialMw: 600 };

function edited(): ShareState {
  const preset = presetScenario('ambitious');
  const settings = {
    ...settingsFromScenario(preset, ctx),
    efficiency: 0.027,
    pv2030: 412,
    gridSpeed: 1.25,
    offsets: 0,
  };
  return { preset: 'ambitious', scope2: 'location', seed: 424242, runs: 10_000, settings };
}

describe('share link', () => {
  it('round-trips a scenario through the URL hash', () => {
    const state = edited();
    const href = hashHref('pathways', { park: 'sample', ...encodeShare(state) });
    expect(
      href.startsWith('#/pathways?park=sample&preset=ambitious&s2=location&seed=424242&runs=10000&'),
    ).toBe(true);
    const { path, params } = parseHash(href);
    expect(path).toBe('pathways');
    expect(params.park).toBe('sample');
    const back = decodeShare(params);
    expect(back).toEqual(state);
    // The same link gives the same scenario document, so the same seed gives the same result.
    const again = applySettings(
      presetScenario(back.preset!),
      snapSettings({ ...state.settings, ...back.settings }, ctx),
      ctx,
    );
    expect(again).toEqual(applySettings(presetScenario('ambitious'), state.settings, ctx));
  });

  it('drops what it cannot read and keeps the rest', () => {
    const d = decodeShare({
      preset: 'nonsense',
      s2: 'average',
      seed: '-3',
      runs: '5',
      eff: 'abc',
      el: '0.4',
      gp: '',
    });
    expect(d).toEqual({ settings: { electrification: 0.4 } });
    expect(decodeShare({ runs: '100000', seed: '0' })).toEqual({ runs: 100_000, seed: 0, settings: {} });
    expect(decodeShare({ s2: 'market' })).toEqual({ scope2: 'market', settings: {} });
    expect(decodeShare({ runs: '1000000' }).runs).toBeUndefined();
  });

  it('parses hashes with and without parameters', () => {
    expect(parseHash('#/overview')).toEqual({ path: 'overview', params: {} });
    expect(parseHash('')).toEqual({ path: '', params: {} });
    expect(parseHash('#/pathways?a=1&b=x%20y')).toEqual({ path: 'pathways', params: { a: '1', b: 'x y' } });
  });
});
