import { handBaseline } from './fixtures';
import { compileScenario, simulateBlock } from '../../../src/core/scenario/kernel';
import { presetScenario } from '../../../src/core/scenario/presets';
import { summarize } from '../../../src/core/scenario/summary';
const b = handBaseline();
for (const id of ['bau', 'policy', 'ambitious'] as const) {
  const m = compileScenario(presetScenario(id), b);
  const s = summarize(m, simulateBlock(m, 2024, 0, 10000), 2024);
  const y30 = s.years.indexOf(2030);
  const top = s.sensitivity.filter((r) => r.output === 'cumulative_tco2').slice(0, 3).map((r) => `${r.input} ${r.spearman}`);
  console.log(id, JSON.stringify({ inputs: m.nInputs, p_peak_by_2030: s.peak_year.p_by_2030, p_neutral_by_2060: s.neutrality.p_by_2060, gross2030_p50: s.total_tco2.p50[y30], net2060_p5_p50_p95: [s.net_tco2.p5.at(-1), s.net_tco2.p50.at(-1), s.net_tco2.p95.at(-1)], cum_p50: s.cumulative_tco2.p50, levers2060: s.lever_contribution.map((l) => [l.lever, l.y2060?.mean]), topCum: top }));
}
