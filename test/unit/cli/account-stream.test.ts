/**
 * `account` accounts a large file a chunk at a time and writes its output in pieces (issue 15: bounded
 * memory). The lines are those of the engine on all rows at once; the file is, byte for byte, what
 * JSON.stringify / the CSV writer make of the whole array; the figures are the engine's summaries.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command as account } from '../../../src/cli/commands/account';
import {
  FactorLibrary,
  accountActivity,
  summarizeInventory,
  type ActivityRow,
} from '../../../src/core/accounting/index';
import { ACCOUNT_CHUNK_ROWS, accountColumns } from '../../../src/core/accounting/stream';
import { recordsToCsv } from '../../../src/core/csv-write';

const dir = mkdtempSync(join(tmpdir(), 'pcw-account-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CARRIERS: [string, string, number][] = [
  ['electricity', '10^4 kWh', 120],
  ['natural_gas', '10^4 m3', 8],
  ['heat', 'GJ', 2400],
  ['electricity_export', 'MWh', 700],
  ['raw_coal', 't', 300],
];

/** enterprises × 10 years × 5 carriers, amounts that differ by enterprise and year. */
function rows(enterprises: number): ActivityRow[] {
  const out: ActivityRow[] = [];
  for (let e = 1; e <= enterprises; e++) {
    for (let year = 2015; year <= 2024; year++) {
      for (const [carrier, unit, base] of CARRIERS) {
        const amount = Number(
          (base * (1 + ((e * 7 + year * 3) % 17) / 20) * (e % 5 === 0 ? 3 : 1)).toFixed(3),
        );
        out.push({ enterprise_id: `E${String(e).padStart(5, '0')}`, year, carrier, amount, unit });
      }
    }
  }
  return out;
}

const columns = (r: ActivityRow[]) => ({
  length: r.length,
  enterprise_id: r.map((x) => x.enterprise_id),
  year: Int32Array.from(r, (x) => x.year),
  carrier: r.map((x) => x.carrier),
  amount: Float64Array.from(r, (x) => x.amount),
  unit: r.map((x) => x.unit),
});

describe('account in chunks', () => {
  it('gives the lines of the engine on all rows, in row order, whatever the chunk size', () => {
    const lib = FactorLibrary.standard();
    const r = rows(7);
    for (const options of [{}, { scope2Method: 'market' as const, gridYear: 2021 }]) {
      const whole = accountActivity(r, lib, options);
      for (const chunk of [1, 3, 64, 10_000])
        expect([...accountColumns(columns(r), lib, options, chunk)]).toEqual(whole);
    }
  });

  it('writes, for a file of several chunks, the bytes of the whole array and the engine’s figures', async () => {
    const r = rows(Math.ceil((1.2 * ACCOUNT_CHUNK_ROWS) / 50));
    expect(r.length).toBeGreaterThan(ACCOUNT_CHUNK_ROWS);
    const csv = [
      'enterprise_id,year,carrier,amount,unit',
      ...r.map((x) => `${x.enterprise_id},${x.year},${x.carrier},${x.amount},${x.unit}`),
    ];
    writeFileSync(join(dir, 'activity.csv'), csv.join('\n') + '\n');
    writeFileSync(
      join(dir, 'enterprises.csv'),
      'enterprise_id,name_zh,sector\n' +
        [...new Set(r.map((x) => x.enterprise_id))].map((id) => `${id},企业 "${id}",chemicals`).join('\n') +
        '\n',
    );
    let stdout = '';
    const io = { stdout: (s: string) => void (stdout += s), stderr: () => {}, cwd: dir };
    const args = [
      '--activity',
      'activity.csv',
      '--enterprises',
      'enterprises.csv',
      '--scope2-method',
      'market',
    ];
    expect(await account.run([...args, '--out', 'inv.json'], io)).toBe(0);
    expect(await account.run([...args, '--out', 'inv.csv'], io)).toBe(0);
    const json = readFileSync(join(dir, 'inv.json'), 'utf8');
    const parsed = JSON.parse(json) as Record<string, unknown>[];
    expect(json).toBe(JSON.stringify(parsed, null, 2) + '\n');
    expect(readFileSync(join(dir, 'inv.csv'), 'utf8')).toBe(recordsToCsv(Object.keys(parsed[0]), parsed));

    const engine = summarizeInventory(
      accountActivity(r, FactorLibrary.standard(), { scope2Method: 'market' }),
    );
    expect(parsed).toHaveLength(engine.length);
    parsed.forEach((row, i) => {
      for (const [k, v] of Object.entries(engine[i])) expect(row[k], `${i} ${k}`).toBe(v);
      expect(row.name_zh).toBe(`企业 "${engine[i].enterprise_id}"`);
    });
    expect(stdout).toMatch(
      new RegExp(`^Wrote ${engine.length} rows \\(${engine.length / 10} enterprises, 2015–2024\\)`),
    );
  });
});
