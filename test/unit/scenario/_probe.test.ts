import { it } from 'vitest';
import { handBaseline } from './fixtures';
import { compileScenario, simulateBlock } from '../../../src/core/scenario/kernel';
import { referenceSimulate } from '../../../src/core/scenario/reference';
import { presetScenario } from '../../../src/core/scenario/presets';
import { baselineTotals } from '../../../src/core/scenario/baseline';
import { summarize } from '../../../src/core/scenario/summary';

it('probe', () => {
  const b = handBaseline();
  console.log(baselineTotals(b), b.carriers);
  for (const id of ['bau', 'policy', 'ambitious'] as const) {
    const m = compileScenario(presetScenario(id), b);
    console.log(id, m.warnings, m.nInputs, m.leverNames);
    const k = simulateBlock(m, 42, 0, 50);
    const rf = referenceSimulate(m, 42, 0, 50);
    let worst = 0;
    for (const key of ['gross', 'net', 'energy', 'output', 'bySector', 'byCarrier', 'leverContribution', 'inputs'] as const) {
      let w = 0;
      for (let i = 0; i < k[key].length; i++) {
        const d = Math.abs(k[key][i] - rf[key][i]) / Math.max(1, Math.abs(rf[key][i]));
        if (d > w) w = d;
      }
      if (w > 1e-12) console.log(id, key, w);
      worst = Math.max(worst, w);
    }
    console.log(id, 'worst', worst, 'gross y0', k.gross[0], k.gross[6], k.gross[36], 'net', k.net[36]);
    const t = performance.now();
    const big = simulateBlock(m, 1, 0, 10000);
    const dt = performance.now() - t;
    const t2 = performance.now();
    const s = summarize(m, big, 1);
    console.log(id, 'runs/s', Math.round(10000 / (dt / 1000)), 'summary ms', performance.now() - t2);
    console.log(JSON.stringify({ p2030: s.peak_year.p_by_2030, n2060: s.neutrality.p_by_2060, net2060: s.net_tco2.p50.at(-1), gross2030: s.total_tco2.p50[6], lev: s.lever_contribution.map((l) => [l.lever, l.y2030?.mean, l.y2060?.mean]) }));
  }
});
