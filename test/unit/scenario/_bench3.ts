import { compileScenario } from '../../../src/core/scenario/compile';
import { simulateBlock as A } from '../../../src/core/scenario/_kernelA';
import { simulateBlock as B } from '../../../src/core/scenario/_kernelB';
import { presetScenario } from '../../../src/core/scenario/presets';
import { baselineFromRows } from '../../../src/core/scenario/baseline';
import { handCoefficients, HAND_ROWS } from './fixtures';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const SECT = ['electronics','chemicals','pharma','machinery','auto_parts','metal_products','plastics','textiles','food','logistics','data_centre','commercial'];
const rows = [...HAND_ROWS.filter((r) => r.sector === 'chp')];
const out: Record<string, number> = { chp: 50000 };
SECT.forEach((s, i) => { for (const r of HAND_ROWS.filter((x) => x.sector !== 'chp')) rows.push({ sector: s, carrier: r.carrier, amount: r.amount * (0.2 + 0.1 * i) / 3 }); out[s] = 100000 * (1 + i); });
const big = baselineFromRows(rows, out, handCoefficients, { datasetId: 'big', year: 2024, greenSpaceHa: 120, wetlandHa: 30 });
const m = compileScenario(presetScenario('policy'), big, { breakdown: false });
A(m, 1, 0, 3000); B(m, 1, 0, 3000);
const ta: number[] = [], tb: number[] = [];
for (let i = 0; i < 8; i++) { let t = cpu(); A(m, 1, 0, 5000); ta.push(cpu() - t); t = cpu(); B(m, 1, 0, 5000); tb.push(cpu() - t); }
console.log('A literals µs/run', (Math.min(...ta) / 5).toFixed(1), 'B locals', (Math.min(...tb) / 5).toFixed(1));
