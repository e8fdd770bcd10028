import { describe, expect, it } from 'vitest';
import { gridTable, readBom, readFactorTable } from '../../../../src/core/footprint/index';
import { readFile } from '../../../../src/core/import/readers';
import { utils, write } from '@e965/xlsx';

const csv = (text: string, file = 'bom.csv') => {
  const r = readFile(file, new TextEncoder().encode(text));
  expect(r.problems).toEqual([]);
  return gridTable(r.grids[0]);
};

describe('BOM and factor tables', () => {
  it('reads input,quantity,unit with optional pedigree and Chinese headers', () => {
    const { lines, rows, problems } = readBom(
      csv(
        '物料,数量,单位,数据质量\nsteel,1.35,千克,12222\nroad_freight,0.2,吨公里,\nintegrated_circuit,6,个,\n',
      ),
      'bom.csv',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([2, 3, 4]);
    expect(lines.map((l) => [l.input, l.quantity, l.unit, l.stage, l.pedigree])).toEqual([
      ['steel', 1.35, 'kg', 'materials', '12222'],
      ['road_freight', 0.2, 'tkm', 'transport', undefined],
      ['integrated_circuit', 6, 'piece', 'materials', undefined],
    ]);
  });

  it('names file, row and column of every bad cell, and missing columns', () => {
    const { problems } = readBom(
      csv('input,quantity,unit,pedigree\n,1,kg,\nsteel,x,kg,\nsteel,1,furlong,\nsteel,1,kg,66666\n'),
      'bom.csv',
    );
    expect(problems.map((p) => [p.file, p.row, p.column])).toEqual([
      ['bom.csv', 2, 'input'],
      ['bom.csv', 3, 'quantity'],
      ['bom.csv', 4, 'unit'],
      ['bom.csv', 5, 'pedigree'],
    ]);
    expect(readBom(csv('input,qty\nsteel,1\n'), 'bom.csv').problems).toEqual([
      { file: 'bom.csv', row: 1, column: 'quantity', reason: 'missing column' },
      { file: 'bom.csv', row: 1, column: 'unit', reason: 'missing column' },
    ]);
  });

  it('reads factors with and without gsd; a gsd below 1 is an error', () => {
    const { factors, problems } = readFactorTable(
      csv('input,unit,kgco2e_per_unit,gsd\nsteel,t,1850,1.15\nglue,kg,3,\nbad,kg,1,0.5\n', 'f.csv'),
      'f.csv',
    );
    expect(factors).toEqual([
      { id: 'steel', unit: 't', kgco2e_per_unit: 1850, gsd: 1.15, source: 'f.csv' },
      { id: 'glue', unit: 'kg', kgco2e_per_unit: 3, source: 'f.csv' },
    ]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([[4, 'gsd']]);
  });

  it('reads an XLSX sheet through the importer: title rows skipped, the sheet’s row numbers kept', () => {
    const ws = utils.aoa_to_sheet([
      ['BOM of a bracket'],
      [],
      ['input', 'quantity', 'unit'],
      ['steel', 1.35, 'kg'],
      [],
      ['rail_freight', 0.81, 'tkm'],
    ]);
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'BOM');
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = readFile('bom.xlsx', bytes);
    const t2 = gridTable(r.grids[0]);
    const bom = readBom(t2, 'bom.xlsx');
    expect(bom.problems).toEqual([]);
    expect(bom.rows).toEqual([4, 6]); // the title rows above the header are skipped
    expect(bom.lines.map((l) => l.quantity)).toEqual([1.35, 0.81]);
  });
});
