import { describe, expect, it } from 'vitest';
import { presetDocument, presetScenario } from '../../../../../src/core/scenario/presets';
import { parseScenario } from '../../../../../src/core/scenario/schema';
import type { KeyValueStore } from '../../../../../src/ui/pages/accounting/storage';
import {
  SAVED_KEY,
  SavedScenarios,
  parseScenarioFile,
  scenarioFile,
  slugOf,
} from '../../../../../src/ui/pages/pathways/saved-scenarios';

/** An in-memory localStorage; `full` makes every write fail as a full storage does. */
function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const store: KeyValueStore & { full: boolean; data: Map<string, string> } = {
    full: false,
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem(k, v) {
      if (store.full) throw new Error('QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
  return store;
}

describe('saved scenarios', () => {
  it('saves under a name, survives a reload (a new instance on the same storage), deletes', () => {
    const store = memoryStore();
    const a = new SavedScenarios(store);
    const r = a.save('  Plan B  ', presetScenario('ambitious'), new Date('2026-01-02T03:04:05Z'));
    expect(r.ok).toBe(true);
    const reloaded = new SavedScenarios(store);
    expect(reloaded.entries.map((e) => e.name)).toEqual(['Plan B']);
    const e = reloaded.entries[0];
    expect(e.savedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(e.scenario).toMatchObject({ id: 'plan-b', name_zh: 'Plan B', name_en: 'Plan B' });
    // The levers are the saved scenario's, untouched.
    expect(e.scenario.levers).toEqual(presetScenario('ambitious').levers);
    expect(reloaded.remove('Plan B')).toBe(true);
    expect(new SavedScenarios(store).entries).toEqual([]);
  });

  it('refuses an empty or a taken name, and a full storage, changing nothing', () => {
    const store = memoryStore();
    const s = new SavedScenarios(store);
    expect(s.save('   ', presetScenario('policy'))).toMatchObject({ ok: false, reason: 'empty-name' });
    expect(s.save('x', presetScenario('policy')).ok).toBe(true);
    expect(s.save('x', presetScenario('bau'))).toMatchObject({ ok: false, reason: 'name-taken', name: 'x' });
    const before = store.data.get(SAVED_KEY);
    store.full = true;
    const r = s.save('y', presetScenario('bau'));
    expect(r).toMatchObject({ ok: false, reason: 'storage', message: 'QuotaExceededError' });
    expect(s.entries.map((e) => e.name)).toEqual(['x']);
    expect(s.remove('x')).toBe(false);
    expect(s.entries.map((e) => e.name)).toEqual(['x']);
    expect(store.data.get(SAVED_KEY)).toBe(before);
  });

  it('keeps a stored record it cannot read, untouched, through later saves', () => {
    const bad = { name: 'old', savedAt: '', scenario: { schema_version: 99 } };
    const good = { name: 'ok', savedAt: '', scenario: presetDocument('bau') };
    const store = memoryStore({ [SAVED_KEY]: JSON.stringify([bad, good]) });
    const s = new SavedScenarios(store);
    expect(s.entries.map((e) => e.name)).toEqual(['ok']);
    expect(s.unreadable).toBe(1);
    expect(s.save('new', presetScenario('policy')).ok).toBe(true);
    const stored = JSON.parse(store.data.get(SAVED_KEY)!) as unknown[];
    expect(stored).toContainEqual(bad);
    expect(stored).toHaveLength(3);
  });

  it('never writes over a stored value that is not a list', () => {
    const store = memoryStore({ [SAVED_KEY]: '{not json' });
    const s = new SavedScenarios(store);
    expect(s.unreadable).toBe(1);
    expect(s.save('a', presetScenario('bau'))).toMatchObject({ ok: false, reason: 'storage' });
    expect(store.data.get(SAVED_KEY)).toBe('{not json');
  });

  it('keeps the list in memory when the browser gives no storage', () => {
    const s = new SavedScenarios(null);
    expect(s.persistent).toBe(false);
    expect(s.save('a', presetScenario('bau')).ok).toBe(true);
    expect(s.entries).toHaveLength(1);
  });
});

describe('scenario files', () => {
  it('a download reads back through the schema as the same scenario, and uploads under its name', () => {
    const s = new SavedScenarios(memoryStore());
    const saved = s.save('高耗能退出', presetScenario('ambitious'));
    if (!saved.ok) throw new Error('not saved');
    const file = scenarioFile(saved.entry);
    expect(file.fileName).toBe('saved.json');
    const parsed = parseScenario(JSON.parse(file.text));
    expect(parsed.ok && parsed.scenario).toEqual(saved.entry.scenario);
    const up = s.upload(file.fileName, file.text, 'zh');
    expect(up).toMatchObject({ ok: true, entry: { name: '高耗能退出 (2)' } });
    expect(s.entries).toHaveLength(2);
  });

  it('a bad file gets a message naming the file and the field, and nothing saved changes', () => {
    const store = memoryStore();
    const s = new SavedScenarios(store);
    s.save('keep', presetScenario('policy'));
    const before = store.data.get(SAVED_KEY);
    const doc = presetDocument('policy') as { levers: Record<string, Record<string, unknown>> };
    doc.levers.green_power = { ...doc.levers.green_power, surprise: 1 };
    const r = s.upload('mine.json', JSON.stringify(doc), 'en');
    expect(r.ok).toBe(false);
    if (r.ok || r.reason !== 'invalid') throw new Error('expected a refusal');
    expect(r.problems[0]).toMatchObject({ file: 'mine.json', field: 'levers.green_power.surprise' });
    expect(r.problems[0].reason).toMatch(/not a known field/);
    const wrongType = presetDocument('bau') as Record<string, unknown>;
    wrongType.horizon = { start: 2024, end: 'later' };
    const w = parseScenarioFile('w.json', JSON.stringify(wrongType));
    expect(!w.ok && w.problems[0]).toMatchObject({ file: 'w.json', field: 'horizon.end' });
    const notJson = parseScenarioFile('x.json', '{"schema_version": 1,');
    expect(!notJson.ok && notJson.problems[0]).toMatchObject({ file: 'x.json' });
    expect(!notJson.ok && notJson.problems[0].reason).toMatch(/not valid JSON/);
    expect(s.entries.map((e) => e.name)).toEqual(['keep']);
    expect(store.data.get(SAVED_KEY)).toBe(before);
  });

  it('warns about a file built for another dataset but reads it', () => {
    const doc = { ...(presetDocument('bau') as object), dataset: 'other-park' };
    const r = parseScenarioFile('o.json', JSON.stringify(doc), 'sample');
    expect(r.ok && r.warnings[0]).toMatch(/other-park/);
  });

  it('slugs names into scenario ids', () => {
    expect(slugOf('Plan B — 2030!')).toBe('plan-b-2030');
    expect(slugOf('方案')).toBe('saved');
  });
});
