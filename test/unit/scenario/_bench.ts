import { handBaseline } from './fixtures';
import { compileScenario, simulateBlock } from '../../../src/core/scenario/kernel';
import { referenceSimulate } from '../../../src/core/scenario/reference';
import { presetScenario } from '../../../src/core/scenario/presets';
import { summarize } from '../../../src/core/scenario/summary';
import { baselineFromRows } from '../../../src/core/scenario/baseline';
import { handCoefficients, HAND_ROWS, HAND_OUTPUT } from './fixtures';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const best = (f: () => void, k = 5) => { let b = Infinity; for (let i = 0; i < k; i++) { const t = cpu(); f(); b = Math.min(b, cpu() - t); } return b; };
const a = new Float64Array(1000).map(Math.random);
console.log('calibration: 100M dependent FMAs ms', best(() => { let s = 0; for (let k = 0; k < 100000; k++) for (let i = 0; i < 1000; i++) s += a[i] * 1.0001; if (s < 0) console.log(s); }, 3).toFixed(0));
// A 13-sector park: replicate the hand rows over all sector codes.
const SECT = ['electronics','chemicals','pharma','machinery','auto_parts','metal_products','plastics','textiles','food','logistics','data_centre','commercial'];
const rows = [...HAND_ROWS.filter((r) => r.sector === 'chp')];
const out: Record<string, number> = { chp: 50000 };
SECT.forEach((s, i) => { for (const r of HAND_ROWS.filter((x) => x.sector !== 'chp')) rows.push({ sector: s, carrier: r.carrier, amount: r.amount * (0.2 + 0.1 * i) / 3 }); out[s] = 100000 * (1 + i); });
const big = baselineFromRows(rows, out, handCoefficients, { datasetId: 'big', year: 2024, greenSpaceHa: 120, wetlandHa: 30 });
for (const [name, b] of [['hand (4 sectors)', handBaseline()], ['13 sectors', big]] as const) {
  for (const id of ['bau', 'policy', 'ambitious'] as const) {
    const m = compileScenario(presetScenario(id), b);
    simulateBlock(m, 1, 0, 3000);
    const n = 10000;
    const tk = best(() => simulateBlock(m, 1, 0, n));
    const mNo = compileScenario(presetScenario(id), b, { breakdown: false });
    const tk2 = best(() => simulateBlock(mNo, 1, 0, n));
    const blk = simulateBlock(m, 1, 0, n);
    const ts = best(() => summarize(m, blk, 1), 3);
    const tr = best(() => referenceSimulate(m, 1, 0, 500), 2) * (n / 500);
    console.log(`${name} ${id}: kernel ${Math.round(n / tk * 1000)} runs/s (no breakdown ${Math.round(n / tk2 * 1000)}), reference ${Math.round(n / tr * 1000)} runs/s, summary(10k) ${ts.toFixed(0)} ms`);
  }
}
