/**
 * Reader rules that need big inputs (generated here, not stored): a megabyte of digits or of unknown
 * unit is refused with a short message; a hundred thousand problems of one kind are summarised (count
 * + the first ones); duplicate enterprises and economics rows are errors naming both rows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command as validate } from '../../../../src/cli/commands/validate';
import { importActivity } from '../../../../src/core/import/activity';
import { importPark, readFile } from '../../../../src/core/import/index';
import { utf16le, utf8 } from '../../../fixtures/import/encode';

const dir = mkdtempSync(join(tmpdir(), 'pcw-reader-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EN = 'enterprise_id,year,carrier,amount,unit\n';

async function run(files: Record<string, string>, argv: string[]) {
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), utf8(text));
  let stdout = '';
  let stderr = '';
  const code = await validate.run(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: dir,
  });
  return { code, stdout, lines: stderr.split('\n').filter((l) => l !== '') };
}

describe('reader rules at size', () => {
  it('refuses a megabyte of digits and a megabyte-long unit with short located messages', async () => {
    const r = await run(
      {
        'big.csv':
          EN + `E1,2024,diesel,${'9'.repeat(1_000_000)},t\nE1,2024,electricity,1,${'万'.repeat(1_000_000)}\n`,
      },
      ['--activity', 'big.csv'],
    );
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe(
      `big.csv:2:amount: "${'9'.repeat(40)}… (1000000 characters)" is not a number (too long)`,
    );
    expect(r.lines[1]).toBe(`big.csv:3:unit: unknown unit "${'万'.repeat(40)}… (1000000 characters)"`);
  });

  it('summarises a hundred thousand warnings of one kind: the first 20 and a count', () => {
    // Monthly rows of January only: every enterprise-year is partial (a warning each).
    const rows = ['企业代码,年份,月份,能源品种,消费量,计量单位'];
    for (let e = 0; e < 100_000; e++) rows.push(`E${e},2024,1,电力,1,万千瓦时`);
    const r = importPark({ activity: [{ name: 'jan.csv', bytes: utf8(rows.join('\n')) }] });
    expect(r.errorCount).toBe(0);
    expect(r.warningCount).toBe(100_000);
    expect(r.problems).toHaveLength(21);
    expect(r.problems[0].reason).toMatch(
      /^E0 2024: the data cover 2024年1月 only; the year's total is partial$/,
    );
    expect(r.problems[20]).toMatchObject({
      file: 'jan.csv',
      severity: 'warning',
      reason: expect.stringMatching(/^… and 99,980 more like this \(100,000 in all\), e\.g\. E0 2024: /),
    });
    expect(r.activity!.activity.length).toBe(100_000);
  });

  it('summarises errors of one kind in validate, and counts the rest exactly', async () => {
    const ents = ['enterprise_id,name_zh,sector'];
    for (let e = 0; e < 5000; e++) ents.push(`E${e},企业${e},手工作坊${e}`);
    const r = await run({ 'ents.csv': ents.join('\n') }, ['--enterprises', 'ents.csv']);
    expect(r.code).toBe(1);
    const located = r.lines.filter((l) => /^ents\.csv:\d+:sector: unknown sector/.test(l));
    expect(located).toHaveLength(20);
    expect(r.lines).toContain(
      r.lines.find((l) => /^ents\.csv::sector: … and 4,980 more like this \(5,000 in all\)/.test(l)),
    );
    expect(r.lines.some((l) => l.startsWith('… and'))).toBe(false);
    expect(r.lines.join('\n').length).toBeLessThan(40_000);
  });

  it('refuses one enterprise id twice with different names, and an economics row twice', async () => {
    const e = await run(
      { 'e.csv': 'enterprise_id,name_zh,sector\nA01,甲化工,chemicals\nA01,乙纺织,textiles\n' },
      ['--enterprises', 'e.csv'],
    );
    expect(e.code).toBe(1);
    expect(e.lines[0]).toBe('e.csv:3:enterprise_id: duplicate: A01 is already on e.csv row 2');
    const x = await run(
      {
        'x.csv': 'enterprise_id,year,output_value_10k_cny\nA01,2023,100\nA01,2024,120\nA01,2023,100\n',
      },
      ['--economics', 'x.csv'],
    );
    expect(x.code).toBe(1);
    expect(x.lines[0]).toBe('x.csv:4:enterprise_id: duplicate: A01, 2023 is already on x.csv row 2');
  });

  it('reads a large CSV lazily with the same result, problems located past the first rows', () => {
    const rows = ['企业代码,年份,能源品种,消费量,计量单位'];
    for (let e = 0; e < 500; e++)
      rows.push(
        `E${e},2024,电力,"1,${String(e).padStart(3, '0')}",万千瓦时`,
        `E${e},2024,天然气,${e},万立方米`,
      );
    const text = rows.join('\r\n') + '\r\n';
    const eager = importActivity(readFile('a.csv', utf8(text)).grids, { asGiven: true });
    const lazy = importPark({ activity: [{ name: 'a.csv', bytes: utf8(text) }], asGiven: true });
    expect(lazy.errorCount).toBe(0);
    expect(lazy.activity!.activity).toEqual(eager.activity);
    expect(lazy.activity!.activity.length).toBe(1000); // rows as given: E0's zero gas kept

    const bad = rows.slice();
    bad[700] = 'E700,2024,电力,lots,万千瓦时';
    const r = importPark({
      activity: [{ name: 'b.csv', bytes: utf16le(bad.join('\n') + '\nE9,2024,"电力,1,万千瓦时\n') }],
    });
    expect(r.problems.map((p) => `${p.row}:${p.column ?? ''}: ${p.reason}`)).toEqual([
      '701:消费量: "lots" is not a number',
      '1002:: a quoted field is not closed (read as UTF-16 LE)',
    ]);
  });
});
