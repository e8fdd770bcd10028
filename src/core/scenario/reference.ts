/**
 * The same model as kernel.ts written the plain way: one object per run, every carrier of every sector
 * recomputed from scratch for each lever stage, readable loops. It exists to test the fast kernel
 * (agreement to 1e-9) and to measure what the kernel's layout buys. Equations: docs/model.md.
 */
import { Sfc32 } from '../random';
import { GJ_PER_TCE } from '../units';
import {
  GJ_PER_10K_KWH,
  ROLE_EXPORT,
  ROLE_GREEN,
  ROLE_GRID,
  ROLE_PROCESS,
  ROLE_PV,
  type CompiledModel,
  type RunBlock,
} from './model';
import { leverOfDoc, type LeverId } from './levers';
import { drawPermutation, sampleRun, sampleScratch } from './sampling';

interface RunDrivers {
  growth: number[][]; // [sector][phase]
  intensity: number[];
  drift: number;
  grid: [number, number, number, number];
  lever: Record<string, number>;
  pvYield: number;
  uptakeGreen: number;
  uptakeWetland: number;
  chpGain: number;
  chpMax: number;
  /** Base-year inventory multipliers: activity (emissions and energy) and factors (emissions). */
  inventoryActivity: number;
  inventoryFactors: number;
}

interface State {
  amount: number[][]; // [sector][carrier]
  output: number[]; // output index per sector (× base output value gives 10^4 CNY)
  /** Biomass burnt to replace retired CHP steam, tce (its CO2 is biogenic, outside the total). */
  biomassTce: number;
}

function driversOf(m: CompiledModel, params: Float64Array): RunDrivers {
  const at = (slot: number) => (slot >= 0 ? params[slot] : 0);
  return {
    growth: m.sectors.map((_, s) => [0, 1, 2].map((ph) => at(m.growthSlot[s * 3 + ph]))),
    intensity: m.sectors.map((_, s) => at(m.intensitySlot[s])),
    drift: at(m.driftSlot),
    grid: [m.gridBase, at(m.gridSlots[0]), at(m.gridSlots[1]), at(m.gridSlots[2])],
    lever: {
      shift: at(m.lever.shift.slot),
      efficiency: at(m.lever.efficiency.slot),
      coalToGas: at(m.lever.coalToGas.slot),
      electrify: at(m.lever.electrification.shareSlot),
      cop: at(m.lever.electrification.copSlot),
      delivery: at(m.lever.pv.deliverySlot),
      green: at(m.lever.greenPower.slot),
      capture: at(m.lever.ccus.slot),
      chpRetire: at(m.lever.chp.retireSlot),
      chpCop: at(m.lever.chp.copSlot),
      chpBiomass: at(m.lever.chp.biomassSlot),
    },
    pvYield: at(m.pvYieldSlot),
    uptakeGreen: at(m.sinkGreenSlot),
    uptakeWetland: at(m.sinkWetlandSlot),
    chpGain: at(m.chpGainSlot),
    chpMax: at(m.chpMaxSlot),
    inventoryActivity: at(m.inventorySlots[0]),
    inventoryFactors: at(m.inventorySlots[1]),
  };
}

function rampOf(m: CompiledModel, lever: LeverId, y: number): number {
  const pos = m.leverPos[lever];
  return pos > 0 ? m.ramp[(pos - 1) * m.nYears + y] : 0;
}

