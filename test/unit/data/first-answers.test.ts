/**
 * The first answers' key and file form (src/data/first-answers.ts): the key changes with every byte of
 * the data, the Scope 2 method and the question; the JSON the build ships reads back to the same bytes,
 * and anything else reads as no answers (the page then waits for live ones).
 */
import { describe, expect, it } from 'vitest';
import {
  answersFromJson,
  answersToJson,
  dataKeyOf,
  keptAnswerKey,
  OVERVIEW_QUESTIONS,
  referenceKeyOf,
} from '../../../src/data/first-answers';

const t = (name: string, ...bytes: number[]) => ({ name, ipc: new Uint8Array(bytes) });

describe('first answers', () => {
  it('keys the data by every byte and name, not by the order the tables come in', async () => {
    const ref = await referenceKeyOf([t('ref_a', 1), t('ref_b', 2)]);
    expect(await referenceKeyOf([t('ref_b', 2), t('ref_a', 1)])).toBe(ref);
    const park = [t('activity', 1, 2, 3), t('enterprises', 4)];
    const key = await dataKeyOf(ref, park);
    expect(await dataKeyOf(ref, [...park].reverse())).toBe(key);
    expect(await dataKeyOf(ref, [t('activity', 1, 2, 4), t('enterprises', 4)])).not.toBe(key);
    expect(await dataKeyOf(ref, [t('activity', 1, 2), t('enterprises', 3, 4)])).not.toBe(key);
    expect(await dataKeyOf(await referenceKeyOf([t('ref_a', 1), t('ref_b', 3)]), park)).not.toBe(key);
  });

  it('tells the answers apart by Scope 2 method and question', () => {
    const keys = new Set(
      (['market', 'location'] as const).flatMap((m) =>
        OVERVIEW_QUESTIONS.map((q) => keptAnswerKey('d', m, q)),
      ),
    );
    expect(keys.size).toBe(6);
    for (const k of keys) expect(k.startsWith('d|')).toBe(true);
  });

  it('reads back the JSON the build writes, and nothing from anything else', () => {
    const answers = [
      { key: 'a', ipc: new Uint8Array([0, 1, 255, 128]) },
      { key: 'b', ipc: new Uint8Array(70_000).map((_, i) => i % 251) },
    ];
    const back = answersFromJson(answersToJson(answers));
    expect(back.map((a) => a.key)).toEqual(['a', 'b']);
    expect(back.map((a) => [...a.ipc])).toEqual(answers.map((a) => [...a.ipc]));
    expect(answersFromJson('<!doctype html><html></html>')).toEqual([]);
    expect(answersFromJson('{"answers": [{"key": 1, "ipc": "AA=="}, {"key": "x", "ipc": "AQ=="}]}')).toEqual([
      { key: 'x', ipc: new Uint8Array([1]) },
    ]);
    expect(answersFromJson('null')).toEqual([]);
  });
});
