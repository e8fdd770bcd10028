import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { readParquet, writeParquet, Table as WasmTable } from 'parquet-wasm/node';
import { decodeText } from '../../../../src/core/import/decode';
import { csvRecords, parseCsv, sniffDelimiter } from '../../../../src/core/import/csv';
import { readNumber } from '../../../../src/core/import/text';
import {
  carrierFromName,
  headerField,
  splitHeader,
  suggestCarrier,
  tryUnit,
} from '../../../../src/core/import/vocab';
import { parsePeriod, readFormHeader } from '../../../../src/core/import/period';
import {
  importPark,
  rowsToLoad,
  toIpc,
  activityTable,
  parseMapping,
  toCsvText,
} from '../../../../src/core/import/index';
import { steamGjPerTonne, STEAM_GRADES } from '../../../../src/core/import/steam';
import { gbk, utf16le, utf8, xlsx } from '../../../fixtures/import/encode';

const file = (name: string, bytes: Uint8Array) => ({ name, bytes });
const act = (name: string, text: string | Uint8Array, extra: Parameters<typeof importPark>[0] = {}) =>
  importPark({ activity: [file(name, typeof text === 'string' ? utf8(text) : text)], ...extra });
const rows = (r: ReturnType<typeof importPark>) => {
  const a = r.activity!.activity;
  return Array.from({ length: a.length }, (_, i) => [
    a.enterprise_id[i],
    a.year[i],
    a.carrier[i],
    a.amount[i],
  ]);
};
const errors = (r: ReturnType<typeof importPark>) =>
  r.problems
    .filter((p) => p.severity !== 'warning')
    .map((p) => `${p.file}:${p.row ?? ''}:${p.column ?? p.field ?? ''}: ${p.reason}`);

describe('decoding', () => {
  it('detects UTF-8, a BOM, GBK and UTF-16, and names UTF-16', () => {
    expect(decodeText(utf8('\uFEFFa,b'), 'f').decoded).toMatchObject({
      text: 'a,b',
      encoding: 'utf-8',
      bom: true,
    });
    expect(decodeText(gbk('电力,天然气'), 'f').decoded).toMatchObject({
      text: '电力,天然气',
      encoding: 'gb18030',
    });
    expect(decodeText(utf16le('年份,电力'), 'f').decoded).toMatchObject({
      text: '年份,电力',
      encoding: 'utf-16le',
    });
    expect(decodeText(utf16le('year,amount', false), 'f').decoded?.encoding).toBe('utf-16le');
  });

  it('honours an override and says where bytes are invalid', () => {
    // GBK bytes forced to UTF-8: invalid at the first Chinese byte, on line 2.
    const r = decodeText(gbk('a\n电力'), 'f.csv', 'utf-8');
    expect(r.problems[0]).toMatchObject({ file: 'f.csv', row: 2 });
    expect(r.problems[0].reason).toMatch(/not valid UTF-8: byte 2 \(0xb5\)/);
    expect(decodeText(gbk('电力'), 'f', 'gbk').decoded?.text).toBe('电力');
    const nul = decodeText(utf8('a,b\nx\u0000y,1'), 'n.csv');
    expect(nul.problems[0]).toMatchObject({ row: 2 });
    expect(nul.problems[0].reason).toMatch(/U\+0000/);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, naming the byte', () => {
    const r = decodeText(new Uint8Array([0x61, 0x0a, 0xff, 0xff, 0x30]), 'bad.csv');
    expect(r.decoded).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ file: 'bad.csv', row: 2 });
    expect(r.problems[0].reason).toMatch(/neither UTF-8 nor GBK/);
  });
});

describe('CSV reader', () => {
  it('keeps the RFC 4180 rules and line numbers', () => {
    expect(parseCsv('a,b\r\n"x\ny",1\r\n\r\n3,4').lines).toEqual([2, 5]);
    expect(csvRecords('标题\n\na,b\n1,2\n').lines).toEqual([1, 3, 4]);
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(sniffDelimiter('a;b\n1;2')).toBe(';');
  });
});

