/**
 * The WebAssembly sector sums: the committed module is what its source compiles to, it runs here, and
 * the kernel gives the same bits with it as with the JS sums — for every field, on the hand-made park
 * and the bundled sample and workshop parks, one after another (each block lays its arrays out again).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPark } from '../../../../src/cli/load-park';
import type { ParkBaseline } from '../../../../src/core/scenario/baseline';
import { compileScenario, simulateBlock } from '../../../../src/core/scenario/kernel';
import { sampleDetail } from '../../../../src/core/scenario/model';
import { presetScenario } from '../../../../src/core/scenario/presets';
import { sectorSumsAvailable } from '../../../../src/core/wasm/sector-sums';
import {
  compileAssemblyScript,
  SECTOR_SUMS_DIR,
  SECTOR_SUMS_MODULE,
  SECTOR_SUMS_SOURCE,
  sectorSumsModuleText,
} from '../../../tools/asc';
import { blockDiff } from '../../../browser/block-diff';
import { ALL_LEVERS, handBaseline } from '../scenario/fixtures';

describe('WebAssembly sector sums', () => {
  it('is the module its AssemblyScript source compiles to (npm run build:wasm)', async () => {
    const bytes = await compileAssemblyScript(SECTOR_SUMS_DIR, [SECTOR_SUMS_SOURCE]);
    expect(readFileSync(SECTOR_SUMS_MODULE, 'utf8')).toBe(sectorSumsModuleText(bytes));
  }, 60_000);

  it('runs in this process', () => {
    expect(sectorSumsAvailable()).toBe(true);
  });

  let parks: [string, ParkBaseline][] = [];
  beforeAll(async () => {
    parks = [
      ['hand', handBaseline()],
      ['sample', (await loadPark('sample', process.cwd())).baseline],
      ['workshop', (await loadPark('workshop', process.cwd())).baseline],
    ];
  }, 60_000);

  it('gives the kernel the same bits as the JS sums, park after park', () => {
    // The hand park again last: after the larger parks' layouts (a grown memory).
    const order = [0, 1, 2, 0];
    for (const p of order) {
      const [name, baseline] = parks[p];
      for (const [scenario, s] of [
        ['policy', presetScenario('policy')],
        ['all levers', ALL_LEVERS],
      ] as const) {
        const m = compileScenario(s, baseline);
        for (const precision of ['single', 'double'] as const) {
          const opts = { ...sampleDetail(60), breakdownEvery: 3, precision };
          const withWasm = simulateBlock(m, 7, 11, 60, { ...opts, wasm: true });
          const withJs = simulateBlock(m, 7, 11, 60, { ...opts, wasm: false });
          expect(blockDiff(withWasm, withJs), `${name} ${scenario} ${precision}`).toEqual([]);
        }
      }
    }
  }, 60_000);
});
