/**
 * The product-footprint worker in real Chromium: the same numbers as the core on the main thread (same
 * seed), paired variants, BOM files (CSV and XLSX) read in the worker and handed over by transfer, and a
 * newer request superseding an older one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { utils, write } from '@e965/xlsx';
import { runFootprintJob, type Product } from '../../src/core/footprint/index';
import { FootprintRunner } from '../../workers/footprint-runner';
import { bom50 } from '../bench/footprint/bom50';

const runner = new FootprintRunner();
afterAll(() => runner.terminate());

describe('footprint worker', () => {
  it('computes what the core computes on the main thread, totals as a typed array', async () => {
    const product = bom50();
    const job = await runner.run([product], 4000, 77, 'en');
    const local = runFootprintJob([product], 4000, 77);
    const o = job!.outcomes[0];
    expect(o.problems).toEqual([]);
    expect(o.totals).toBeInstanceOf(Float64Array);
    expect(o.totals!.length).toBe(4000);
    expect(Array.from(o.totals!)).toEqual(Array.from(local.outcomes[0].totals!));
    expect(o.summary).toEqual(local.outcomes[0].summary);
  });

  it('compares a variant in pairs and reports a bad product without losing the others', async () => {
    const base = bom50();
    const variant: Product = JSON.parse(JSON.stringify(base));
    variant.id = 'lighter';
    variant.lines[0].quantity /= 2;
    const broken: Product = { ...JSON.parse(JSON.stringify(base)), id: 'broken' };
    broken.lines[3] = { ...broken.lines[3], input: 'nothing-like-this' };
    const job = (await runner.run([base, variant, broken], 2000, 5, 'zh'))!;
    expect(job.outcomes.map((o) => o.problems.length)).toEqual([0, 0, 1]);
    expect(job.outcomes[2].problems[0]).toMatchObject({ field: 'lines[3].input' });
    const pair = job.pairs.find((p) => p.a === 'bom50' && p.b === 'lighter')!;
    expect(pair.pHigher).toBe(1);
    expect(pair.pLower).toBe(0);
  });

  it('reads an XLSX BOM in the worker; the bytes are transferred, not copied', async () => {
    const ws = utils.aoa_to_sheet([
      ['物料清单'],
      ['input', 'quantity', 'unit', 'pedigree'],
      ['steel', 1.35, 'kg', '12222'],
      ['rail_freight', 0.81, 'tkm', ''],
    ]);
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'BOM');
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const read = await runner.readBom('bracket.xlsx', bytes);
    expect(bytes.byteLength).toBe(0);
    expect(read.problems).toEqual([]);
    expect(read.lines.map((l) => [l.input, l.quantity, l.unit, l.stage])).toEqual([
      ['steel', 1.35, 'kg', 'materials'],
      ['rail_freight', 0.81, 'tkm', 'transport'],
    ]);
  });

  it('names file, row and column of a bad CSV line, and refuses a file that is not a workbook', async () => {
    const csv = new TextEncoder().encode('input,quantity,unit\nsteel,lots,kg\n');
    const bad = await runner.readBom('bom.csv', csv);
    expect(bad.message).toBe('bom.csv: row 2, column quantity: "lots" is not a number ≥ 0');
    const fake = await runner.readBom('bom.xlsx', new TextEncoder().encode('input,quantity,unit\n'));
    expect(fake.lines).toEqual([]);
    expect(fake.message).toContain('bom.xlsx');
  });

  it('drops a result superseded by a newer request', async () => {
    const p = bom50();
    const [first, second] = await Promise.all([
      runner.run([p], 3000, 1, 'en'),
      runner.run([p], 3000, 2, 'en'),
    ]);
    expect(first).toBeNull();
    expect(second!.outcomes[0].summary!.seed).toBe(2);
  });
});