/** The park in year index y with the given levers on (outputIndex[y][s]: cumulative growth). */
function stateOf(
  m: CompiledModel,
  d: RunDrivers,
  outputIndex: number[][],
  y: number,
  on: Set<LeverId>,
): State {
  const nS = m.nSectors;
  const nC = m.nCarriers;
  const base = (s: number, c: number) => m.amountBase[s * nC + c];
  const chp = m.chpCoupled ? m.chpS : -1;
  const isElectricity = (c: number) => [ROLE_GRID, ROLE_GREEN, ROLE_PV].includes(m.role[c]);

  // Output by sector, with the structural shift moving output value from some sectors to others.
  const growth = m.sectors.map((_, s) => outputIndex[y][s]);
  const output = [...growth];
  if (on.has('shift')) {
    const k = d.lever.shift * rampOf(m, 'shift', y);
    let from = 0;
    let to = 0;
    for (let s = 0; s < nS; s++) {
      if (m.lever.shift.from[s]) from += m.outputBase[s] * growth[s];
      if (m.lever.shift.to[s]) to += m.outputBase[s] * growth[s];
    }
    if (to > 0) {
      for (let s = 0; s < nS; s++) {
        if (m.lever.shift.from[s]) output[s] = growth[s] * (1 - k);
        if (m.lever.shift.to[s]) output[s] = growth[s] * (1 + (k * from) / to);
      }
    }
  }
  // The CHP plant: fuel per unit of output η₀ / η(t), η(t) = min(ceiling, η₀ (1 + gain)^y); a share
  // of it retired by the CHP strategy lever.
  const eta0 = m.chpEta0;
  const ceiling = m.chpMaxSlot >= 0 ? Math.max(eta0, d.chpMax) : eta0;
  const chpFuel = eta0 > 0 ? eta0 / Math.min(ceiling, eta0 * Math.pow(1 + d.chpGain, y)) : 1;
  const retired = on.has('chp') ? d.lever.chpRetire * rampOf(m, 'chp', y) : 0;
  if (m.chpS >= 0 && !m.chpCoupled) output[m.chpS] = growth[m.chpS] * (1 - retired);
  const energyFactor = (s: number) => {
    if (s === m.chpS) return chpFuel;
    let f = Math.pow(1 - d.intensity[s], y);
    if (on.has('efficiency') && m.lever.efficiency.mask[s]) {
      f *= Math.pow(1 - d.lever.efficiency, m.lever.efficiency.years[y]);
    }
    return f;
  };
  const electricityFactor = Math.pow(1 + d.drift, y);

  const amount: number[][] = [];
  const demand: number[] = new Array(nS).fill(0);
  const fill = (s: number) => {
    const perEnergy = output[s] * energyFactor(s);
    amount[s] = [];
    for (let c = 0; c < nC; c++) {
      const role = m.role[c];
      amount[s][c] = isElectricity(c)
        ? 0
        : base(s, c) * (role === ROLE_PROCESS || role === ROLE_EXPORT ? output[s] : perEnergy);
      if (isElectricity(c)) demand[s] += base(s, c) * perEnergy * electricityFactor;
    }
    if (on.has('coalToGas') && m.coalC >= 0) {
      const moved = amount[s][m.coalC] * d.lever.coalToGas * rampOf(m, 'coalToGas', y);
      amount[s][m.coalC] -= moved;
      amount[s][m.gasC] += moved * m.lever.coalToGas.gasPerCoal;
    }
    if (on.has('electrification') && s !== m.chpS) {
      const share = d.lever.electrify * rampOf(m, 'electrification', y);
      let heat = 0;
      for (let c = 0; c < nC; c++) {
        if (!m.lever.electrification.carriers[c]) continue;
        heat += amount[s][c] * share * m.lever.electrification.usefulGj[c];
        amount[s][c] -= amount[s][c] * share;
      }
      if (heat > 0) demand[s] += heat / d.lever.cop / GJ_PER_10K_KWH;
    }
  };
  for (let s = 0; s < nS; s++) if (s !== chp) fill(s);
  let biomassTce = 0;
  if (chp >= 0) {
    // The CHP plant follows the steam the other sectors buy from it, less its retired share; the
    // retired share's steam comes from electric boilers / heat pumps and biomass boilers.
    let steam = 0;
    for (let s = 0; s < nS; s++) if (s !== chp) steam += amount[s][m.steamC];
    output[chp] = (steam / m.steamBase) * (1 - retired);
    fill(chp);
    const replaced = steam * retired;
    if (replaced > 0) {
      demand[chp] += (replaced * m.lever.chp.electricShare) / d.lever.chpCop / GJ_PER_10K_KWH;
      biomassTce += (replaced * (1 - m.lever.chp.electricShare)) / d.lever.chpBiomass / GJ_PER_TCE;
    }
  }

  // Electricity, pooled at park level: PV (existing + new) covers demand first, the rest is bought,
  // a park-wide green share of it as green power; both allocated to sectors pro rata of demand.
  const totalDemand = demand.reduce((a, b) => a + b, 0);
  let pvTotal = 0;
  let grid0 = 0;
  let green0 = 0;
  for (let s = 0; s < nS; s++) {
    if (m.pvC >= 0) pvTotal += base(s, m.pvC);
    if (m.gridC >= 0) grid0 += base(s, m.gridC);
    if (m.greenC >= 0) green0 += base(s, m.greenC);
  }
  if (on.has('pv')) pvTotal += m.lever.pv.capacityMw[y] * d.lever.delivery * (d.pvYield / 10);
  const pvUsed = Math.min(pvTotal, totalDemand);
  const share0 = grid0 + green0 > 0 ? green0 / (grid0 + green0) : 0;
  const share = Math.max(share0, on.has('greenPower') ? d.lever.green * rampOf(m, 'greenPower', y) : 0);
  for (let s = 0; s < nS; s++) {
    const part = totalDemand > 0 ? demand[s] / totalDemand : 0;
    const purchased = (totalDemand - pvUsed) * part;
    if (m.gridC >= 0) amount[s][m.gridC] = purchased * (1 - share);
    if (m.greenC >= 0) amount[s][m.greenC] = purchased * share;
    if (m.pvC >= 0) amount[s][m.pvC] = pvUsed * part;
  }
  return { amount, output, biomassTce };
}

