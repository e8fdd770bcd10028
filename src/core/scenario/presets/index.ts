/** The three bundled scenario presets, validated on access. */
import { assertScenario, type Scenario } from '../schema';
import { AMBITIOUS } from './ambitious';
import { BAU } from './bau';
import { POLICY } from './policy';

export const PRESET_IDS = ['bau', 'policy', 'ambitious'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

const DOCUMENTS: Record<PresetId, unknown> = { bau: BAU, policy: POLICY, ambitious: AMBITIOUS };

/** True when `id` names a preset. */
export function isPresetId(id: string): id is PresetId {
  return (PRESET_IDS as readonly string[]).includes(id);
}

/** A preset as a validated scenario (a fresh deep copy each call). */
export function presetScenario(id: PresetId): Scenario {
  return assertScenario(structuredClone(DOCUMENTS[id]));
}

/** A preset as its JSON document (e.g. to save and edit). */
export function presetDocument(id: PresetId): unknown {
  return structuredClone(DOCUMENTS[id]);
}