describe('numbers, headers, carriers, units', () => {
  it('normalises thousands separators and full-width digits; refuses ambiguous or overflowing values', () => {
    expect(readNumber('1,234.5')).toEqual({ ok: true, value: 1234.5 });
    expect(readNumber('１２，３４５')).toEqual({ ok: true, value: 12345 });
    expect(readNumber(' 7 ')).toEqual({ ok: true, value: 7 });
    expect(readNumber('-')).toEqual({ ok: 'empty' });
    expect(readNumber('1,23')).toMatchObject({ ok: false, reason: expect.stringMatching(/ambiguous/) });
    expect(readNumber('1e400')).toMatchObject({ ok: false, reason: expect.stringMatching(/too large/) });
    expect(readNumber('abc')).toMatchObject({ ok: false, reason: '"abc" is not a number' });
  });

  it('maps Chinese and English headers and splits units out of wide headers', () => {
    expect(headerField('企业代码')).toBe('enterprise_id');
    expect(headerField('统一社会信用代码')).toBe('enterprise_id');
    expect(headerField('统计年度')).toBe('year');
    expect(headerField('能源名称')).toBe('carrier');
    expect(headerField('实物量')).toBe('amount');
    expect(headerField('工业总产值（千元）')).toBe('output_value_10k_cny');
    expect(headerField('消费量 合计')).toBe('consumption_total');
    expect(headerField('工业生产消费 其中：用作原材料')).toBe('feedstock');
    expect(splitHeader('电力（万千瓦时）')).toEqual({ name: '电力', unit: '万千瓦时' });
    expect(splitHeader('天然气(万m³)')).toEqual({ name: '天然气', unit: '万m3' });
  });

  it('maps carrier names as people write them and suggests what was meant', () => {
    for (const [name, code] of [
      ['电力', 'electricity'],
      ['外购电力', 'electricity'],
      ['用电量', 'electricity'],
      ['天然气', 'natural_gas'],
      ['蒸汽', 'heat'],
      ['热力', 'heat'],
      ['烟煤', 'raw_coal'],
      ['柴油', 'diesel'],
      ['液化石油气', 'lpg'],
      ['光伏发电', 'pv_electricity'],
      ['Natural Gas', 'natural_gas'],
      ['蒸汽（低压）', 'heat'],
    ])
      expect(carrierFromName(name), name).toBe(code);
    expect(carrierFromName('洗精煤')).toBeUndefined();
    expect(suggestCarrier('外购电')).toBeDefined();
    expect(suggestCarrier('天燃气')).toBe('天然气 (natural_gas)');
    expect(tryUnit('百万千焦')?.unit.code).toBe('GJ');
    expect(tryUnit('万kWh')?.unit.code).toBe('10^4 kWh');
    expect(tryUnit('万m³')?.unit.code).toBe('10^4 m3');
  });

  it('reads periods and form header fields', () => {
    expect(parsePeriod('2024年1-6月')).toEqual({ year: 2024, from: 1, to: 6 });
    expect(parsePeriod('2024年3月')).toEqual({ year: 2024, from: 3, to: 3 });
    expect(parsePeriod('2024年度')).toEqual({ year: 2024, from: 1, to: 12 });
    expect(parsePeriod('2024年1-13月')).toBeUndefined();
    expect(
      readFormHeader([
        '单位名称：苏通精密电子有限公司',
        '统一社会信用代码：',
        '91320600MA1XXXXX0Y',
        '2024年1-6月',
        '有效期至：2026年12月',
      ]),
    ).toEqual({
      name: '苏通精密电子有限公司',
      enterpriseId: '91320600MA1XXXXX0Y',
      period: { year: 2024, from: 1, to: 6 },
    });
  });

  it('converts steam by the documented enthalpy of its grade', () => {
    const medium = STEAM_GRADES.find((g) => g.code === 'medium')!;
    expect(steamGjPerTonne(medium)).toBeCloseTo((2777.1 - 83.74) / 1000, 10);
  });
});

