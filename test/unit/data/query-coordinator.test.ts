import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { DbPort, SqlValue } from '../../../src/data/port';
import { QueryCoordinator } from '../../../src/data/query-coordinator';

/** A database whose answers the test releases by hand, counting what it was asked. */
function fakeDb() {
  const asked: string[] = [];
  const pending: { sql: string; resolve: (t: Table) => void; reject: (e: Error) => void }[] = [];
  const db = {
    query(sql: string, params?: readonly SqlValue[]) {
      asked.push(`${sql} ${JSON.stringify(params ?? [])}`);
      return new Promise<Table>((resolve, reject) => pending.push({ sql, resolve, reject }));
    },
  } as unknown as DbPort;
  const answer = (i: number, v: number) => pending[i].resolve(tableFromArrays({ v: Float64Array.of(v) }));
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { db, asked, pending, answer, flush };
}

const valueOf = (t: Table) => t.getChild('v')!.get(0) as number;

describe('the query coordinator', () => {
  it('shares one query between pages asking the same question of the same data', async () => {
    const f = fakeDb();
    const q = new QueryCoordinator(async () => f.db);
    const a = q.query('SELECT 1', [2024]);
    const b = q.query('SELECT 1', [2024]);
    const c = q.query('SELECT 1', [2023]);
    await f.flush();
    expect(f.asked).toHaveLength(2);
    f.answer(0, 7);
    f.answer(1, 8);
    expect(valueOf(await a)).toBe(7);
    expect(valueOf(await b)).toBe(7);
    expect(valueOf(await c)).toBe(8);
    expect(q.stats).toMatchObject({ hits: 1, misses: 2 });
  });

  it('asks again after the data changed, and after a failure', async () => {
    const f = fakeDb();
    const q = new QueryCoordinator(async () => f.db);
    const first = q.query('SELECT 1');
    await f.flush();
    f.pending[0].reject(new Error('boom'));
    await expect(first).rejects.toThrow('boom');
    await f.flush();
    const again = q.query('SELECT 1');
    await f.flush();
    f.answer(1, 1);
    await again;
    q.invalidate();
    void q.query('SELECT 1');
    await f.flush();
    expect(f.asked).toHaveLength(3);
    expect(q.query('SELECT 1', [], { cache: false })).toBeInstanceOf(Promise);
    await f.flush();
    expect(f.asked).toHaveLength(4);
  });

  it('lets only the latest request of a view land, whatever order the answers come in', async () => {
    const f = fakeDb();
    const q = new QueryCoordinator(async () => f.db);
    const older = q.latest('inventory', (query) => query('SELECT year', [2020]));
    await f.flush();
    const newer = q.latest('inventory', (query) => query('SELECT year', [2021]));
    const other = q.latest('overview', (query) => query('SELECT year', [2020]));
    await f.flush();
    f.answer(1, 21); // the newer answer first
    f.answer(0, 20);
    const [o, n, v] = await Promise.all([older, newer, other]);
    expect(o.stale).toBe(true);
    expect(n.stale ? null : valueOf(n.value)).toBe(21);
    expect(v.stale ? null : valueOf(v.value)).toBe(20); // another view, sharing the cached answer
  });

  it('reports a request stale when the data changed under it, and drops its error', async () => {
    const f = fakeDb();
    const q = new QueryCoordinator(async () => f.db);
    const req = q.latest('overview', (query) => query('SELECT 1'));
    await f.flush();
    q.invalidate();
    f.pending[0].reject(new Error('table replaced'));
    expect(await req).toEqual({ stale: true });
    const failing = q.latest('overview', (query) => query('SELECT 2'));
    await f.flush();
    f.pending[1].reject(new Error('syntax error'));
    await expect(failing).rejects.toThrow('syntax error');
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const f = fakeDb();
    const q = new QueryCoordinator(async () => f.db, { maxEntries: 2 });
    void q.query('a');
    void q.query('b');
    void q.query('a'); // a is now the most recent
    void q.query('c'); // drops b
    void q.query('a');
    void q.query('b');
    await f.flush();
    expect(f.asked.map((s) => s.split(' ')[0])).toEqual(['a', 'b', 'c', 'b']);
  });
});
