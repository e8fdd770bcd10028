/**
 * The importer in real Chromium: files checked in the import worker (GBK CSV, Parquet through
 * parquet-wasm's browser build) with progress and the canonical tables transferred as Arrow IPC; a
 * corrupted or badly encoded file is a located problem, never a crash, and loads nothing; a
 * cancelled check ends at once and the next one works; imported parks and saved mappings kept in
 * IndexedDB, and "clear my data" removes them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { ImportCancelled, ImportRunner } from '../../workers/import-runner';
import {
  clearUserData,
  findMapping,
  listUserParks,
  saveMapping,
  saveUserPark,
  storedSummary,
} from '../../src/data/user-parks';
import { gbk, utf8 } from '../fixtures/import/encode';
import goodParquetUrl from '../fixtures/import/corpus/good.parquet?url';
import { withStoredData } from './stored-data-lock';

const runner = new ImportRunner();
afterAll(() => runner.terminate());

const big = (rows: number) => {
  const parts = ['企业代码,年份,能源品种,消费量,计量单位\n'];
  for (let i = 0; i < rows; i++)
    parts.push(`E${i % 5000},${2015 + Math.floor(i / 5000)},电力,${i % 97},万千瓦时\n`);
  return utf8(parts.join(''));
};

describe('import worker', () => {
  it('checks a GBK file, reports progress, and transfers the canonical activity as Arrow IPC', async () => {
    const phases: [string, number, number][] = [];
    const o = await runner.run(
      {
        activity: [
          { name: 'big.csv', bytes: big(40_000) },
          { name: 'cn.csv', bytes: gbk('企业代码,年份,能源品种,消费量,计量单位\nX1,2024,蒸汽,10,吨\n') },
        ],
        mapping: {},
        encoding: 'auto',
      },
      (phase, done, total) => phases.push([phase, done, total]),
    );
    expect(o.errorCount).toBe(0);
    expect(o.files.map((f) => f.encoding)).toEqual(['utf-8', 'gb18030']);
    const activity = o.tables.find((t) => t.name === 'activity')!;
    expect(activity.ipc).toBeInstanceOf(Uint8Array);
    const t = tableFromIPC(activity.ipc);
    expect(t.numRows).toBe(activity.rows);
    expect(t.numRows).toBeGreaterThan(39_000);
    const checking = phases.filter((p) => p[0] === 'checking').map((p) => p[1]);
    expect(checking.length).toBeGreaterThan(3);
    expect(checking.every((d, i) => i === 0 || d >= checking[i - 1])).toBe(true);
  });

  it('writes the Excel template in the worker, and the importer reads it back', async () => {
    const bytes = await runner.template('zh');
    const o = await runner.run({
      activity: [{ name: 'template.xlsx', bytes }],
      mapping: {},
      encoding: 'auto',
    });
    expect(o.errorCount).toBe(0);
    expect(o.tables.find((t) => t.name === 'activity')!.rows).toBe(5);
  });

  it('reads Parquet in the worker', async () => {
    const bytes = new Uint8Array(await (await fetch(goodParquetUrl)).arrayBuffer());
    const o = await runner.run({
      activity: [{ name: 'good.parquet', bytes }],
      mapping: {},
      encoding: 'auto',
    });
    expect(o.problems).toEqual([]);
    expect(o.tables.find((t) => t.name === 'activity')!.rows).toBe(2);
  });

  it('names the file, row and reason of a corrupted or badly encoded file, loads nothing of it, and goes on working', async () => {
    const good = new Uint8Array(await (await fetch(goodParquetUrl)).arrayBuffer());
    const o = await runner.run({
      activity: [
        { name: 'broken.xlsx', bytes: utf8('PK\u0003\u0004 not a workbook') },
        { name: 'cut.parquet', bytes: good.subarray(0, 40) },
        {
          name: 'bytes.csv',
          bytes: Uint8Array.from([
            ...utf8('enterprise_id,year,carrier,amount,unit\nE1,2024,diesel,1,t\nE'),
            0xff,
            0x31,
          ]),
        },
        {
          name: 'nul.csv',
          bytes: utf8('enterprise_id,year,carrier,amount,unit\nE\u00001,2024,diesel,1,t\n'),
        },
      ],
      mapping: {},
      encoding: 'auto',
    });
    const said = o.problems.map((p) => `${p.file}:${p.row ?? ''}:${p.column ?? ''}: ${p.reason}`);
    expect(said).toEqual([
      expect.stringMatching(/^broken\.xlsx::: /),
      expect.stringMatching(/^cut\.parquet::: /),
      expect.stringMatching(/^bytes\.csv:3:: .*byte 59 \(0xff\)/),
      expect.stringMatching(/^nul\.csv:2:enterprise_id: control character U\+0000/),
    ]);
    expect(o.rowsToLoad).toBe(0);
    const next = await runner.run({
      activity: [{ name: 'good.parquet', bytes: good }],
      mapping: {},
      encoding: 'auto',
    });
    expect(next.rowsToLoad).toBe(2);
  });

  it('ends a cancelled check at once, and the next check works', async () => {
    const pending = runner.run({
      activity: [{ name: 'huge.csv', bytes: big(400_000) }],
      mapping: {},
      encoding: 'auto',
    });
    runner.cancel();
    await expect(pending).rejects.toBeInstanceOf(ImportCancelled);
    const o = await runner.run({
      activity: [
        { name: 'small.csv', bytes: utf8('enterprise_id,year,carrier,amount,unit\nE1,2024,diesel,1,t\n') },
      ],
      mapping: {},
      encoding: 'auto',
    });
    expect(o.rowsToLoad).toBe(1);
  });
});

describe('user parks in IndexedDB', () => {
  it(
    'keeps an imported park and a saved mapping, and clear my data removes both',
    () =>
      withStoredData(async () => {
        await clearUserData();
        const ipc = new Uint8Array([1, 2, 3]);
        await saveUserPark({
          manifest: {
            id: 'user-test',
            name_zh: '测试',
            name_en: 'Test',
            version: 'imported',
            synthetic: false,
            years: [2020, 2024],
            tables: { activity: { rows: 1 } },
          },
          tables: [{ name: 'activity', ipc }],
          importedAt: '2026-01-01T00:00:00Z',
          files: ['a.csv'],
        });
        await saveMapping({
          key: 'a|b',
          mapping: { carriers: { 柴由: 'diesel' } },
          savedAt: '2026-01-01T00:00:00Z',
        });
        const parks = await listUserParks();
        expect(parks.map((p) => p.manifest.id)).toEqual(['user-test']);
        expect(Array.from(parks[0].tables[0].ipc)).toEqual([1, 2, 3]);
        expect((await findMapping('a|b'))?.mapping).toEqual({ carriers: { 柴由: 'diesel' } });
        expect(await storedSummary()).toEqual({
          parks: [{ id: 'user-test', name_zh: '测试', name_en: 'Test' }],
          mappings: 1,
        });
        await clearUserData();
        expect(await storedSummary()).toEqual({ parks: [], mappings: 0 });
      }),
    480_000,
  ); // the lock may first wait for another file that stores parks
});
