/**
 * `npm run cli` runs the prebuilt bundle (built on demand by src/cli/build/launch.mjs): the same
 * outputs as the commands run from the sources, and a cached baseline gives the same summary and
 * the same warnings about the park's files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command as account } from '../../../src/cli/commands/account';
import { command as simulate } from '../../../src/cli/commands/simulate';

const dir = mkdtempSync(join(tmpdir(), 'pcw-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CACHE = join(process.cwd(), 'node_modules/.cache/pcw-cli/baselines');

/** Runs `npm run cli -- ...args` as the launcher does, in the repository. */
const launch = (...args: string[]) =>
  execFileSync(process.execPath, ['src/cli/build/launch.mjs', ...args], { encoding: 'utf8', stdio: 'pipe' });

const io = { stdout: () => {}, stderr: () => {}, cwd: dir };

describe('the CLI bundle', () => {
  it('writes what the commands write from the sources, and the same summary from a cached baseline', async () => {
    writeFileSync(
      join(dir, 'activity.csv'),
      'enterprise_id,year,carrier,amount,unit\nE1,2023,electricity,100,MWh\nE2,2024,raw_coal,12,t\n',
    );
    expect(
      launch('account', '--activity', join(dir, 'activity.csv'), '--out', join(dir, 'bundle.csv')),
    ).toMatch(/^Wrote 2 rows/);
    expect(await account.run(['--activity', 'activity.csv', '--out', 'source.csv'], io)).toBe(0);
    expect(readFileSync(join(dir, 'bundle.csv'), 'utf8')).toBe(readFileSync(join(dir, 'source.csv'), 'utf8'));

    const sim = ['--scenario', 'bau', '--park', 'workshop', '--runs', '40', '--seed', '3', '--workers', '1'];
    rmSync(CACHE, { recursive: true, force: true });
    launch('simulate', ...sim, '--summary', join(dir, 'first.json'));
    expect(readdirSync(CACHE).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    launch('simulate', ...sim, '--summary', join(dir, 'cached.json'));
    expect(await simulate.run([...sim, '--summary', 'source.json'], io)).toBe(0);
    const source = readFileSync(join(dir, 'source.json'), 'utf8');
    expect(readFileSync(join(dir, 'first.json'), 'utf8')).toBe(source);
    expect(readFileSync(join(dir, 'cached.json'), 'utf8')).toBe(source);
  }, 300_000);

  it("says the importer's warnings about a park folder again when its baseline comes from the cache", () => {
    const park = join(dir, 'slip');
    cpSync('datasets/workshop', park, { recursive: true });
    for (const ext of ['arrow', 'parquet']) rmSync(join(park, `activity.${ext}`), { force: true });
    const text = readFileSync(join(park, 'activity.csv'), 'utf8');
    // One year's electricity of E0002 in kWh written as 10^4 kWh: a likely unit slip, warned about.
    writeFileSync(
      join(park, 'activity.csv'),
      text.replace(/\nE0002,2020,electricity,(\d+),/, '\nE0002,2020,electricity,$10000,'),
    );
    const sim = ['--scenario', 'bau', '--park', park, '--runs', '20', '--seed', '3', '--workers', '1'];
    const said = (summary: string) => {
      const r = spawnSync(
        process.execPath,
        ['src/cli/build/launch.mjs', 'simulate', ...sim, '--summary', join(dir, summary)],
        {
          encoding: 'utf8',
        },
      );
      expect(r.status).toBe(0);
      return r.stderr.split('\n').filter((l) => l.includes('check the unit'));
    };
    const first = said('slip-first.json');
    expect(first).toEqual([
      expect.stringMatching(/^warning: .*slip\/activity\.csv: row \d+, column amount: .*E0002/),
    ]);
    expect(said('slip-cached.json')).toEqual(first);
  }, 300_000);
});
