/**
 * The park-wide Scope 2 method: the scenario's default until chosen, kept in the browser, and the one
 * setting the inventory's settings read and write (so the Overview, the inventory and Pathways agree).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPE2 } from '../../src/core/scenario/schema';
import { SettingsState } from '../../src/ui/pages/accounting/settings.svelte';
import { ParkScope2, scope2Note } from '../../src/ui/state/scope2.svelte';

const KEY = 'pcw.scope2';
/**
 * The setting's own storage for these tests: browser test files run side by side in one origin, and
 * writing the app's localStorage here would change the method other files' pages start with.
 */
function storage(): Pick<Storage, 'getItem' | 'setItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('park-wide Scope 2 method', () => {
  it('starts from the scenario default, and a choice is kept for the next visit', () => {
    const kept = storage();
    const first = new ParkScope2(kept);
    expect(first.method).toBe(DEFAULT_SCOPE2);
    expect(DEFAULT_SCOPE2).toBe('market');
    first.method = 'location';
    expect(kept.getItem(KEY)).toBe('location');
    expect(new ParkScope2(kept).method).toBe('location'); // the next visit
    kept.setItem(KEY, 'nonsense');
    expect(new ParkScope2(kept).method).toBe(DEFAULT_SCOPE2);
  });

  it('is the Scope 2 method of every settings object that shares it; others keep their own', () => {
    const parkScope2 = new ParkScope2(storage());
    const a = new SettingsState(undefined, parkScope2);
    const b = new SettingsState(undefined, parkScope2);
    const own = new SettingsState();
    expect(a.scope2Method).toBe('market');
    a.scope2Method = 'location';
    expect([parkScope2.method, b.scope2Method, b.options().scope2Method]).toEqual([
      'location',
      'location',
      'location',
    ]);
    expect(own.scope2Method).toBe('location'); // the page's own default, untouched by the shared one
    own.scope2Method = 'market';
    expect(parkScope2.method).toBe('location');
    // restoring saved settings into a shared object writes the shared method too
    b.set({ ...b.snapshot(), scope2Method: 'market' });
    expect(a.scope2Method).toBe('market');
  });

  it('names the method beside a figure', () => {
    const zh: Record<string, string> = {
      's2.note': '范围二：{method}',
      's2.market': '市场法',
      's2.location': '基于位置法',
    };
    const t = (k: string, p?: Record<string, string>) => zh[k].replace('{method}', p?.method ?? '');
    expect(scope2Note('market', t)).toBe('范围二：市场法');
    expect(scope2Note('location', t)).toBe('范围二：基于位置法');
  });
});
