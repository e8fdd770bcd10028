import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as validate } from '../../../src/cli/commands/validate';
import { command as importCmd } from '../../../src/cli/commands/import';
import { loadPark } from '../../../src/cli/load-park';
import { gbk } from '../../fixtures/import/encode';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pcw-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(cmd: typeof validate, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await cmd.run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir });
  return { code, stdout, stderr };
}

const ROOT = join(import.meta.dirname, '../../..');

describe('validate', () => {
  it('accepts a GBK file with Chinese headers and 电力/天然气/蒸汽 without a mapping', async () => {
    writeFileSync(
      join(dir, 'cn.csv'),
      gbk(
        '企业代码,年份,能源品种,消费量,计量单位\r\nE1,2024,电力,"1,200",万千瓦时\r\nE1,2024,天然气,30,万立方米\r\nE1,2024,蒸汽,1000,吨\r\n',
      ),
    );
    const r = await run(validate, '--activity', 'cn.csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '3 rows would load: activity 3 (2024–2024); 1 warning(s); cn.csv read as gb18030\n',
    );
    expect(r.stderr).toMatch(
      /^cn\.csv:4:计量单位: warning: steam in tonnes converted to heat at 2\.6934 GJ\/t/,
    );
  });

  it('exits 1 with one file:row:column: reason line per problem', async () => {
    writeFileSync(
      join(dir, 'bad.csv'),
      'enterprise_id,year,carrier,amount,unit\nE1,2024,electricity,5,10^4 kWh\nE1,20x4,电力,1,kWh\nE2,2024,外购电力,1;2,kWh\nE3,2024,coal gas,1,t\n',
    );
    const r = await run(validate, '--activity', 'bad.csv');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      'bad.csv:3:year: "20x4" is not a year',
      'bad.csv:4:amount: "1;2" is not a number',
      'bad.csv:5:carrier: unknown carrier "coal gas"; did you mean 原煤 (raw_coal)? Map it once for the whole file (mapping "carriers") if it is one of ours',
    ]);
    expect(r.stderr).toMatch(/validate: 3 error\(s\), 0 warning\(s\); nothing would load/);
  });

  it('uses a mapping file and reports its mistakes by field path; refuses bad options with exit 2', async () => {
    writeFileSync(join(dir, 'm.json'), '{"carriers": {"煤气": "coal"}}');
    const r = await run(validate, '--activity', 'bad.csv', '--mapping', 'm.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('m.json::field carriers.煤气: "coal" is not a carrier code\n');
    expect((await run(validate, '--activity', 'cn.csv', '--encoding', 'latin1')).code).toBe(2);
    expect((await run(validate, 'cn.csv')).stderr).toMatch(/unexpected argument "cn.csv"/);
    const missing = await run(validate, '--activity', 'nope.csv');
    expect(missing).toMatchObject({ code: 1, stderr: 'nope.csv::: cannot read the file (no such file)\n' });
  });
});

describe('import', () => {
  it('writes a canonical park folder that --park reads to the same baseline as the bundled park', async () => {
    const out = join(dir, 'park');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'datasets/sample/manifest.json'), 'utf8')) as {
      green_space_ha: number;
      wetland_ha: number;
    };
    const r = await run(
      importCmd,
      '--activity',
      join(ROOT, 'datasets/sample/activity.csv'),
      '--enterprises',
      join(ROOT, 'datasets/sample/enterprises.csv'),
      '--economics',
      join(ROOT, 'datasets/sample/economics.csv'),
      '--green-space-ha',
      String(manifest.green_space_ha),
      '--wetland-ha',
      String(manifest.wetland_ha),
      '--name',
      'Sample again',
      '--out',
      'park',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'activity.arrow',
      'activity.csv',
      'economics.arrow',
      'economics.csv',
      'enterprises.arrow',
      'enterprises.csv',
      'manifest.json',
    ]);
    expect(readFileSync(join(out, 'activity.csv'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'datasets/sample/activity.csv'), 'utf8'),
    );
    const [mine, bundled] = await Promise.all([loadPark(out, dir), loadPark('sample', dir)]);
    // pv_installations is not imported here; the rooftop stock then comes from PV generation.
    const strip = (b: typeof mine.baseline) => ({ ...b, datasetId: '', rooftop: undefined });
    expect(strip(mine.baseline)).toEqual(strip(bundled.baseline));
  }, 60_000);

  it('writes nothing when a file has an error, and the valid rows with --skip-invalid', async () => {
    const r = await run(importCmd, '--activity', 'bad.csv', '--out', 'bad-park');
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'bad-park'))).toBe(false);
    const s = await run(importCmd, '--activity', 'bad.csv', '--skip-invalid', '--out', 'bad-park');
    expect(s.code).toBe(0);
    expect(readFileSync(join(dir, 'bad-park/activity.csv'), 'utf8')).toBe(
      'enterprise_id,year,carrier,amount,unit\nE1,2024,electricity,5,10^4 kWh\n',
    );
  });

  it('refuses an --out that is a file before reading anything', async () => {
    writeFileSync(join(dir, 'afile'), 'x');
    const r = await run(importCmd, '--activity', 'cn.csv', '--out', 'afile');
    expect(r).toMatchObject({ code: 2, stderr: 'import: --out afile is a file, not a folder\n' });
  });
});
