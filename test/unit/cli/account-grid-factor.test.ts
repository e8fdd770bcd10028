/**
 * `account` reports the grid factor it actually applied: the residual mix under market-based Scope 2,
 * the location factor otherwise (an audit found the location factor reported while the residual mix
 * was applied).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command } from '../../../src/cli/commands/account';

const dir = mkdtempSync(join(tmpdir(), 'pcw-account-grid-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function account(...argv: string[]): Promise<Record<string, number | string>[]> {
  let stderr = '';
  const code = await command.run(argv, { stdout: () => {}, stderr: (s) => (stderr += s), cwd: dir });
  expect(code, stderr).toBe(0);
  return JSON.parse(readFileSync(join(dir, argv[argv.indexOf('--out') + 1]), 'utf8'));
}

describe('account: the grid factor applied', () => {
  writeFileSync(
    join(dir, 'a.csv'),
    'enterprise_id,year,carrier,amount,unit\nE1,2021,electricity,100,MWh\nE1,2023,electricity,100,MWh\n',
  );

  for (const method of ['market', 'location'] as const) {
    it(`is the factor that scope 2 was computed with (${method})`, async () => {
      const rows = await account('--activity', 'a.csv', '--scope2-method', method, '--out', `${method}.json`);
      for (const r of rows) {
        // 100 MWh of purchased electricity: scope 2 = 100 × the factor applied.
        expect(Number(r.scope2_tco2) / 100).toBeCloseTo(Number(r.grid_factor_tco2_per_mwh), 9);
        expect(r.grid_factor_type).toBe(method === 'market' ? 'residual_mix' : 'average');
      }
    });
  }
});
