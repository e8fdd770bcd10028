import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd });
  return { code, out, err };
}

describe('npm run cli -- footprint', () => {
  it('writes the contract JSON: deterministic total, percentiles and contributions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fp-'));
    await writeFile(
      join(dir, 'bom.csv'),
      'input,quantity,unit,pedigree\nglue,500,g,12321\nsteel,2,kg,\ntruck,200,kgkm,\n',
    );
    await writeFile(
      join(dir, 'f.csv'),
      'input,unit,kgco2e_per_unit,gsd\nglue,t,4000,1.2\nsteel,kg,2,\ntruck,tkm,0.1,1.1\n',
    );
    const r = await cli(
      [
        'footprint',
        '--bom',
        'bom.csv',
        '--factors',
        'f.csv',
        '--runs',
        '4000',
        '--seed',
        '9',
        '--out',
        'out/r.json',
      ],
      dir,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(await readFile(join(dir, 'out/r.json'), 'utf8'));
    // 0.0005 t × 4000 + 2 kg × 2 + 0.2 tkm × 0.1 = 6.02
    expect(j.total_kgco2e).toBeCloseTo(6.02, 12);
    expect(j.p2_5).toBeLessThan(j.p50);
    expect(j.p50).toBeLessThan(j.p97_5);
    expect(j.boundary).toBe('cradle_to_gate');
    expect(
      j.contributions.map((c: { input: string; kgco2e: number; share: number }) => [
        c.input,
        c.kgco2e,
        c.share,
      ]),
    ).toEqual([
      ['glue', expect.closeTo(2, 12), expect.closeTo(2 / 6.02, 12)],
      ['steel', 4, expect.closeTo(4 / 6.02, 12)],
      ['truck', expect.closeTo(0.02, 12), expect.closeTo(0.02 / 6.02, 12)],
    ]);
    const again = await cli(
      [
        'footprint',
        '--bom',
        'bom.csv',
        '--factors',
        'f.csv',
        '--runs',
        '4000',
        '--seed',
        '9',
        '--out',
        'r2.json',
      ],
      dir,
    );
    expect(again.code).toBe(0);
    expect(await readFile(join(dir, 'r2.json'), 'utf8')).toBe(
      await readFile(join(dir, 'out/r.json'), 'utf8'),
    );
  });

  it('runs the bundled sample BOM with library factors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fp-'));
    const r = await cli(
      [
        'footprint',
        '--bom',
        join(process.cwd(), 'datasets/products/steel-bracket.bom.csv'),
        '--runs',
        '1000',
        '--out',
        'r.json',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
    expect(j.contributions[0]).toMatchObject({ input: 'steel', factor_basis: 'judgement' });
    expect(j.contributions[1].factor_source).toContain('生态环境部');
  });

  it('exits 1 naming file, row and column of every bad line; 2 for a usage error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fp-'));
    await writeFile(
      join(dir, 'bad.csv'),
      'input,quantity,unit,pedigree\nsteel,abc,kg,\nunobtanium,1,kg,\nsteel,1,tkm,\nsteel,1,kg,9\n',
    );
    const r = await cli(['footprint', '--bom', 'bad.csv', '--out', 'r.json'], dir);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      'footprint: bad.csv: row 2, column quantity: "abc" is not a number ≥ 0',
      'bad.csv: row 3, column input: no factor "unobtanium" in the library or the user\'s factors',
      "bad.csv: row 4, column unit: tkm does not convert to the factor's unit kg (steel)",
      'bad.csv: row 5, column pedigree: "9" is not five scores 1–5, e.g. 12321',
    ]);
    expect((await cli(['footprint', '--bom', 'bad.csv'], dir)).code).toBe(2);
    expect((await cli(['footprint', '--bom', 'missing.csv', '--out', 'r.json'], dir)).err).toContain(
      'missing.csv: cannot read the file (ENOENT)',
    );
  });
});
