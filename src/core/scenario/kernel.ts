/**
 * The Monte Carlo kernel: structure of arrays, no per-run objects, no allocation inside the run loop.
 * Each run's numbers depend on (seed, run) alone, so any split of runs into blocks gives bit-identical
 * results. Equations: docs/model.md; the plain per-run version is reference.ts.
 *
 * Per year, the park state is evaluated once per "gross" lever stage (BAU, then adding structural
 * shift, efficiency, coal-to-gas, electrification, PV, green power in pipeline order) on per-sector
 * aggregates; CCUS, sinks and offsets then act on net emissions. A lever's contribution is the drop in
 * net emissions its stage causes, with the run's own driver draws (common random numbers).
 */
import { Sfc32 } from '../random';
import type { CompiledModel, RunBlock } from './model';
import {
  GJ_PER_10K_KWH,
  ROLE_COAL,
  ROLE_EXPORT,
  ROLE_GAS,
  ROLE_GREEN,
  ROLE_GRID,
  ROLE_OTHER,
  ROLE_PROCESS,
  ROLE_PV,
  ROLE_STEAM,
} from './model';
import { sampleRun, sampleScratch } from './sampling';

export type { CompiledModel, RunBlock } from './model';
export { compileScenario, type CompileOptions } from './compile';

/** Per-sector aggregates of the base year, per unit of the sector's activity multiplier. */
interface Aggregates {
  coal: Float64Array;
  gas: Float64Array;
  /** Electricity demand: grid + green + PV. */
  demand: Float64Array;
  pv: Float64Array;
  greenShare: Float64Array;
  steam: Float64Array;
  process: Float64Array;
  /** Electrifiable carriers other than coal and gas: tCO2, tce, useful GJ, fossil tCO2. */
  emE: Float64Array;
  tceE: Float64Array;
  useE: Float64Array;
  fosE: Float64Array;
  /** Other carriers (not electrifiable, not exports). */
  emN: Float64Array;
  tceN: Float64Array;
  fosN: Float64Array;
  /** Exports: tCO2 (grid-scaled part and fixed part) and tce. */
  expG: Float64Array;
  expH: Float64Array;
  expT: Float64Array;
  /** 1 where electrification applies (not the CHP plant). */
  electrify: Uint8Array;
}

function aggregate(m: CompiledModel): Aggregates {
  const nS = m.nSectors;
  const nC = m.nCarriers;
  const f = () => new Float64Array(nS);
  const a: Aggregates = {
    coal: f(),
    gas: f(),
    demand: f(),
    pv: f(),
    greenShare: f(),
    steam: f(),
    process: f(),
    emE: f(),
    tceE: f(),
    useE: f(),
    fosE: f(),
    emN: f(),
    tceN: f(),
    fosN: f(),
    expG: f(),
    expH: f(),
    expT: f(),
    electrify: Uint8Array.from(m.sectors, (s) => (s === 'chp' ? 0 : 1)),
  };
  for (let s = 0; s < nS; s++) {
    let grid = 0;
    let green = 0;
    for (let c = 0; c < nC; c++) {
      const v = m.amountBase[s * nC + c];
      if (v === 0) continue;
      const em = v * m.coefTco2[c];
      const tce = v * m.coefTce[c];
      switch (m.role[c]) {
        case ROLE_COAL:
          a.coal[s] += v;
          break;
        case ROLE_GAS:
          a.gas[s] += v;
          break;
        case ROLE_GRID:
          grid += v;
          break;
        case ROLE_GREEN:
          green += v;
          break;
        case ROLE_PV:
          a.pv[s] += v;
          break;
        case ROLE_STEAM:
          a.steam[s] += v;
          if (m.electrifiable[c]) a.useE[s] += v * m.usefulGj[c];
          break;
        case ROLE_PROCESS:
          a.process[s] += v;
          break;
        case ROLE_EXPORT:
          if (m.gridScaled[c]) a.expG[s] += em;
          else a.expH[s] += em;
          a.expT[s] += tce;
          break;
        case ROLE_OTHER:
          if (m.electrifiable[c]) {
            a.emE[s] += em;
            a.tceE[s] += tce;
            a.useE[s] += v * m.usefulGj[c];
            if (m.fossil[c]) a.fosE[s] += em;
          } else {
            a.emN[s] += em;
            a.tceN[s] += tce;
            if (m.fossil[c]) a.fosN[s] += em;
          }
          break;
      }
    }
    a.demand[s] = grid + green + a.pv[s];
    a.greenShare[s] = grid + green > 0 ? green / (grid + green) : 0;
  }
  return a;
}