interface Totals {
  gross: number;
  emitted: number;
  net: number;
  energy: number;
  renewable: number;
  output: number;
  bySector: number[];
  byCarrier: number[];
}

function totalsOf(m: CompiledModel, d: RunDrivers, st: State, y: number, on: Set<LeverId>): Totals {
  const w = m.gridWeights.subarray(y * 4, y * 4 + 4);
  const gridRatio =
    Math.max(0, w[0] * d.grid[0] + w[1] * d.grid[1] + w[2] * d.grid[2] + w[3] * d.grid[3]) / m.gridBase;
  const bySector = new Array(m.nSectors).fill(0);
  const byCarrier = new Array(m.nCarriers).fill(0);
  let energy = 0;
  let renewable = 0;
  let chpFossil = 0;
  let processCo2 = 0;
  const emissionsScale = d.inventoryActivity * d.inventoryFactors;
  st.amount.forEach((row, s) => {
    row.forEach((a, c) => {
      const t = a * m.coefTco2[c] * (m.gridScaled[c] ? gridRatio : 1) * emissionsScale;
      bySector[s] += t;
      byCarrier[c] += t;
      energy += a * m.coefTce[c];
      if (m.renewable[c] || c === m.greenC) renewable += a * m.coefTce[c];
      if (s === m.chpS && m.fossil[c]) chpFossil += t;
      if (m.role[c] === ROLE_PROCESS) processCo2 += t;
    });
  });
  const gross = bySector.reduce((a, b) => a + b, 0);
  let net = gross - (m.greenSpaceHa * d.uptakeGreen + m.wetlandHa * d.uptakeWetland);
  let emitted = gross;
  if (on.has('ccus')) {
    const captured = (m.lever.ccus.chp ? chpFossil : 0) + (m.lever.ccus.process ? processCo2 : 0);
    net -= d.lever.capture * rampOf(m, 'ccus', y) * captured;
    emitted -= d.lever.capture * rampOf(m, 'ccus', y) * captured;
  }
  if (on.has('sinks')) {
    net -=
      rampOf(m, 'sinks', y) *
      (m.lever.sinks.greenSpaceHa * d.uptakeGreen + m.lever.sinks.wetlandHa * d.uptakeWetland);
  }
  if (on.has('offsets')) {
    const allowance = Math.min(m.lever.offsets.capShare * Math.max(0, emitted), m.lever.offsets.maxTco2);
    net -= Math.min(rampOf(m, 'offsets', y) * allowance, Math.max(0, net));
  }
  energy = (energy + st.biomassTce) * d.inventoryActivity;
  renewable = (renewable + st.biomassTce) * d.inventoryActivity;
  const output = st.output.reduce((sum, o, s) => sum + o * m.outputBase[s], 0);
  return { gross, emitted, net, energy, renewable, output, bySector, byCarrier };
}

