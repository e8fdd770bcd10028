const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
import { handBaseline } from './fixtures';
import { compileScenario, simulateBlock } from '../../../src/core/scenario/kernel';
import { presetScenario } from '../../../src/core/scenario/presets';
import { summarize } from '../../../src/core/scenario/summary';
import { Sfc32 } from '../../../src/core/random';
import { sampleRun, sampleScratch } from '../../../src/core/scenario/sampling';
import { quantiles } from '../../../src/core/stats';
const b = handBaseline();
for (const id of ['bau', 'policy', 'ambitious'] as const) {
  const m = compileScenario(presetScenario(id), b);
  simulateBlock(m, 1, 0, 2000);
  let t = cpu();
  const big = simulateBlock(m, 1, 0, 10000);
  const dt = cpu() - t;
  t = cpu();
  summarize(m, big, 1);
  console.log(id, 'runs/s', Math.round(10000 / (dt / 1000)), 'summary ms', (cpu() - t).toFixed(1));
  const rng = new Sfc32(); const p = new Float64Array(m.nSlots); const sc = sampleScratch(m);
  t = cpu();
  for (let r = 0; r < 10000; r++) { rng.seedRun(1, r); sampleRun(m, rng, p, sc); }
  console.log(' sampling ms/10k', (cpu() - t).toFixed(1));
}
const x = new Float64Array(10000).map(() => Math.random());
let t = cpu();
for (let i = 0; i < 100; i++) quantiles(x, [0.05, 0.25, 0.5, 0.75, 0.95]);
console.log('quantiles ms', (cpu() - t) / 100);