function checkIndex(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be an integer ≥ 0, got ${v}`);
}

/** Simulates runs [runStart, runStart + runCount) of the model with the given seed. */
export function simulateBlock(model: CompiledModel, seed: number, runStart: number, runCount: number): RunBlock {
  checkIndex('seed', seed);
  checkIndex('runStart', runStart);
  checkIndex('runCount', runCount);
  const M = model;
  const nY = M.nYears;
  const nS = M.nSectors;
  const nC = M.nCarriers;
  const nI = M.nInputs;
  const nL = M.nLevers;
  const detail = M.breakdown;
  const gross = new Float64Array(runCount * nY);
  const net = new Float64Array(runCount * nY);
  const energy = new Float64Array(runCount * nY);
  const output = new Float64Array(runCount * nY);
  const bySector = new Float64Array(detail ? runCount * nY * nS : 0);
  const byCarrier = new Float64Array(detail ? runCount * nY * nC : 0);
  const inputs = new Float64Array(runCount * nI);
  const leverContribution = new Float64Array(runCount * nY * nL);

  const A = aggregate(M);
  const rng = new Sfc32();
  const params = new Float64Array(M.nSlots);
  const scratch = sampleScratch(M);
  const f = () => new Float64Array(nS);
  // Per-run and per-year state.
  const g = new Float64Array(nS * 3);
  const e = f();
  const O = f();
  const I = f();
  const X = f();
  const F2 = f();
  // Per-stage sector state (the last evaluated stage is kept for the breakdown).
  const mS = f();
  const pS = f();
  const coalS = f();
  const gasS = f();
  const fES = f();
  const steamS = f();
  const emS = f();
  const tceS = f();
  const pvOldS = f();
  const PS = f();

  const cCoal = M.coalC >= 0 ? M.coefTco2[M.coalC] : 0;
  const tCoal = M.coalC >= 0 ? M.coefTce[M.coalC] : 0;
  const uCoal = M.coalC >= 0 ? M.usefulGj[M.coalC] : 0;
  const coalInE = M.coalC >= 0 && M.electrifiable[M.coalC] === 1;
  const fosCoal = M.coalC >= 0 ? M.fossil[M.coalC] : 0;
  const cGas = M.gasC >= 0 ? M.coefTco2[M.gasC] : 0;
  const tGas = M.gasC >= 0 ? M.coefTce[M.gasC] : 0;
  const uGas = M.gasC >= 0 ? M.usefulGj[M.gasC] : 0;
  const gasInE = M.gasC >= 0 && M.electrifiable[M.gasC] === 1;
  const fosGas = M.gasC >= 0 ? M.fossil[M.gasC] : 0;
  const steamInE = M.steamC >= 0 && M.electrifiable[M.steamC] === 1;
  const cGrid = M.gridC >= 0 ? M.coefTco2[M.gridC] : 0;
  const tGrid = M.gridC >= 0 ? M.coefTce[M.gridC] : 0;
  const cGreen = M.greenC >= 0 ? M.coefTco2[M.greenC] : 0;
  const tGreen = M.greenC >= 0 ? M.coefTce[M.greenC] : 0;
  const cPv = M.pvC >= 0 ? M.coefTco2[M.pvC] : 0;
  const tPv = M.pvC >= 0 ? M.coefTce[M.pvC] : 0;
  const cProc = M.processC >= 0 ? M.coefTco2[M.processC] : 0;
  const chp = M.chpCoupled ? M.chpS : -1;
  const pos = M.leverPos;
  const [posSS, posEff, posC2G, posEl, posPV, posGreen, posCCUS, posSink, posOff] = pos;
  const nGross = [posSS, posEff, posC2G, posEl, posPV, posGreen].filter((p) => p > 0).length;

  // Year-level values read by evalStage.
  let Ed = 1;
  let R = 1;
  let k3 = 0;
  let k4 = 0;
  let invCop = 0;
  let pvGen = 0;
  let k6 = 0;
  let chpFossil = 0;
  let processEm = 0;

  /** Gross tCO2 with the levers at positions ≤ l; leaves the sector state of that stage in the scratch. */
  const evalStage = (l: number): number => {
    const ss = posSS > 0 && posSS <= l;
    const ef = posEff > 0 && posEff <= l;
    const c2 = posC2G > 0 && posC2G <= l ? k3 : 0;
    const el = posEl > 0 && posEl <= l ? k4 : 0;
    let steam = 0;
    let total = 0;
    let ptot = 0;
    processEm = 0;
    for (let s = 0; s < nS; s++) {
      if (s === chp) continue;
      const p = O[s] * (ss ? X[s] : 1);
      const m = p * I[s] * (ef ? F2[s] : 1);
      total += sectorState(s, m, p, c2, A.electrify[s] ? el : 0);
      steam += steamS[s];
      ptot += PS[s];
    }
    if (chp >= 0) {
      const p = steam / M.steamBase;
      const m = p * I[chp] * (ef ? F2[chp] : 1);
      total += sectorState(chp, m, p, c2, 0);
      ptot += PS[chp];
    }
    const sc = M.chpS;
    chpFossil =
      sc >= 0 ? coalS[sc] * cCoal * fosCoal + gasS[sc] * cGas * fosGas + mS[sc] * (A.fosE[sc] + A.fosN[sc]) : 0;
    // Rooftop PV displaces purchased electricity pro rata; then the green share of what is bought.
    const gen = posPV > 0 && posPV <= l ? pvGen : 0;
    const frac = ptot > 0 ? Math.min(gen, ptot) / ptot : 0;
    const gr = posGreen > 0 && posGreen <= l ? k6 : 0;
    for (let s = 0; s < nS; s++) {
      const P = PS[s];
      const bought = P - P * frac;
      const sh = A.greenShare[s] > gr ? A.greenShare[s] : gr;
      const pvAll = pvOldS[s] + P * frac;
      const elecEm = bought * ((1 - sh) * cGrid + sh * cGreen) * R + pvAll * cPv;
      emS[s] += elecEm;
      tceS[s] += bought * ((1 - sh) * tGrid + sh * tGreen) + pvAll * tPv;
      total += elecEm;
    }
    return total;
  };

  /** Non-electric tCO2 of sector s at multipliers m (energy) and p (output); fills the sector scratch. */
  const sectorState = (s: number, m: number, p: number, c2: number, el: number): number => {
    const coalB = m * A.coal[s];
    const switched = coalB * c2;
    const coal = coalB - switched;
    const gasT = m * A.gas[s] + switched * M.gasPerCoal;
    const fE = 1 - el;
    const coalF = coalInE ? coal * fE : coal;
    const gasF = gasInE ? gasT * fE : gasT;
    const heat = el * ((coalInE ? coal * uCoal : 0) + (gasInE ? gasT * uGas : 0) + m * A.useE[s]);
    const proc = p * A.process[s] * cProc;
    processEm += proc;
    const em =
      coalF * cCoal + gasF * cGas + m * (A.emE[s] * fE + A.emN[s]) + p * (A.expG[s] * R + A.expH[s]) + proc;
    mS[s] = m;
    pS[s] = p;
    coalS[s] = coalF;
    gasS[s] = gasF;
    fES[s] = fE;
    steamS[s] = m * A.steam[s] * (steamInE ? fE : 1);
    emS[s] = em;
    tceS[s] = coalF * tCoal + gasF * tGas + m * (A.tceE[s] * fE + A.tceN[s]) + p * A.expT[s];
    const demand = m * Ed * A.demand[s] + (heat > 0 ? (heat * invCop) / GJ_PER_10K_KWH : 0);
    const pvOld = A.pv[s] < demand ? A.pv[s] : demand;
    pvOldS[s] = pvOld;
    PS[s] = demand - pvOld;
    return em;
  };

  for (let r = 0; r < runCount; r++) {
    const run = runStart + r;
    rng.seedRun(seed, run);
    sampleRun(M, rng, params, scratch);
    for (let i = 0; i < nI; i++) inputs[r * nI + i] = params[M.inputSlots[i]];
    for (let s = 0; s < nS; s++) {
      for (let ph = 0; ph < 3; ph++) {
        const k = M.growthSlot[s * 3 + ph];
        g[s * 3 + ph] = k >= 0 ? params[k] : 0;
      }
      e[s] = params[M.intensitySlot[s]];
      O[s] = 1;
      I[s] = 1;
    }
    const drift = params[M.driftSlot];
    const g30 = params[M.gridSlots[0]];
    const g45 = params[M.gridSlots[1]];
    const g60 = params[M.gridSlots[2]];
    const shiftShare = M.shiftSlot >= 0 ? params[M.shiftSlot] : 0;
    const effRate = M.efficiencySlot >= 0 ? params[M.efficiencySlot] : 0;
    const c2gShare = M.coalToGasSlot >= 0 ? params[M.coalToGasSlot] : 0;
    const elShare = M.electrifyShareSlot >= 0 ? params[M.electrifyShareSlot] : 0;
    invCop = M.copSlot >= 0 ? 1 / params[M.copSlot] : 0;
    const pvPerMw = M.pvDeliverySlot >= 0 ? (params[M.pvDeliverySlot] * params[M.pvYieldSlot]) / 10 : 0;
    const greenShare = M.greenShareSlot >= 0 ? params[M.greenShareSlot] : 0;
    const capture = M.captureSlot >= 0 ? params[M.captureSlot] : 0;
    const uGreen = params[M.sinkGreenSlot];
    const uWet = params[M.sinkWetlandSlot];
    const sinkBase = M.greenSpaceHa * uGreen + M.wetlandHa * uWet;
    Ed = 1;

    for (let y = 0; y < nY; y++) {
      const row = r * nY + y;
      if (y > 0) {
        const ph = M.phase[y];
        for (let s = 0; s < nS; s++) {
          O[s] *= 1 + g[s * 3 + ph];
          I[s] *= 1 - e[s];
        }
        Ed *= 1 + drift;
      }
      const w = y * 4;
      R =
        (M.gridWeights[w] * M.gridBase +
          M.gridWeights[w + 1] * g30 +
          M.gridWeights[w + 2] * g45 +
          M.gridWeights[w + 3] * g60) /
        M.gridBase;
      if (posSS > 0) {
        const k1 = shiftShare * M.ramp[(posSS - 1) * nY + y];
        let vf = 0;
        let vt = 0;
        for (let s = 0; s < nS; s++) {
          const v = M.outputBase[s] * O[s];
          if (M.shiftFrom[s]) vf += v;
          else if (M.shiftTo[s]) vt += v;
        }
        const up = vt > 0 ? 1 + (k1 * vf) / vt : 1;
        for (let s = 0; s < nS; s++) X[s] = vt > 0 && M.shiftFrom[s] ? 1 - k1 : M.shiftTo[s] ? up : 1;
      }
      if (posEff > 0) {
        const f2 = Math.pow(1 - effRate, M.efficiencyYears[y]);
        for (let s = 0; s < nS; s++) F2[s] = M.efficiencyMask[s] ? f2 : 1;
      }
      k3 = posC2G > 0 ? c2gShare * M.ramp[(posC2G - 1) * nY + y] : 0;
      k4 = posEl > 0 ? elShare * M.ramp[(posEl - 1) * nY + y] : 0;
      pvGen = posPV > 0 ? M.pvCapacityMw[y] * pvPerMw : 0;
      k6 = posGreen > 0 ? greenShare * M.ramp[(posGreen - 1) * nY + y] : 0;

      const lc = row * nL;
      let grossY = evalStage(0);
      let netPrev = grossY - sinkBase;
      for (let l = 1; l <= nGross; l++) {
        grossY = evalStage(l);
        const n = grossY - sinkBase;
        leverContribution[lc + l - 1] = netPrev - n;
        netPrev = n;
      }
      if (posCCUS > 0) {
        const k = capture * M.ramp[(posCCUS - 1) * nY + y];
        const n = netPrev - k * ((M.captureChp ? chpFossil : 0) + (M.captureProcess ? processEm : 0));
        leverContribution[lc + posCCUS - 1] = netPrev - n;
        netPrev = n;
      }
      if (posSink > 0) {
        const k = M.ramp[(posSink - 1) * nY + y];
        const n = netPrev - k * (M.extraGreenSpaceHa * uGreen + M.extraWetlandHa * uWet);
        leverContribution[lc + posSink - 1] = netPrev - n;
        netPrev = n;
      }
      if (posOff > 0) {
        const k = M.ramp[(posOff - 1) * nY + y];
        const cap = k * Math.min(M.offsetCapShare * grossY, M.offsetMaxTco2);
        const used = Math.min(cap, Math.max(0, netPrev));
        leverContribution[lc + posOff - 1] = used;
        netPrev -= used;
      }
      gross[row] = grossY;
      net[row] = netPrev;

      let tce = 0;
      let out = 0;
      for (let s = 0; s < nS; s++) {
        tce += tceS[s];
        out += M.outputBase[s] * pS[s];
      }
      energy[row] = tce;
      output[row] = out;
      if (detail) breakdown(row);
    }
  }

  /** Gross tCO2 by sector and by carrier for the final stage of one run-year. */
  function breakdown(row: number): void {
    const sb = row * nS;
    const cb = row * nC;
    for (let s = 0; s < nS; s++) {
      bySector[sb + s] = emS[s];
      const m = mS[s];
      const p = pS[s];
      const fE = fES[s];
      for (let c = 0; c < nC; c++) {
        const a0 = M.amountBase[s * nC + c];
        let amount: number;
        switch (M.role[c]) {
          case ROLE_COAL:
            amount = coalS[s];
            break;
          case ROLE_GAS:
            amount = gasS[s];
            break;
          case ROLE_GRID:
          case ROLE_GREEN:
          case ROLE_PV:
            continue; // added below from the electricity split
          case ROLE_STEAM:
            amount = steamS[s];
            break;
          case ROLE_PROCESS:
          case ROLE_EXPORT:
            amount = p * a0;
            break;
          default:
            amount = m * a0 * (M.electrifiable[c] ? fE : 1);
        }
        if (amount !== 0) byCarrier[cb + c] += amount * M.coefTco2[c] * (M.gridScaled[c] ? R : 1);
      }
    }
    electricityByCarrier(cb);
  }

  /** Splits the final stage's electricity into grid, green and PV for the carrier breakdown. */
  function electricityByCarrier(cb: number): void {
    let ptot = 0;
    for (let s = 0; s < nS; s++) ptot += PS[s];
    const gen = posPV > 0 ? pvGen : 0;
    const frac = ptot > 0 ? Math.min(gen, ptot) / ptot : 0;
    const gr = posGreen > 0 ? k6 : 0;
    for (let s = 0; s < nS; s++) {
      const P = PS[s];
      const bought = P - P * frac;
      const sh = A.greenShare[s] > gr ? A.greenShare[s] : gr;
      if (M.gridC >= 0) byCarrier[cb + M.gridC] += bought * (1 - sh) * cGrid * R;
      if (M.greenC >= 0) byCarrier[cb + M.greenC] += bought * sh * cGreen * R;
      if (M.pvC >= 0) byCarrier[cb + M.pvC] += (pvOldS[s] + P * frac) * cPv;
    }
  }

  return {
    runStart,
    runCount,
    nYears: nY,
    nSectors: nS,
    nCarriers: nC,
    nInputs: nI,
    nLevers: nL,
    years: M.years.slice(),
    gross,
    net,
    energy,
    output,
    bySector,
    byCarrier,
    inputs,
    leverContribution,
  };
}