/** Plain per-run implementation of the model; returns the same RunBlock layout as simulateBlock. */
export function referenceSimulate(
  model: CompiledModel,
  seed: number,
  runStart: number,
  runCount: number,
): RunBlock {
  const m = model;
  const nY = m.nYears;
  const block: RunBlock = {
    runStart,
    runCount,
    nYears: nY,
    nSectors: m.nSectors,
    nCarriers: m.nCarriers,
    nInputs: m.nInputs,
    nLevers: m.nLevers,
    nPeriods: m.cost.periods.length,
    breakdownEvery: m.breakdown ? 1 : 0,
    leverEvery: 1,
    years: m.years.slice(),
    gross: new Float64Array(runCount * nY),
    emitted: new Float64Array(runCount * nY),
    net: new Float64Array(runCount * nY),
    energy: new Float64Array(runCount * nY),
    output: new Float64Array(runCount * nY),
    bySector: new Float64Array(m.breakdown ? runCount * nY * m.nSectors : 0),
    byCarrier: new Float64Array(m.breakdown ? runCount * nY * m.nCarriers : 0),
    inputs: new Float64Array(runCount * m.nInputs),
    leverContribution: new Float64Array(runCount * nY * m.nLevers),
    renewable: new Float64Array(runCount * nY),
    // Costs are not part of the reference: their arithmetic is checked by hand in costs.test.ts.
    npvCost: new Float64Array(0),
    investment: new Float64Array(0),
    leverCost: new Float64Array(0),
    leverAvoided: new Float64Array(0),
    leverAvoidedDisc: new Float64Array(0),
    leverCostYear: new Float64Array(0),
  };
  const rng = new Sfc32();
  const scratch = sampleScratch(m);
  for (let r = 0; r < runCount; r++) {
    const params = new Float64Array(m.nSlots);
    rng.seedRun(seed, runStart + r);
    sampleRun(m, rng, params, scratch);
    m.inputSlots.forEach((slot, i) => (block.inputs[r * m.nInputs + i] = params[slot]));
    const d = driversOf(m, params);
    const outputIndex: number[][] = [m.sectors.map(() => 1)];
    for (let y = 1; y < nY; y++) {
      const w = [0, 1, 2].map((k) => m.growthWeights[y * 3 + k]);
      outputIndex.push(
        m.sectors.map(
          (_, s) =>
            outputIndex[y - 1][s] *
            (1 + w[0] * d.growth[s][0] + w[1] * d.growth[s][1] + w[2] * d.growth[s][2]),
        ),
      );
    }
    const order = new Int32Array(m.nLevers);
    drawPermutation(rng, order);
    const ids = m.leverNames.map((doc) => leverOfDoc(doc)!.id);
    for (let y = 0; y < nY; y++) {
      const row = r * nY + y;
      let previousNet = 0;
      let last: Totals | null = null;
      // The levers added one at a time in the run's random order (docs/model.md §4).
      const on = new Set<LeverId>();
      for (let k = 0; k <= m.nLevers; k++) {
        if (k > 0) on.add(ids[order[k - 1]]);
        last = totalsOf(m, d, stateOf(m, d, outputIndex, y, on), y, on);
        if (k > 0) block.leverContribution[row * m.nLevers + order[k - 1]] = previousNet - last.net;
        previousNet = last.net;
      }
      const t = last as Totals;
      block.gross[row] = t.gross;
      block.emitted[row] = t.emitted;
      block.net[row] = t.net;
      block.energy[row] = t.energy;
      block.renewable[row] = t.renewable;
      block.output[row] = t.output;
      if (m.breakdown) {
        block.bySector.set(t.bySector, row * m.nSectors);
        block.byCarrier.set(t.byCarrier, row * m.nCarriers);
      }
    }
  }
  return block;
}

