/**
 * One path for activity: `account --activity` and `simulate --park <folder>` read activity through the
 * importer, so a GBK file with Chinese headers and carrier names gives exactly what its canonical
 * twin gives.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command as account } from '../../../../src/cli/commands/account';
import { loadPark } from '../../../../src/cli/load-park';
import { gbk, utf8 } from '../../../fixtures/import/encode';

const DATASETS = join(import.meta.dirname, '../../../../datasets');
const dir = mkdtempSync(join(tmpdir(), 'pcw-one-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await account.run(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: dir,
  });
  return { code, stdout, stderr };
}

const CANONICAL = [
  'enterprise_id,year,carrier,amount,unit',
  'E0001,2023,electricity,1200,10^4 kWh',
  'E0001,2023,natural_gas,30,10^4 m3',
  'E0001,2023,heat,5000,GJ',
  'E0001,2024,electricity,1300.5,10^4 kWh',
  'E0002,2024,natural_gas,12.25,10^4 m3',
  'E0002,2024,heat,800,GJ',
].join('\n');

const CHINESE = [
  '企业代码,年份,能源品种,消费量,计量单位',
  'E0001,2023,电力,"1,200",万千瓦时',
  'E0001,2023,天然气,30,万立方米',
  'E0001,2023,蒸汽,5000,GJ',
  'E0001,2024,电力,1300.5,万千瓦时',
  'E0002,2024,天然气,12.25,万立方米',
  'E0002,2024,蒸汽,800,GJ',
].join('\r\n');

describe('account reads activity through the importer', () => {
  it('gives a GBK file with Chinese headers and names exactly the inventory of its canonical twin', async () => {
    writeFileSync(join(dir, 'canonical.csv'), utf8(CANONICAL));
    writeFileSync(join(dir, '能耗.csv'), gbk(CHINESE));
    const a = await run('--activity', 'canonical.csv', '--out', 'a.json');
    const b = await run('--activity', '能耗.csv', '--out', 'b.json');
    expect(a).toMatchObject({ code: 0, stderr: '' });
    expect(b).toMatchObject({ code: 0, stderr: '' });
    expect(b.stdout).toBe('Wrote 3 rows (2 enterprises, 2023–2024) to b.json\n');
    const ja = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(ja);
    expect(JSON.parse(ja)).toHaveLength(3);
    // The CSV output too, and an XLSX-free path: the same file as UTF-8 with a BOM.
    writeFileSync(join(dir, 'bom.csv'), utf8('\uFEFF' + CHINESE));
    await run('--activity', 'canonical.csv', '--out', 'a.csv');
    await run('--activity', 'bom.csv', '--out', 'c.csv');
    expect(readFileSync(join(dir, 'c.csv'), 'utf8')).toBe(readFileSync(join(dir, 'a.csv'), 'utf8'));
  });

  it('converts steam in tonnes with the documented enthalpy and says so', async () => {
    writeFileSync(
      join(dir, 'steam.csv'),
      gbk('企业代码,年份,能源品种,消费量,计量单位\r\nE1,2024,蒸汽,1000,吨\r\n'),
    );
    writeFileSync(
      join(dir, 'steam-gj.csv'),
      utf8('enterprise_id,year,carrier,amount,unit\nE1,2024,heat,2693.36,GJ\n'),
    );
    const t = await run('--activity', 'steam.csv', '--out', 't.json');
    expect(t.code).toBe(0);
    expect(t.stderr).toMatch(
      /^account: warning: steam\.csv: row 2, column 计量单位: steam in tonnes converted to heat at 2\.6934 GJ\/t/,
    );
    await run('--activity', 'steam-gj.csv', '--out', 'g.json');
    const [fromT] = JSON.parse(readFileSync(join(dir, 't.json'), 'utf8')) as Record<string, number>[];
    const [fromGj] = JSON.parse(readFileSync(join(dir, 'g.json'), 'utf8')) as Record<string, number>[];
    expect(fromT.scope2_tco2).toBeGreaterThan(0);
    expect(fromT.scope2_tco2).toBeCloseTo(fromGj.scope2_tco2, 6);
  });

  it('refuses what the importer refuses, naming file, row and column', async () => {
    writeFileSync(
      join(dir, 'dup.csv'),
      utf8(CANONICAL + '\nE0001,2023,electricity,5,10^4 kWh\nE0001,2023,electricity,1e400,10^4 kWh\n'),
    );
    const r = await run('--activity', 'dup.csv', '--out', 'x.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'account: dup.csv: row 8, column amount: duplicate: E0001, 2023, electricity is already on dup.csv row 2 (sum them in the file if both are meant)\n' +
        'dup.csv: row 9, column amount: "1e400" is too large to be an amount\n',
    );
  });
});

describe('simulate --park reads a folder activity through the importer', () => {
  it('builds the same baseline from a GBK activity file with Chinese headers as from the canonical one', async () => {
    const canonical = join(dir, 'park-canonical');
    const chinese = join(dir, 'park-chinese');
    for (const d of [canonical, chinese]) {
      mkdirSync(d, { recursive: true });
      for (const f of ['manifest.json', 'enterprises.csv', 'economics.csv'])
        cpSync(join(DATASETS, 'workshop', f), join(d, f));
    }
    const text = readFileSync(join(DATASETS, 'workshop/activity.csv'), 'utf8');
    writeFileSync(join(canonical, 'activity.csv'), text);
    const names: Record<string, string> = { electricity: '电力', natural_gas: '天然气', raw_coal: '原煤' };
    const lines = text.trimEnd().split(/\r?\n/);
    const header = lines[0].split(',');
    const zh: Record<string, string> = {
      enterprise_id: '企业代码',
      year: '年份',
      carrier: '能源品种',
      amount: '消费量',
      unit: '计量单位',
    };
    const ci = header.indexOf('carrier');
    const body = lines.slice(1).map((l) => {
      const cells = l.split(',');
      cells[ci] = names[cells[ci]] ?? cells[ci];
      return cells.join(',');
    });
    writeFileSync(
      join(chinese, 'activity.csv'),
      gbk([header.map((h) => zh[h] ?? h).join(','), ...body].join('\r\n') + '\r\n'),
    );
    const a = await loadPark('park-canonical', dir);
    const b = await loadPark('park-chinese', dir);
    expect(b.baseline).toEqual({ ...a.baseline, datasetId: b.baseline.datasetId });
  }, 60_000);
});
