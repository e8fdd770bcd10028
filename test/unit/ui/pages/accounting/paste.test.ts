/**
 * The self-check's paste box reads through the importer: pastes as an energy manager makes them from
 * Excel (电力 and 蒸汽, steam in 吨, three columns without a year, thousands separators) are read, an
 * unknown carrier gets a "did you mean", and one bad line does not discard the good ones.
 */
import { describe, expect, it } from 'vitest';
import { parsePaste } from '../../../../../src/ui/pages/accounting/paste-vm';
import { steamGjPerTonne, STEAM_GRADES, DEFAULT_STEAM_GRADE } from '../../../../../src/core/import/index';

const MEDIUM = steamGjPerTonne(STEAM_GRADES.find((g) => g.code === DEFAULT_STEAM_GRADE)!);

describe('paste box through the importer', () => {
  it('reads a three-column Excel paste (tabs) without a year with the page year; steam in tonnes converted', () => {
    const r = parsePaste('电力\t1,200\t万千瓦时\n蒸汽\t100\t吨\n天然气\t30\t万立方米\n', { year: 2023 });
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      { line: 1, year: 2023, carrier: 'electricity', amount: 1200, unit: '10^4 kWh' },
      { line: 2, year: 2023, carrier: 'heat', amount: 100 * MEDIUM, unit: 'GJ' },
      { line: 3, year: 2023, carrier: 'natural_gas', amount: 30, unit: '10^4 m3' },
    ]);
    expect(MEDIUM).toBeCloseTo((2777.1 - 83.74) / 1000, 10);
    expect(r.notes).toEqual([
      {
        line: 2,
        code: 'steam',
        grade: STEAM_GRADES.find((g) => g.code === DEFAULT_STEAM_GRADE),
        gjPerT: MEDIUM,
      },
    ]);
    expect(r.rest).toBe('');
  });

  it('notes the steam grade a name hints at, once per grade, with the line it first applied to', () => {
    const r = parsePaste(
      '2024,电力,5,万千瓦时\n2023,低压蒸汽,10,吨\n2024,低压蒸汽,20,吨\n2022,过热蒸汽,3,t\n',
    );
    expect(r.issues).toEqual([]);
    const grade = (code: string) => STEAM_GRADES.find((g) => g.code === code)!;
    expect(r.notes).toEqual([
      { line: 2, code: 'steam', grade: grade('low'), gjPerT: steamGjPerTonne(grade('low')) },
      { line: 4, code: 'steam', grade: grade('superheated'), gjPerT: steamGjPerTonne(grade('superheated')) },
    ]);
    expect(r.rows.map((x) => x.amount)).toEqual([
      5,
      10 * steamGjPerTonne(grade('low')),
      20 * steamGjPerTonne(grade('low')),
      3 * steamGjPerTonne(grade('superheated')),
    ]);
  });

  it('refuses a yearless paste when the page has no year, naming each line', () => {
    const r = parsePaste('电力\t5\t万千瓦时\n');
    expect(r.rows).toEqual([]);
    expect(r.issues).toEqual([{ line: 1, field: 'year', code: 'empty' }]);
  });

  it('puts back thousands split by an unquoted comma paste, and reads quoted ones', () => {
    const r = parsePaste('2024,电力,1,234,567.5,kWh\n2024,天然气,"12,345",立方米\n', { year: 2020 });
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => [x.year, x.carrier, x.amount, x.unit])).toEqual([
      [2024, 'electricity', 1234567.5, 'kWh'],
      [2024, 'natural_gas', 12345, 'm3'],
    ]);
  });

  it('suggests the closest known carrier and keeps the good lines, leaving the bad ones in the box', () => {
    const text = [
      '能源品种,消费量,计量单位',
      '外购电立,10,MWh',
      '外购热力,50,GJ',
      '天然气,-3,万立方米',
      '原煤,12,吨',
    ].join('\n');
    const r = parsePaste(text, { year: 2024 });
    expect(r.rows.map((x) => [x.line, x.carrier, x.amount])).toEqual([
      [3, 'heat', 50],
      [5, 'raw_coal', 12],
    ]);
    expect(r.issues).toEqual([
      {
        line: 2,
        column: 1,
        field: 'carrier',
        code: 'unknownCarrier',
        params: { value: '外购电立', suggestion: '外购电力 (electricity)' },
      },
      { line: 4, column: 2, field: 'amount', code: 'negative', params: { value: '-3' } },
    ]);
    expect(r.rest).toBe('能源品种,消费量,计量单位\n外购电立,10,MWh\n天然气,-3,万立方米');
    // The rest, fixed and pasted again, reads cleanly.
    const again = parsePaste(r.rest.replace('外购电立', '外购电力').replace('-3', '3'), { year: 2024 });
    expect(again.issues).toEqual([]);
    expect(again.rows).toHaveLength(2);
  });

  it('refuses the same carrier twice in a year (double counting) and a unit that does not fit', () => {
    const r = parsePaste('2024\t电力\t5\t万千瓦时\n2024\t用电量\t2\t万度\n2024\t原煤\t3\tkWh\n');
    expect(r.rows).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ line: 2, code: 'engine' });
    expect(String(r.issues[0].params?.message)).toMatch(
      /^duplicate: 2024, electricity is already on paste row 1/,
    );
    expect(r.issues[1]).toMatchObject({
      line: 3,
      column: 4,
      field: 'unit',
      code: 'unitMismatch',
      params: { value: 'kWh', carrier: 'raw_coal' },
    });
  });
});