/**
 * Exact Shapley values of the levers for one run and year: for each lever, its marginal effect on net
 * emissions averaged over all 2^n subsets of the other levers with the Shapley weights |S|!(n−|S|−1)!/n!.
 * Slow (2^n model evaluations); the tests use it to check the kernel's sampled permutations. Returns
 * tCO2 avoided per lever, in pipeline order.
 */
export function exactShapley(model: CompiledModel, seed: number, run: number, y: number): number[] {
  const m = model;
  const d = runDrivers(m, seed, run);
  const outputIndex = outputIndexOf(m, d, y);
  const ids = m.leverNames.map((doc) => leverOfDoc(doc)!.id);
  const n = ids.length;
  const netOf = new Float64Array(1 << n);
  for (let mask = 0; mask < 1 << n; mask++) {
    const on = new Set(ids.filter((_, i) => mask & (1 << i)));
    netOf[mask] = totalsOf(m, d, stateOf(m, d, outputIndex, y, on), y, on).net;
  }
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const popcount = (x: number): number => (x === 0 ? 0 : (x & 1) + popcount(x >>> 1));
  return ids.map((_, i) => {
    let phi = 0;
    for (let mask = 0; mask < 1 << n; mask++) {
      if (mask & (1 << i)) continue;
      const size = popcount(mask);
      phi += ((fact(size) * fact(n - size - 1)) / fact(n)) * (netOf[mask] - netOf[mask | (1 << i)]);
    }
    return phi;
  });
}

/**
 * The park's activity in one run and year with the given levers on: amounts by [sector][carrier] in the
 * carriers' canonical units, and the biomass that replaces retired CHP steam (tce). For tests of
 * physical invariants (e.g. the CHP plant's efficiency).
 */
export function referenceActivity(
  model: CompiledModel,
  seed: number,
  run: number,
  y: number,
  levers: readonly LeverId[],
): { amount: number[][]; biomassTce: number } {
  const m = model;
  const d = runDrivers(m, seed, run);
  const st = stateOf(m, d, outputIndexOf(m, d, y), y, new Set(levers));
  return { amount: st.amount, biomassTce: st.biomassTce };
}

/** The drivers of one run, sampled from its own stream exactly as referenceSimulate samples them. */
function runDrivers(m: CompiledModel, seed: number, run: number): RunDrivers {
  const rng = new Sfc32();
  const params = new Float64Array(m.nSlots);
  rng.seedRun(seed, run);
  sampleRun(m, rng, params, sampleScratch(m));
  return driversOf(m, params);
}

/** Cumulative output index per year up to y: [t][sector]. */
function outputIndexOf(m: CompiledModel, d: RunDrivers, y: number): number[][] {
  const outputIndex: number[][] = [m.sectors.map(() => 1)];
  for (let t = 1; t <= y; t++) {
    const w = [0, 1, 2].map((k) => m.growthWeights[t * 3 + k]);
    outputIndex.push(
      m.sectors.map(
        (_, s) =>
          outputIndex[t - 1][s] * (1 + w[0] * d.growth[s][0] + w[1] * d.growth[s][1] + w[2] * d.growth[s][2]),
      ),
    );
  }
  return outputIndex;
}
