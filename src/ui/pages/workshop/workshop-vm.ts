/**
 * Workshop view model: keyboard shortcuts and the "what drives the uncertainty" list. Pure and
 * unit-tested; the page only wires them.
 */
import { PRESET_IDS, type PresetId, type SimulationSummary } from '../../../core/scenario/index';

export type WorkshopAction =
  | { type: 'preset'; id: PresetId }
  | { type: 'yours' }
  | { type: 'reset' }
  | { type: 'fullscreen' }
  | { type: 'help' }
  | { type: 'next' }
  | { type: 'back' };

/** What has the keyboard focus: a slider (arrows move it), a text field (keys type), anything else. */
export type FocusKind = 'slider' | 'text' | 'other';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * The action of a key press: 1/2/3 the presets, 4 the audience's own scenario, R reset, F full
 * screen, ? help, → / Page Down next step, ← / Page Up previous step (a focused slider keeps its own
 * arrow and page keys). Nothing while typing or with Ctrl, ⌘ or Alt held.
 */
export function shortcutFor(e: KeyInput, focus: FocusKind): WorkshopAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || focus === 'text') return null;
  const n = Number(e.key);
  if (Number.isInteger(n) && n >= 1 && n <= PRESET_IDS.length)
    return { type: 'preset', id: PRESET_IDS[n - 1] };
  if (n === PRESET_IDS.length + 1) return { type: 'yours' };
  switch (e.key) {
    case 'r':
    case 'R':
      return { type: 'reset' };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case '?':
      return { type: 'help' };
  }
  if (focus === 'slider') return null;
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
      return { type: 'back' };
  }
  return null;
}

/** The sensitivity groups explaining most of the spread of cumulative emissions, largest first. */
export function topDrivers(summary: SimulationSummary, n = 3): { group: string; r2: number }[] {
  return summary.sensitivity_groups
    .filter((g) => g.output === 'cumulative_tco2' && g.r2 > 0)
    .sort((a, b) => b.r2 - a.r2)
    .slice(0, n)
    .map((g) => ({ group: g.group, r2: g.r2 }));
}
