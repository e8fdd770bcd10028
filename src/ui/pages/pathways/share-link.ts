/**
 * The shareable link of a pathway: preset, Scope-2 method, every lever value, seed and runs as hash
 * parameters (`#/pathways?park=sample&preset=policy&s2=market&seed=2060&runs=10000&eff=0.015…`). Opening it gives the same
 * scenario and, with the same seed and runs, the same result. Decoding is forgiving: a missing or
 * malformed value falls back to the preset's, so a hand-edited link still opens.
 */
import {
  isPresetId,
  SCOPE2_METHODS,
  SETTINGS,
  type LeverSettings,
  type PresetId,
  type Scope2Method,
} from '../../../core/scenario/index';

export interface ShareState {
  preset: PresetId;
  /** Scope-2 method of the baseline (the scenario's accounting.scope2). */
  scope2: Scope2Method;
  seed: number;
  runs: number;
  settings: LeverSettings;
}

export const RUN_CHOICES = [1000, 10_000, 100_000] as const;
export const MIN_RUNS = 100;
export const MAX_RUNS = 100_000;

/** The hash parameters of a pathway (values in their shortest round-trip form). */
export function encodeShare(state: ShareState): Record<string, string> {
  const out: Record<string, string> = {
    preset: state.preset,
    s2: state.scope2,
    seed: String(state.seed),
    runs: String(state.runs),
  };
  for (const { key, url } of SETTINGS) out[url] = String(state.settings[key]);
  return out;
}

export interface DecodedShare {
  preset?: PresetId;
  scope2?: Scope2Method;
  seed?: number;
  runs?: number;
  /** Only the levers present and numeric; range checks happen against the park's sliders. */
  settings: Partial<LeverSettings>;
}

function int(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const v = Number(text);
  return Number.isSafeInteger(v) && v >= min && v <= max ? v : undefined;
}

/** Reads what a link holds; anything invalid is left out. */
export function decodeShare(params: Readonly<Record<string, string>>): DecodedShare {
  const out: DecodedShare = { settings: {} };
  if (params.preset && isPresetId(params.preset)) out.preset = params.preset;
  const s2 = params.s2 as Scope2Method | undefined;
  if (s2 !== undefined && SCOPE2_METHODS.includes(s2)) out.scope2 = s2;
  out.seed = int(params.seed, 0, 2 ** 32 - 1);
  out.runs = int(params.runs, MIN_RUNS, MAX_RUNS);
  for (const { key, url } of SETTINGS) {
    const text = params[url];
    if (text === undefined || text.trim() === '') continue;
    const v = Number(text);
    if (Number.isFinite(v)) out.settings[key] = v;
  }
  if (out.seed === undefined) delete out.seed;
  if (out.runs === undefined) delete out.runs;
  return out;
}

export { hashHref, parseHash } from '../../hash';
