import { it } from 'vitest';
import { openBundledPark } from '/work/main/src/cli/open-park';
import { loadParkBaseline } from '/work/main/src/data/park-baseline';
import { baselineTotals } from '/work/main/src/core/scenario/baseline';
import { compileScenario, simulateBlock } from '/work/main/src/core/scenario/kernel';
import { presetScenario } from '/work/main/src/core/scenario/presets';
import { summarize } from '/work/main/src/core/scenario/summary';
it('probe', async () => {
  const { db, manifest } = await openBundledPark('sample');
  const b = await loadParkBaseline(db, { datasetId: 'sample', greenSpaceHa: manifest.green_space_ha, wetlandHa: manifest.wetland_ha });
  console.log('base', baselineTotals(b).totalTco2);
  for (const id of ['bau', 'policy', 'ambitious'] as const) {
    const m = compileScenario(presetScenario(id), b, { breakdown: false });
    const t = performance.now();
    const blk = simulateBlock(m, 1, 0, 10000);
    const dt = performance.now() - t;
    const s = summarize(m, blk, 1);
    console.log(id, m.warnings, dt, 'g0', blk.gross[0], JSON.stringify({ p2030: s.peak_year.p_by_2030, n2060: s.neutrality.p_by_2060, g: s.total_tco2.p50.filter((_, i) => i % 6 === 0), n: s.net_tco2.p50.filter((_, i) => i % 6 === 0), cum: s.cumulative_tco2, ic: s.intensity_change, pv: s.peak_value_tco2, lev: s.lever_contribution.map((l) => [l.lever, l.y2030?.mean, l.y2060?.mean]), sens: s.sensitivity.slice(0, 5) }));
  }
  await db.close();
}, 120000);