describe('activity import', () => {
  const CN =
    '企业代码,年份,能源品种,消费量,计量单位\nE1,2024,电力,"1,200",万千瓦时\nE1,2024,天然气,３０,万立方米\nE1,2024,蒸汽,1000,吨\n';

  it('reads a GBK file with Chinese headers and values without a mapping', () => {
    const r = act('cn.csv', gbk(CN));
    expect(errors(r)).toEqual([]);
    expect(r.files[0]).toMatchObject({ encoding: 'gb18030', encodingDetected: true });
    const steam = steamGjPerTonne(STEAM_GRADES.find((g) => g.code === 'medium')!);
    expect(rows(r)).toEqual([
      ['E1', 2024, 'electricity', 1200],
      ['E1', 2024, 'heat', 1000 * steam],
      ['E1', 2024, 'natural_gas', 30],
    ]);
    // The steam conversion is said, with its source.
    expect(r.problems.find((p) => p.severity === 'warning')?.reason).toMatch(
      /steam in tonnes converted to heat at 2\.6934 GJ\/t.*NDRC/,
    );
  });

  it('lets the mapping give the steam grade or the user own GJ per tonne', () => {
    const r = act('cn.csv', CN, { mapping: { steam: { gj_per_t: 3 } } });
    expect(rows(r).find((x) => x[2] === 'heat')![3]).toBe(3000);
  });

  it('lists every problem with file, row, column and reason, and loads nothing bad', () => {
    const text =
      'enterprise_id,year,carrier,amount,unit\n' +
      'E1,2024,electricity,10,10^4 kWh\n' +
      'E1,20x4,electricity,10,10^4 kWh\n' +
      'E2,2024,外购电,abc,10^4 kWh\n' +
      'E3,1850,天燃气,5,万立方米\n' +
      'E4,2024,diesel,5,万千瓦时\n' +
      'E5,2024,electricity,-3,10^4 kWh\n' +
      'E1,2024,electricity,12,10^4 kWh\n';
    const r = act('bad.csv', text);
    expect(errors(r)).toEqual([
      'bad.csv:3:year: "20x4" is not a year',
      'bad.csv:4:amount: "abc" is not a number',
      'bad.csv:5:year: year 1850 is out of range 1990–2100',
      'bad.csv:5:carrier: unknown carrier "天燃气"; did you mean 天然气 (natural_gas)? Map it once for the whole file (mapping "carriers") if it is one of ours',
      expect.stringMatching(
        /^bad\.csv:6:unit: Unit "10\^4 kWh" \(electric energy\) does not fit carrier diesel/,
      ),
      'bad.csv:7:amount: -3 is negative; record deliveries with an export carrier (输出电力, 输出热力)',
      'bad.csv:8:amount: duplicate: E1, 2024, electricity is already on bad.csv row 2 (sum them in the file if both are meant)',
    ]);
    expect(rows(r)).toEqual([['E1', 2024, 'electricity', 10]]);
    expect(r.activity!.rowsRejected).toBe(6);
  });

  it('reads a wide layout with units in the headers', () => {
    const text =
      '企业名称,企业代码,年份,电力（万千瓦时）,天然气(万m³),柴油（吨）,蒸汽（吨）\n甲厂,E1,2023,"1,000",20,,5\n乙厂,E2,2023,50,-,3,\n';
    const r = act('wide.csv', text);
    expect(errors(r)).toEqual([]);
    expect(r.activity!.plans[0].layout).toBe('wide');
    expect(rows(r).map((x) => x.slice(0, 3))).toEqual([
      ['E1', 2023, 'electricity'],
      ['E1', 2023, 'heat'],
      ['E1', 2023, 'natural_gas'],
      ['E2', 2023, 'diesel'],
      ['E2', 2023, 'electricity'],
    ]);
    expect(r.activity!.names.get('E2')).toBe('乙厂');
  });

  it('refuses a wide column without a unit, at the header', () => {
    const r = act('w.csv', '企业代码,年份,电力\nE1,2024,5\n');
    expect(errors(r)[0]).toMatch(/^w\.csv:1:电力: the column of 外购电力 \(electricity\) has no unit/);
  });

  it('finds the header under title rows in an XLSX with merged header cells (P201 form)', () => {
    const bytes = xlsx([
      {
        name: '2024年1-6月',
        rows: [
          ['工业企业能源购进、消费与库存', null, null, null, null, null, null],
          [
            '单位名称：江海化工有限公司',
            null,
            null,
            '统一社会信用代码：91320600MA1ABCDE0X',
            null,
            null,
            null,
          ],
          ['2024年1-6月', null, null, null, null, null, null],
          ['能源名称', '计量单位', '代码', '期初库存量', '消费量', null, null],
          [null, null, null, null, '合计', '工业生产消费', '用作原材料'],
          ['原煤', '吨', '01', 10, 500, 500, 0],
          ['天然气', '万立方米', '15', null, 120, 120, 20],
          ['热力', '百万千焦', '33', null, '3,000', '3,000', null],
          ['电力', '万千瓦时', '34', null, 800, 800, null],
          ['能源合计', '吨标准煤', null, null, 9999, null, null],
        ],
        merges: ['A1:G1', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:G4'],
      },
    ]);
    const r = importPark({ activity: [file('p201.xlsx', bytes)] });
    expect(errors(r)).toEqual([]);
    expect(r.activity!.plans[0]).toMatchObject({ layout: 'p201', headerRow: 5 });
    expect(rows(r)).toEqual([
      ['91320600MA1ABCDE0X', 2024, 'electricity', 800],
      ['91320600MA1ABCDE0X', 2024, 'heat', 3000],
      ['91320600MA1ABCDE0X', 2024, 'natural_gas', 100],
      ['91320600MA1ABCDE0X', 2024, 'raw_coal', 500],
    ]);
    // Feedstock kept apart, and the partial year said.
    expect(r.tables.find((t) => t.name === 'feedstock')!.table.length).toBe(1);
    expect(r.problems.some((p) => p.severity === 'warning' && /cover 2024年1-6月 only/.test(p.reason))).toBe(
      true,
    );
  });

  it('sums monthly and cumulative P201 sheets to the year without double counting', () => {
    const sheet = (period: string, gas: number) => ({
      name: period,
      rows: [
        ['单位名称：甲厂', null, null],
        ['组织机构代码：E0001', null, null],
        [period, null, null],
        ['能源名称', '计量单位', '消费量合计', '用作原材料'],
        ['天然气', '万立方米', gas, null],
      ],
    });
    const bytes = xlsx([sheet('2024年1-11月', 110), sheet('2024年6月', 10), sheet('2024年12月', 12)]);
    const r = importPark({ activity: [file('m.xlsx', bytes)] });
    expect(errors(r)).toEqual([]);
    expect(rows(r)).toEqual([['E0001', 2024, 'natural_gas', 122]]);
    expect(r.problems.some((p) => /2024年6月 is inside the cumulative 2024年1-11月/.test(p.reason))).toBe(
      true,
    );
    const twice = importPark({
      activity: [file('t.xlsx', xlsx([sheet('2024年3月', 1), sheet('2024年3月 ', 1)]))],
    });
    expect(errors(twice)[0]).toMatch(/the period 2024年3月 of E0001 is also given in t\.xlsx \[2024年3月\]/);
  });

  it('sums two energies of one carrier on a P201 form with a warning; elsewhere one carrier twice is a duplicate', () => {
    const form = '能源名称,计量单位,消费量合计,用作原材料\n烟煤,吨,10,\n无烟煤,吨,5,\n';
    const r = act('two.csv', form, { mapping: { enterprise_id: 'E1', year: 2024 } });
    expect(errors(r)).toEqual([]);
    expect(rows(r)).toEqual([['E1', 2024, 'raw_coal', 15]]);
    expect(r.problems[0]).toMatchObject({ row: 3, severity: 'warning' });
    expect(r.problems[0].reason).toMatch(/^counted as raw_coal together with two\.csv row 2/);
    const long = act(
      'l.csv',
      '企业代码,年份,能源品种,消费量,计量单位\nE1,2024,烟煤,10,吨\nE1,2024,原煤,5,吨\n',
    );
    expect(errors(long)).toEqual([
      'l.csv:3:消费量: duplicate: E1, 2024, raw_coal is already on l.csv row 2 (sum them in the file if both are meant)',
    ]);
  });

  it('reads JSON records and Parquet', () => {
    const json = JSON.stringify([
      { 企业代码: 'E1', 年份: 2022, 能源品种: '电力', 消费量: 5, 计量单位: '万千瓦时' },
      { 企业代码: 'E1', 年份: 2022, 能源品种: '柴油', 消费量: '1,000', 计量单位: 'kg' },
    ]);
    const j = importPark({ activity: [file('a.json', utf8(json))] });
    expect(errors(j)).toEqual([]);
    expect(rows(j)).toEqual([
      ['E1', 2022, 'diesel', 1],
      ['E1', 2022, 'electricity', 5],
    ]);
    const ipc = toIpc(activityTable(j.activity!.activity));
    const pq = writeParquet(WasmTable.fromIPCStream(ipc));
    const p = importPark({
      activity: [file('a.parquet', pq)],
      parquetToIpc: (b) => readParquet(b).intoIPCStream(),
    });
    expect(errors(p)).toEqual([]);
    expect(rows(p)).toEqual(rows(j));
    const broken = importPark({
      activity: [file('x.parquet', pq.slice(0, 40))],
      parquetToIpc: (b) => readParquet(b).intoIPCStream(),
    });
    expect(errors(broken)[0]).toMatch(/^x\.parquet::: not a readable Parquet file/);
  });

  it('gives canonical columns as Arrow IPC and CSV', () => {
    const r = act('cn.csv', gbk(CN));
    const t = tableFromIPC(toIpc(activityTable(r.activity!.activity)));
    expect(t.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'enterprise_id:Utf8',
      'year:Int32',
      'carrier:Utf8',
      'amount:Float64',
      'unit:Utf8',
    ]);
    expect(t.numRows).toBe(3);
    expect(toCsvText(activityTable(r.activity!.activity)).split('\n')[1]).toBe(
      'E1,2024,electricity,1200,10^4 kWh',
    );
    expect(rowsToLoad(r)).toBe(3);
  });

  it('checks ids across enterprises, economics and activity, and reads their Chinese headers', () => {
    const r = importPark({
      activity: [
        file(
          'a.csv',
          utf8('企业代码,年份,能源品种,消费量,计量单位\nE1,2024,电力,1,万千瓦时\nE9,2024,电力,1,万千瓦时\n'),
        ),
      ],
      enterprises: file(
        'e.csv',
        utf8('企业代码,企业名称,行业代码\nE1,甲,3911\nE2,乙,化工\nE2,丙,食品制造\n'),
      ),
      economics: file(
        'x.csv',
        utf8('企业代码,年份,工业总产值（千元）,增加值（万元）\nE1,2024,"12,000",300\n'),
      ),
    });
    expect(errors(r)).toEqual([
      'e.csv:4:企业代码: duplicate: E2 is already on e.csv row 3',
      'a.csv::enterprise_id: enterprise "E9" is not in the enterprises file',
    ]);
    const ent = r.tables.find((t) => t.name === 'enterprises')!.table;
    expect(ent.columns.find((c) => c.name === 'sector')!.values).toEqual(['electronics', 'chemicals']);
    const eco = r.tables.find((t) => t.name === 'economics')!.table;
    expect(
      Array.from(eco.columns.find((c) => c.name === 'output_value_10k_cny')!.values as Float64Array),
    ).toEqual([1200]);
    // Blank optional numbers travel as nulls in Arrow.
    const t = importPark({
      economics: file('x.csv', utf8('企业代码,年份,工业总产值,增加值\nE1,2024,5,\nE2,2024,6,1\n')),
    }).tables[0].table;
    const arrow = tableFromIPC(toIpc(t));
    expect(arrow.getChild('value_added_10k_cny')!.get(0)).toBeNull();
    expect(arrow.getChild('value_added_10k_cny')!.get(1)).toBe(1);
    expect(arrow.getChild('year')!.get(1)).toBe(2024);
  });

  it('reads and checks a mapping document, locating its mistakes by field path', () => {
    const bad = parseMapping(
      '{"carriers": {"洗精煤": "coal"}, "steam": {"grade": "hot"}, "colour": 1}',
      'm.json',
    );
    expect(bad.problems.map((p) => `${p.field}: ${p.reason}`)).toEqual([
      'colour: unknown key; known keys: columns, carriers, units, sectors, steam, enterprise_id, year, period, sheet, header_row, encoding, year_range',
      'carriers.洗精煤: "coal" is not a carrier code',
      'steam.grade: must be one of low, medium, high, superheated',
    ]);
    const ok = parseMapping(
      '\uFEFF{"carriers": {"洗精煤": "raw_coal"}, "columns": {"用能": "amount"}}',
      'm.json',
    );
    expect(ok.problems).toEqual([]);
    const r = act('x.csv', '企业代码,年份,能源品种,用能,计量单位\nE1,2024,洗精煤,3,吨\n', {
      mapping: ok.mapping,
    });
    expect(errors(r)).toEqual([]);
    expect(rows(r)).toEqual([['E1', 2024, 'raw_coal', 3]]);
  });

  it('says an empty file is empty and a file without a header has none', () => {
    expect(errors(act('e.csv', ''))).toEqual(['e.csv::: the file is empty']);
    expect(errors(act('h.csv', 'foo,bar\n1,2\n'))[0]).toMatch(
      /^h\.csv:1:: no header row found in the first 30 rows/,
    );
  });
});

describe('import template', () => {
  it('is read back by the importer without a problem, in both languages', async () => {
    const { importTemplate } = await import('../../../../src/core/import/template');
    for (const lang of ['zh', 'en'] as const) {
      const sheets = importTemplate(lang);
      const bytes = xlsx(sheets);
      const r = importPark({ activity: [file(`template-${lang}.xlsx`, bytes)] });
      expect(errors(r)).toEqual([]);
      expect(r.activity!.activity.length).toBe(5);
    }
  });
});
