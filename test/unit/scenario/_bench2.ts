import { compileScenario, simulateBlock } from '../../../src/core/scenario/kernel';
import { presetScenario } from '../../../src/core/scenario/presets';
import { baselineFromRows } from '../../../src/core/scenario/baseline';
import { handCoefficients, HAND_ROWS } from './fixtures';
import { Sfc32 } from '../../../src/core/random';
import { sampleRun, sampleScratch } from '../../../src/core/scenario/sampling';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const best = (f: () => void, k = 5) => { let b = Infinity; for (let i = 0; i < k; i++) { const t = cpu(); f(); b = Math.min(b, cpu() - t); } return b; };
const SECT = ['electronics','chemicals','pharma','machinery','auto_parts','metal_products','plastics','textiles','food','logistics','data_centre','commercial'];
const rows = [...HAND_ROWS.filter((r) => r.sector === 'chp')];
const out: Record<string, number> = { chp: 50000 };
SECT.forEach((s, i) => { for (const r of HAND_ROWS.filter((x) => x.sector !== 'chp')) rows.push({ sector: s, carrier: r.carrier, amount: r.amount * (0.2 + 0.1 * i) / 3 }); out[s] = 100000 * (1 + i); });
const big = baselineFromRows(rows, out, handCoefficients, { datasetId: 'big', year: 2024, greenSpaceHa: 120, wetlandHa: 30 });
for (const end of [2030, 2060]) {
  const sc = presetScenario('policy'); sc.horizon.end = end;
  const m = compileScenario(sc, big, { breakdown: false });
  simulateBlock(m, 1, 0, 2000);
  const t = best(() => simulateBlock(m, 1, 0, 10000));
  console.log(end, 'years', m.nYears, 'µs/run', (t * 1000 / 10000).toFixed(1));
  const rng = new Sfc32(); const p = new Float64Array(m.nSlots); const s = sampleScratch(m);
  const ts = best(() => { for (let r = 0; r < 10000; r++) { rng.seedRun(1, r); sampleRun(m, rng, p, s); } });
  console.log(' sampling µs/run', (ts * 1000 / 10000).toFixed(1), 'slots', m.nSlots, 'copula', m.copulaSlots.length);
}
