/**
 * The Monte Carlo kernel: structure of arrays, no per-run objects, no allocation inside the run loop.
 * Run r depends on (seed, r) alone, so any split of runs into blocks gives bit-identical results.
 * Equations: docs/model.md; the plain per-run version of the same model is reference.ts.
 *
 * Each year the sectors are summed once into groups (kernel-prep.ts); the park is then evaluated with
 * scalar operations for each set of levers the attribution needs: the levers are added one at a time in
 * the run's random order (sampled Shapley values, docs/model.md §4), and adding a lever that acts on net
 * emissions (CCUS, sinks, offsets) reuses the gross evaluation. A lever's contribution is the drop in net
 * emissions when it is added, with the run's own draws (common random numbers).
 */
import { sharedGenerator, type Sfc32 } from '../random';
import type { CompiledModel, RunArray, RunBlock } from './model';
import { GJ_PER_10K_KWH, sampledRowsIn } from './model';
import { GJ_PER_TCE } from '../units';
import { prepareKernel, type KernelPrep } from './kernel-prep';
import { sectorSums } from '../wasm/sector-sums';
import { leverOfDoc } from './levers';
import {
  drawPermutation,
  sampleRun,
  sampleScratch,
  samplingOf,
  type SampleScratch,
  type SamplingModel,
} from './sampling';
import { COST_PARAMS, type CostKey } from './costs';

export type { CompiledModel, RunArray, RunBlock } from './model';
export { compileScenario, type CompileOptions } from './compile';

function checkIndex(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be an integer ≥ 0, got ${v}`);
}

export interface SimulateOptions {
  /**
   * Compute each lever's contribution and the costs (default true). Without them only the final lever
   * stage is evaluated (less kernel time) and `leverContribution` and the costs are empty: what a
   * preview needs. Every other output is bit-identical either way.
   */
  levers?: boolean;
  /**
   * With `levers`, attribute and cost runs r (global index) with r % leverEvery = 0 only (default 1:
   * every run); the others evaluate the final stage only, as a preview does. model.ts
   * leverEvery(runs) keeps at most LEVER_ROWS rows whatever the sample. breakdownEvery must be a multiple.
   */
  leverEvery?: number;
  /**
   * Storage of the per-run results (default 'single'): computed in double, then stored as float32
   * (relative rounding ≤ 2⁻²⁴ ≈ 6e-8, far below any input's uncertainty) to halve the memory of large
   * runs; 'double' stores them unrounded (the kernel-vs-reference test uses it). docs/model.md §7.
   */
  precision?: 'single' | 'double';
  /** Per-sector and per-carrier breakdown (default: the model's `breakdown`); a preview leaves it out. */
  breakdown?: boolean;
  /**
   * Keep the breakdown for runs r (global index) with r % breakdownEvery = 0 only (default 1: every
   * run): model.ts breakdownEvery(runs) keeps about BREAKDOWN_ROWS rows whatever the sample.
   */
  breakdownEvery?: number;
  /**
   * Memory to lay the results out in, e.g. a finished chunk's buffer handed back for reuse (a pool
   * that recycles them leaves no garbage the size of the whole result behind). Used when large
   * enough, else a new buffer is allocated. Either way every array of the block is a view of one buffer.
   */
  slab?: ArrayBuffer;
  /**
   * Sum the sectors in WebAssembly where this thread can (default true; src/core/wasm/sector-sums.ts),
   * else in JS. Both give the same bits; false forces the JS sums (tests compare the two).
   */
  wasm?: boolean;
}

/** Simulates runs [runStart, runStart + runCount) of the model with the given seed. */
export function simulateBlock(
  model: CompiledModel,
  seed: number,
  runStart: number,
  runCount: number,
  options: SimulateOptions = {},
): RunBlock {
  checkIndex('seed', seed);
  checkIndex('runStart', runStart);
  checkIndex('runCount', runCount);
  const withLevers = options.levers ?? true;
  const lEvery = withLevers ? (options.leverEvery ?? 1) : 0;
  if (withLevers && (!Number.isSafeInteger(lEvery) || lEvery < 1))
    throw new RangeError(`leverEvery must be an integer ≥ 1, got ${lEvery}`);
  const Store = (options.precision ?? 'single') === 'double' ? Float64Array : Float32Array;
  const M = model;
  // The layout of kernel-prep.ts (the scratch sums' sizes; runBlock repeats them as literal constants).
  const NQM = 12;
  const NQP = 5;
  const nY = M.nYears;
  const nS = M.nSectors;
  const nC = M.nCarriers;
  const nI = M.nInputs;
  const nL = M.nLevers;
  const detail = options.breakdown ?? M.breakdown;
  const every = detail ? (options.breakdownEvery ?? 1) : 0;
  if (detail && (!Number.isSafeInteger(every) || every < 1))
    throw new RangeError(`breakdownEvery must be an integer ≥ 1, got ${every}`);
  if (detail && withLevers && every % lEvery !== 0)
    throw new RangeError(`breakdownEvery (${every}) must be a multiple of leverEvery (${lEvery})`);
  const nRows = sampledRowsIn(runStart, runCount, every);
  // Costs need the lever attribution (docs/model.md §10): both are computed for the lever rows.
  const nLRows = sampledRowsIn(runStart, runCount, lEvery);
  const CM = M.cost;
  const nP = CM.periods.length;
  // One buffer for every array: one allocation per block, one buffer to transfer and to recycle.
  const sizes = [
    runCount * nY,
    runCount * nY,
    runCount * nY,
    runCount * nY,
    runCount * nY,
    nRows * nY * nS,
    nRows * nY * nC,
    runCount * nI,
    nLRows * nY * nL,
    runCount * nY,
    nLRows,
    nLRows * nP,
    nLRows * nL,
    nLRows * nL,
    nLRows * nL,
    withLevers ? nRows * nY * nL * 2 : 0,
  ];
  const total = sizes.reduce((a, b) => a + b, 0);
  const slab = options.slab;
  const all =
    slab && slab.byteLength >= total * Store.BYTES_PER_ELEMENT
      ? new Store(slab, 0, total).fill(0)
      : new Store(total);
  let at = 0;
  const [
    gross,
    emitted,
    net,
    energy,
    output,
    bySector,
    byCarrier,
    inputs,
    leverContribution,
    renewable,
    npvCost,
    investment,
    leverCost,
    leverAvoided,
    leverAvoidedDisc,
    leverCostYear,
  ] = sizes.map((n) => all.subarray(at, (at += n)));

  const P = prepareKernel(M);
  const { mq, pq, eSectors, group, groupedSectors, groupStart } = P;
  // Reseeded for every run; one for all blocks (random/sfc32.ts says why).
  const rng = sharedGenerator;
  const params = new Float64Array(M.nSlots);
  const scratch = sampleScratch(M);
  const g = new Float64Array(nS * 3);
  const e = new Float64Array(nS);
  // The sector sums' inputs and outputs live in the WebAssembly module's memory when it sums them.
  const wasm = options.wasm === false ? null : sectorSums(mq, pq, groupStart, groupedSectors);
  const O = wasm ? wasm.O : new Float64Array(nS);
  const I = wasm ? wasm.I : new Float64Array(nS);
  const sumM = wasm ? wasm.sumM : new Float64Array(6 * NQM);
  const sumP = wasm ? wasm.sumP : new Float64Array(3 * NQP);
  const Mq = new Float64Array(NQM);
  const Pq = new Float64Array(NQP);
  const mSec = new Float64Array(nS);
  const pSec = new Float64Array(nS);
  const fx = new Float64Array(3);
  const ff = new Float64Array(2);

  const pick = (arr: Float64Array | Uint8Array, c: number) => (c >= 0 ? arr[c] : 0);
  const cCoal = pick(M.coefTco2, M.coalC);
  const tCoal = pick(M.coefTce, M.coalC);
  const { electrification: LE, shift: LS, efficiency: LF, coalToGas: LC, pv: LP } = M.lever;
  const { greenPower: LG, ccus: LX, sinks: LK, offsets: LO, chp: LH } = M.lever;
  const uCoal = pick(LE.usefulGj, M.coalC);
  const coalInE = pick(LE.carriers, M.coalC) === 1;
  const fosCoal = pick(M.fossil, M.coalC);
  const cGas = pick(M.coefTco2, M.gasC);
  const tGas = pick(M.coefTce, M.gasC);
  const uGas = pick(LE.usefulGj, M.gasC);
  const gasInE = pick(LE.carriers, M.gasC) === 1;
  const fosGas = pick(M.fossil, M.gasC);
  const steamInE = pick(LE.carriers, M.steamC) === 1;
  const cGrid = pick(M.coefTco2, M.gridC);
  const tGrid = pick(M.coefTce, M.gridC);
  const cGreen = pick(M.coefTco2, M.greenC);
  const tGreen = pick(M.coefTce, M.greenC);
  const cPv = pick(M.coefTco2, M.pvC);
  const tPv = pick(M.coefTce, M.pvC);
  const r = LC.gasPerCoal;
  const sp = M.chpS;
  const spM = sp * NQM;
  const spP = sp * NQP;
  const {
    shift: posSS,
    efficiency: posEff,
    coalToGas: posC2G,
    electrification: posEl,
    pv: posPV,
    greenPower: posGreen,
    ccus: posCCUS,
    sinks: posSink,
    offsets: posOff,
    chp: posChp,
  } = M.leverPos;
  const { ramp, gridWeights, growthWeights, gridBase } = M;
  const pvCapacityMw = LP.capacityMw;
  const efficiencyYears = LF.years;
  const usedGroups = P.usedGroups;
  const { cellSector, cellCarrier, cellTco2, cellStart } = P;
  const cSum = new Float64Array(nC);
  const nG = usedGroups.length;
  // Lever flags by pipeline position (1 = on in the evaluation at hand), the run's attribution order,
  // and which levers act on the gross park (adding a net lever reuses the gross evaluation).
  const on = new Uint8Array(nL).fill(1);
  const order = new Int32Array(nL);
  const grossLever = Uint8Array.from(M.leverNames, (doc) => (leverOfDoc(doc)?.stage === 'gross' ? 1 : 0));
  // What the evaluation redoes when a lever is added (see `redo` in the run loop): the part of the gross
  // park its equations enter (docs/model.md §3–4); a lever on net emissions redoes none of it.
  const leverRedo = new Uint8Array(nL);
  for (const [pos, level] of [
    [posSS, 3],
    [posEff, 3],
    [posC2G, 2],
    [posEl, 2],
    [posChp, 2],
    [posPV, 1],
    [posGreen, 1],
  ]) {
    if (pos > 0) leverRedo[pos - 1] = level;
  }
  for (let l = 0; l < nL; l++) {
    if (grossLever[l] === 1 && leverRedo[l] === 0)
      throw new Error(`lever ${M.leverNames[l]} acts on the gross park but the kernel does not know where`);
  }
  const { chpCoupled, steamBase, inputSlots } = M;
  const chpElectricShare = LH.electricShare;
  const { pvOld, greenShare0 } = P;

  // Costs (docs/model.md §10). Capacity kinds, each owned by one lever: what it installs, its unit
  // cost input and lifetime. Each kind's installed capacity only grows; an increase is an investment,
  // paid back as an annuity, and replaced at the end of its life.
  const costSlot = (k: CostKey) => CM.slots[COST_PARAMS.findIndex((p) => p.key === k)];
  const NK = 9;
  const kindPos = Int32Array.of(posEff, posC2G, posEl, posChp, posChp, posPV, posCCUS, posSink, posSink);
  const kindCapexSlot = Int32Array.from(
    [
      'efficiency_capex',
      'coal_to_gas_capex',
      'heat_electric_capex',
      'heat_electric_capex',
      'biomass_boiler_capex',
      'pv_capex',
      'ccus_capex',
      'green_space_capex',
      'wetland_capex',
    ] as const,
    costSlot,
  );
  // PV capex is per W, its capacity in MW.
  const kindUnit = Float64Array.of(1, 1, 1, 1, 1, 1e6, 1, 1, 1);
  const L = CM.life;
  const kindLife = Int32Array.of(
    L.efficiency,
    L.coal_to_gas,
    L.heat,
    L.heat,
    L.heat,
    L.pv,
    L.ccus,
    L.sinks,
    L.sinks,
  );
  const C = CM.crf;
  const kindCrf = Float64Array.of(
    C.efficiency,
    C.coal_to_gas,
    C.heat,
    C.heat,
    C.heat,
    C.pv,
    C.ccus,
    C.sinks,
    C.sinks,
  );
  const capMax = new Float64Array(NK);
  const capQ = new Float64Array(NK);
  const capex = new Float64Array(NK);
  const annuity = new Float64Array(nL);
  const replace = new Float64Array(nY);
  const billSave = new Float64Array(nL);
  const tceSave = new Float64Array(nL);
  const contrib = new Float64Array(nL);
  const costY = new Float64Array(nL);
  const { discount, periodOf } = CM;
  const kwPerGj = 1 / (CM.fullLoadHours * 0.0036); // GJ/yr of heat → kW thermal at full-load hours
  const sPriceCoal = costSlot('coal_price');
  const sPriceGas = costSlot('gas_price');
  const sPriceElec = costSlot('electricity_price');
  const sPremium = costSlot('green_premium');
  const sPriceBio = costSlot('biomass_price');
  const sPriceOther = costSlot('other_energy_price');
  const sPvOm = costSlot('pv_om');
  const sCcusOpex = costSlot('ccus_opex');
  const sUpkeep = costSlot('sink_upkeep');
  const sOffset = costSlot('offset_price');

  // What the breakdown of a run-year reads besides that year's values (breakdownYear).
  const BK: BreakdownConstants = {
    io: new Float64Array(17),
    bySector,
    byCarrier,
    mq,
    pq,
    eSectors,
    group,
    mSec,
    pSec,
    cSum,
    coalInE,
    gasInE,
    uCoal,
    uGas,
    cCoal,
    cGas,
    gasPerCoal: r,
    chpS: sp,
    coalC: M.coalC,
    gasC: M.gasC,
    gridC: M.gridC,
    greenC: M.greenC,
    pvC: M.pvC,
    cGrid,
    cGreen,
    cPv,
    cellStart,
    cellCarrier,
    cellSector,
    cellTco2,
  };

  // What the cost accounting of a run-year reads and accumulates (costYear).
  const CK: CostConstants = {
    io: new Float64Array(8),
    nY,
    nL,
    nP,
    posSS,
    posEff,
    posPV,
    posCCUS,
    posSink,
    posOff,
    grossLever,
    kindPos,
    kindCrf,
    kindLife,
    capex,
    capQ,
    capMax,
    annuity,
    replace,
    tceSave,
    billSave,
    contrib,
    costY,
    discount,
    periodOf,
    pvCapacityMw,
    pvDeliverySlot: LP.deliverySlot,
    ramp,
    chpElectricShare: LH.electricShare,
    greenSpaceHa: LK.greenSpaceHa,
    wetlandHa: LK.wetlandHa,
    kwPerGj,
    tCoal,
    sPvOm,
    sCcusOpex,
    sUpkeep,
    sOffset,
    investment,
    leverCost,
    leverAvoided,
    leverAvoidedDisc,
    leverCostYear,
  };

  // The result, made before the run loop: code after a hot loop that has never run when the loop is
  // compiled on the fly (on-stack replacement) has no type feedback, and a property store there sends
  // every later call of the compiled loop back to the interpreter.
  const block: RunBlock = {
    runStart,
    runCount,
    nYears: nY,
    nSectors: nS,
    nCarriers: nC,
    nInputs: nI,
    nLevers: nL,
    nPeriods: nP,
    breakdownEvery: every,
    leverEvery: lEvery,
    years: M.years.slice(),
    gross,
    emitted,
    net,
    energy,
    output,
    bySector,
    byCarrier,
    inputs,
    leverContribution,
    renewable,
    npvCost,
    investment,
    leverCost,
    leverAvoided,
    leverAvoidedDisc,
    leverCostYear,
  };

  // What the run loop reads of the model, in locals of its own: the loop is compiled once for the
  // shapes of objects made here, never for those of a model (see runBlock).
  const { greenSpaceHa, wetlandHa, chpEta0 } = M;
  const { driftSlot, pvYieldSlot, sinkGreenSlot, sinkWetlandSlot, chpGainSlot, chpMaxSlot } = M;
  const gridSlot0 = M.gridSlots[0];
  const gridSlot1 = M.gridSlots[1];
  const gridSlot2 = M.gridSlots[2];
  const invSlot0 = M.inventorySlots[0];
  const invSlot1 = M.inventorySlots[1];
  const { growthSlot, intensitySlot } = M;
  const shiftSlot = LS.slot;
  const effSlot = LF.slot;
  const c2gSlot = LC.slot;
  const elShareSlot = LE.shareSlot;
  const elCopSlot = LE.copSlot;
  const pvDeliverySlot = LP.deliverySlot;
  const greenSlot = LG.slot;
  const captureSlot = LX.slot;
  const captureChp = LX.chp;
  const captureProcess = LX.process;
  const chpRetireSlot = LH.retireSlot;
  const chpCopSlot = LH.copSlot;
  const chpBiomassSlot = LH.biomassSlot;
  const extraGreenHa = LK.greenSpaceHa;
  const extraWetlandHa = LK.wetlandHa;
  const offsetCapShare = LO.capShare;
  const offsetMaxTco2 = LO.maxTco2;
  const SP = samplingOf(M);
  const plan: BlockPlan = {
    num: Float64Array.of(
      cCoal,
      tCoal,
      uCoal,
      fosCoal,
      cGas,
      tGas,
      uGas,
      fosGas,
      cGrid,
      tGrid,
      cGreen,
      tGreen,
      cPv,
      tPv,
      r,
      pvOld,
      greenShare0,
      gridBase,
      chpElectricShare,
      steamBase,
      greenSpaceHa,
      wetlandHa,
      chpEta0,
      extraGreenHa,
      extraWetlandHa,
      offsetCapShare,
      offsetMaxTco2,
    ),
    int: Int32Array.of(
      nY,
      nS,
      nC,
      nI,
      nL,
      nG,
      every,
      sp,
      spM,
      spP,
      posSS,
      posEff,
      posC2G,
      posEl,
      posPV,
      posGreen,
      posCCUS,
      posSink,
      posOff,
      posChp,
      sPriceCoal,
      sPriceGas,
      sPriceElec,
      sPremium,
      sPriceBio,
      sPriceOther,
      driftSlot,
      pvYieldSlot,
      sinkGreenSlot,
      sinkWetlandSlot,
      chpGainSlot,
      chpMaxSlot,
      shiftSlot,
      effSlot,
      c2gSlot,
      elShareSlot,
      elCopSlot,
      pvDeliverySlot,
      greenSlot,
      captureSlot,
      chpRetireSlot,
      chpCopSlot,
      chpBiomassSlot,
      gridSlot0,
      gridSlot1,
      gridSlot2,
      invSlot0,
      invSlot1,
      lEvery,
      coalInE ? 1 : 0,
      gasInE ? 1 : 0,
      steamInE ? 1 : 0,
      chpCoupled ? 1 : 0,
      captureChp ? 1 : 0,
      captureProcess ? 1 : 0,
    ),
    gross,
    emitted,
    net,
    energy,
    output,
    inputs,
    leverContribution,
    renewable,
    npvCost,
    params,
    g,
    e,
    O,
    I,
    sumM,
    sumP,
    wasmSums: wasm ? wasm.sums : null,
    Mq,
    Pq,
    mq,
    pq,
    fx,
    ff,
    growthWeights,
    gridWeights,
    ramp,
    pvCapacityMw,
    efficiencyYears,
    usedGroups,
    groupStart,
    groupedSectors,
    inputSlots,
    growthSlot,
    intensitySlot,
    on,
    order,
    leverRedo,
    contrib,
    billSave,
    tceSave,
    capMax,
    annuity,
    replace,
    capex,
    kindCapexSlot,
    kindUnit,
    rng,
    scratch,
    SP,
    BK,
    CK,
  };
  runBlock(plan, seed, runStart, runCount);

  return block;
}

/**
 * Everything the run loop reads, made by simulateBlock for one block: the model's numbers in `num`
 * (doubles) and `int` (integers and flags), its arrays and the block's. One object literal, so one
 * hidden shape whatever the model; numbers sit in typed arrays, not fields, so no field ever changes
 * representation (an integer in one model, a fraction in the next). A new model's objects rebuilt in a
 * worker can take other shapes, and the loop's compiled code would be thrown away for each: here only
 * simulateBlock, which is small, depends on them.
 */
interface BlockPlan {
  num: Float64Array;
  int: Int32Array;
  gross: Float32Array | Float64Array;
  emitted: Float32Array | Float64Array;
  net: Float32Array | Float64Array;
  energy: Float32Array | Float64Array;
  output: Float32Array | Float64Array;
  inputs: Float32Array | Float64Array;
  leverContribution: Float32Array | Float64Array;
  renewable: Float32Array | Float64Array;
  npvCost: Float32Array | Float64Array;
  params: Float64Array;
  g: Float64Array;
  e: Float64Array;
  O: Float64Array;
  I: Float64Array;
  sumM: Float64Array;
  sumP: Float64Array;
  /** The WebAssembly sector sums (reading O and I, writing sumM and sumP), or null for the JS loop. */
  wasmSums: (() => void) | null;
  Mq: Float64Array;
  Pq: Float64Array;
  mq: KernelPrep['mq'];
  pq: KernelPrep['pq'];
  fx: Float64Array;
  ff: Float64Array;
  growthWeights: CompiledModel['growthWeights'];
  gridWeights: CompiledModel['gridWeights'];
  ramp: CompiledModel['ramp'];
  pvCapacityMw: CompiledModel['lever']['pv']['capacityMw'];
  efficiencyYears: CompiledModel['lever']['efficiency']['years'];
  usedGroups: KernelPrep['usedGroups'];
  groupStart: KernelPrep['groupStart'];
  groupedSectors: KernelPrep['groupedSectors'];
  inputSlots: CompiledModel['inputSlots'];
  growthSlot: CompiledModel['growthSlot'];
  intensitySlot: CompiledModel['intensitySlot'];
  on: Uint8Array;
  order: Int32Array;
  leverRedo: Uint8Array;
  contrib: Float64Array;
  billSave: Float64Array;
  tceSave: Float64Array;
  capMax: Float64Array;
  annuity: Float64Array;
  replace: Float64Array;
  capex: Float64Array;
  kindCapexSlot: Int32Array;
  kindUnit: Float64Array;
  rng: Sfc32;
  scratch: SampleScratch;
  SP: SamplingModel;
  BK: BreakdownConstants;
  CK: CostConstants;
}

/** The run loop of simulateBlock: runs [runStart, runStart + runCount) into the plan's arrays. */
function runBlock(K: BlockPlan, seed: number, runStart: number, runCount: number): void {
  // The layout of kernel-prep.ts as literal constants: TurboFan folds these, but not loads from the
  // module namespace (a measurable share of the run time). A mismatch would break the kernel-vs-reference test.
  const NQM = 12;
  const NQP = 5;
  const COAL = 0;
  const GAS = 1;
  const EM_E = 2;
  const EM_N = 3;
  const USE_E = 4;
  const STEAM = 5;
  const DEMAND = 6;
  const TCE_E = 7;
  const TCE_N = 8;
  const FOSSIL = 9;
  const REN_E = 10;
  const REN_N = 11;
  const PROCESS = 0;
  const EXP_GRID = 1;
  const EXP_HEAT = 2;
  const EXP_TCE = 3;
  const OUTPUT = 4;
  const F = K.num;
  const N = K.int;
  const cCoal = F[0];
  const tCoal = F[1];
  const uCoal = F[2];
  const fosCoal = F[3];
  const cGas = F[4];
  const tGas = F[5];
  const uGas = F[6];
  const fosGas = F[7];
  const cGrid = F[8];
  const tGrid = F[9];
  const cGreen = F[10];
  const tGreen = F[11];
  const cPv = F[12];
  const tPv = F[13];
  const r = F[14];
  const pvOld = F[15];
  const greenShare0 = F[16];
  const gridBase = F[17];
  const chpElectricShare = F[18];
  const steamBase = F[19];
  const greenSpaceHa = F[20];
  const wetlandHa = F[21];
  const chpEta0 = F[22];
  const extraGreenHa = F[23];
  const extraWetlandHa = F[24];
  const offsetCapShare = F[25];
  const offsetMaxTco2 = F[26];
  const nY = N[0];
  const nS = N[1];
  const nC = N[2];
  const nI = N[3];
  const nL = N[4];
  const nG = N[5];
  const every = N[6];
  const sp = N[7];
  const spM = N[8];
  const spP = N[9];
  const posSS = N[10];
  const posEff = N[11];
  const posC2G = N[12];
  const posEl = N[13];
  const posPV = N[14];
  const posGreen = N[15];
  const posCCUS = N[16];
  const posSink = N[17];
  const posOff = N[18];
  const posChp = N[19];
  const sPriceCoal = N[20];
  const sPriceGas = N[21];
  const sPriceElec = N[22];
  const sPremium = N[23];
  const sPriceBio = N[24];
  const sPriceOther = N[25];
  const driftSlot = N[26];
  const pvYieldSlot = N[27];
  const sinkGreenSlot = N[28];
  const sinkWetlandSlot = N[29];
  const chpGainSlot = N[30];
  const chpMaxSlot = N[31];
  const shiftSlot = N[32];
  const effSlot = N[33];
  const c2gSlot = N[34];
  const elShareSlot = N[35];
  const elCopSlot = N[36];
  const pvDeliverySlot = N[37];
  const greenSlot = N[38];
  const captureSlot = N[39];
  const chpRetireSlot = N[40];
  const chpCopSlot = N[41];
  const chpBiomassSlot = N[42];
  const gridSlot0 = N[43];
  const gridSlot1 = N[44];
  const gridSlot2 = N[45];
  const invSlot0 = N[46];
  const invSlot1 = N[47];
  const leverEvery = N[48];
  const coalInE = N[49] === 1;
  const gasInE = N[50] === 1;
  const steamInE = N[51] === 1;
  const chpCoupled = N[52] === 1;
  const captureChp = N[53] === 1;
  const captureProcess = N[54] === 1;
  const {
    gross,
    emitted,
    net,
    energy,
    output,
    inputs,
    leverContribution,
    renewable,
    npvCost,
    params,
    g,
    e,
    O,
    I,
    sumM,
    sumP,
    wasmSums,
    Mq,
    Pq,
    mq,
    pq,
    fx,
    ff,
    growthWeights,
    gridWeights,
    ramp,
    pvCapacityMw,
    efficiencyYears,
    usedGroups,
    groupStart,
    groupedSectors,
    inputSlots,
    growthSlot,
    intensitySlot,
    on,
    order,
    leverRedo,
    contrib,
    billSave,
    tceSave,
    capMax,
    annuity,
    replace,
    capex,
    kindCapexSlot,
    kindUnit,
    rng,
    scratch,
    SP,
    BK,
    CK,
  } = K;
  // Capacity kinds (simulateBlock's NK).
  const NK = capex.length;
  // Breakdown row of the next breakdown run of the block.
  let bRow = 0;
  // Lever row of the next attributed run of the block.
  let lRow = 0;
  for (let run = 0; run < runCount; run++) {
    rng.seedRun(seed, runStart + run);
    const keepRow = every > 0 && (runStart + run) % every === 0;
    // Whether this run is attributed and costed (a lever row); else only its final stage is evaluated.
    const walk = leverEvery > 0 && (runStart + run) % leverEvery === 0;
    sampleRun(SP, rng, params, scratch);
    if (walk) drawPermutation(rng, order);
    for (let i = 0; i < nI; i++) inputs[run * nI + i] = params[inputSlots[i]];
    for (let s = 0; s < nS; s++) {
      for (let ph = 0; ph < 3; ph++) {
        const k = growthSlot[s * 3 + ph];
        g[s * 3 + ph] = k >= 0 ? params[k] : 0;
      }
      e[s] = intensitySlot[s] >= 0 ? params[intensitySlot[s]] : 0;
      O[s] = 1;
      I[s] = 1;
    }
    const drift = params[driftSlot];
    const g30 = params[gridSlot0];
    const g45 = params[gridSlot1];
    const g60 = params[gridSlot2];
    const shiftShare = shiftSlot >= 0 ? params[shiftSlot] : 0;
    const effRate = effSlot >= 0 ? params[effSlot] : 0;
    const c2gShare = c2gSlot >= 0 ? params[c2gSlot] : 0;
    const elShare = elShareSlot >= 0 ? params[elShareSlot] : 0;
    const heatToElec = elCopSlot >= 0 ? 1 / params[elCopSlot] / GJ_PER_10K_KWH : 0;
    const pvPerMw = pvDeliverySlot >= 0 ? (params[pvDeliverySlot] * params[pvYieldSlot]) / 10 : 0;
    const greenTarget = greenSlot >= 0 ? params[greenSlot] : 0;
    const capture = captureSlot >= 0 ? params[captureSlot] : 0;
    const uGreen = params[sinkGreenSlot];
    const uWet = params[sinkWetlandSlot];
    const sinkBase = greenSpaceHa * uGreen + wetlandHa * uWet;
    let Ed = 1;
    // Base-year inventory uncertainty: multipliers on the whole park for the run (docs/model.md §6).
    const invAct = params[invSlot0];
    const invEm = invAct * params[invSlot1];
    // The CHP plant's efficiency path: η(t) = min(ceiling, η₀ (1 + gain)^y); its fuel per unit of output
    // is η₀ / η(t) of the base year's (docs/model.md §3).
    const eta0 = chpEta0;
    const chpGain = chpGainSlot >= 0 ? params[chpGainSlot] : 0;
    const chpCeiling = chpMaxSlot >= 0 ? Math.max(eta0, params[chpMaxSlot]) : eta0;
    let chpGrow = 1;
    const chpRetire = chpRetireSlot >= 0 ? params[chpRetireSlot] : 0;
    const chpSteamToElec = chpCopSlot >= 0 ? 1 / params[chpCopSlot] / GJ_PER_10K_KWH : 0;
    const chpBioTcePerGj = chpBiomassSlot >= 0 ? 1 / params[chpBiomassSlot] / GJ_PER_TCE : 0;
    let f2 = posEff > 0 ? Math.pow(1 - effRate, efficiencyYears[0]) : 1;
    // Energy prices of the run: CNY per unit of coal (t), gas (10^4 m3), grid electricity (10^4 kWh),
    // green-power premium (10^4 kWh), biomass and other carriers (tce).
    const pCoal = params[sPriceCoal];
    const pGas = params[sPriceGas] * 1e4;
    const pElec = params[sPriceElec] * 1e4;
    const pPremium = params[sPremium] * 10;
    const pBio = params[sPriceBio];
    const pOther = params[sPriceOther];
    if (walk) {
      capMax.fill(0);
      annuity.fill(0);
      replace.fill(0);
      for (let q = 0; q < NK; q++) capex[q] = params[kindCapexSlot[q]] * kindUnit[q];
    }
    let npv = 0;

    for (let y = 0; y < nY; y++) {
      const row = run * nY + y;
      if (y > 0) {
        const w0 = growthWeights[y * 3];
        const w1 = growthWeights[y * 3 + 1];
        const w2 = growthWeights[y * 3 + 2];
        for (let s = 0; s < nS; s++) {
          O[s] *= 1 + (w0 * g[s * 3] + w1 * g[s * 3 + 1] + w2 * g[s * 3 + 2]);
          I[s] *= 1 - e[s];
        }
        Ed *= 1 + drift;
        chpGrow *= 1 + chpGain;
      }
      const etaT = eta0 * chpGrow < chpCeiling ? eta0 * chpGrow : chpCeiling;
      const chpFuel = eta0 > 0 ? eta0 / etaT : 1;
      const kH = posChp > 0 ? chpRetire * ramp[(posChp - 1) * nY + y] : 0;
      const w = y * 4;
      const G =
        gridWeights[w] * gridBase +
        gridWeights[w + 1] * g30 +
        gridWeights[w + 2] * g45 +
        gridWeights[w + 3] * g60;
      const R = (G > 0 ? G : 0) / gridBase;

      // Sums of the electrifiable sectors by group: dense rows of NQM and NQP quantities, unrolled and
      // kept in locals over a group's sectors (a sector's zero terms add exactly nothing, so these equal
      // the sums of the non-zero terms alone). Output-driven sums follow the shift group only: groups
      // 2h and 2h + 1 are adjacent in groupedSectors. The WebAssembly step computes the same sums.
      if (wasmSums !== null) wasmSums();
      else
        for (let h = 0; h < 3; h++) {
          let p0 = 0;
          let p1 = 0;
          let p2 = 0;
          let p3 = 0;
          let p4 = 0;
          for (let gi = 2 * h; gi < 2 * h + 2; gi++) {
            let a0 = 0;
            let a1 = 0;
            let a2 = 0;
            let a3 = 0;
            let a4 = 0;
            let a5 = 0;
            let a6 = 0;
            let a7 = 0;
            let a8 = 0;
            let a9 = 0;
            let a10 = 0;
            let a11 = 0;
            for (let j = groupStart[gi]; j < groupStart[gi + 1]; j++) {
              const s = groupedSectors[j];
              const p = O[s];
              const m = p * I[s];
              const b = s * NQM;
              a0 += m * mq[b];
              a1 += m * mq[b + 1];
              a2 += m * mq[b + 2];
              a3 += m * mq[b + 3];
              a4 += m * mq[b + 4];
              a5 += m * mq[b + 5];
              a6 += m * mq[b + 6];
              a7 += m * mq[b + 7];
              a8 += m * mq[b + 8];
              a9 += m * mq[b + 9];
              a10 += m * mq[b + 10];
              a11 += m * mq[b + 11];
              const bp = s * NQP;
              p0 += p * pq[bp];
              p1 += p * pq[bp + 1];
              p2 += p * pq[bp + 2];
              p3 += p * pq[bp + 3];
              p4 += p * pq[bp + 4];
            }
            const o = gi * NQM;
            sumM[o] = a0;
            sumM[o + 1] = a1;
            sumM[o + 2] = a2;
            sumM[o + 3] = a3;
            sumM[o + 4] = a4;
            sumM[o + 5] = a5;
            sumM[o + 6] = a6;
            sumM[o + 7] = a7;
            sumM[o + 8] = a8;
            sumM[o + 9] = a9;
            sumM[o + 10] = a10;
            sumM[o + 11] = a11;
          }
          const op = h * NQP;
          sumP[op] = p0;
          sumP[op + 1] = p1;
          sumP[op + 2] = p2;
          sumP[op + 3] = p3;
          sumP[op + 4] = p4;
        }
      const k1 = posSS > 0 ? shiftShare * ramp[(posSS - 1) * nY + y] : 0;
      const vFrom = sumP[NQP + OUTPUT];
      const vTo = sumP[2 * NQP + OUTPUT];
      const fromF = vTo > 0 ? 1 - k1 : 1;
      const toF = vTo > 0 ? 1 + (k1 * vFrom) / vTo : 1;
      // (1 − rate)^n, n = programme years so far, grown one factor per year instead of Math.pow.
      if (posEff > 0 && y > 0 && efficiencyYears[y] > efficiencyYears[y - 1]) f2 *= 1 - effRate;
      const k3 = posC2G > 0 ? c2gShare * ramp[(posC2G - 1) * nY + y] : 0;
      const k4 = posEl > 0 ? elShare * ramp[(posEl - 1) * nY + y] : 0;
      const pvGen = posPV > 0 ? pvCapacityMw[y] * pvPerMw : 0;
      const k6 = posGreen > 0 ? greenTarget * ramp[(posGreen - 1) * nY + y] : 0;

      // Stage results kept for the final stage's energy and breakdown.
      let combined = -1;
      let c2 = 0;
      let el = 0;
      let spm = 0;
      let spp = 0;
      let fE = 1;
      let spCoal = 0;
      let spGas = 0;
      let demand = 0;
      let chpElec = 0;
      let chpBio = 0;
      let used = 0;
      let bought = 0;
      let sh = 0;
      let elecEm = 0;
      let chpFossil = 0;
      let processEm = 0;
      let grossY = 0;
      // Emissions, energy (tce) and bill (CNY) of the fuels, heat and CHP plant of the evaluation at hand.
      let fuelEm = 0;
      let fuelTce = 0;
      let fuelBill = 0;
      // Energy (tce) and energy bill (CNY) of the evaluation at hand, and what the costs need of the
      // full scenario (the last evaluation): heat electrified and CHP steam replaced (GJ), CO2
      // captured and offsets used (t).
      let tceG = 0;
      let billG = 0;
      let heatE = 0;
      let replacedG = 0;
      let capturedG: number;
      let offsetUsed: number;
      let tcePrev = 0;
      let billPrev = 0;

      let emittedY: number;
      let netPrev = 0;
      // Lever attribution: the park is evaluated with the levers added one at a time in the run's
      // random order (a sampled Shapley permutation, docs/model.md §4); each lever is credited with the
      // drop in net emissions when it is added. Without contributions only the full set is evaluated.
      if (walk) for (let l = 0; l < nL; l++) on[l] = 0;
      let k = walk ? 0 : nL;
      // What adding the last lever asks to evaluate again: 3 the sector sums (structure, efficiency), 2 the
      // fuels, heat and the CHP plant (coal-to-gas, electrification, CHP), 1 the electricity supply only
      // (PV, green power), 0 nothing of the gross park (a lever on net emissions). Each level redoes those
      // below it; the first evaluation does all.
      let redo = 3;
      for (;;) {
        if (redo >= 3) {
          const ss = posSS > 0 && on[posSS - 1] === 1;
          const ef = posEff > 0 && on[posEff - 1] === 1;
          const key = (ss ? 1 : 0) + (ef ? 2 : 0);
          if (key !== combined) {
            combined = key;
            fx[0] = 1;
            fx[1] = ss ? fromF : 1;
            fx[2] = ss ? toF : 1;
            ff[0] = 1;
            ff[1] = ef ? f2 : 1;
            let m0 = 0;
            let m1 = 0;
            let m2 = 0;
            let m3 = 0;
            let m4 = 0;
            let m5 = 0;
            let m6 = 0;
            let m7 = 0;
            let m8 = 0;
            let m9 = 0;
            let m10 = 0;
            let m11 = 0;
            for (let u = 0; u < nG; u++) {
              const gi = usedGroups[u];
              const wg = fx[gi >> 1] * ff[gi & 1];
              const o = gi * NQM;
              m0 += wg * sumM[o];
              m1 += wg * sumM[o + 1];
              m2 += wg * sumM[o + 2];
              m3 += wg * sumM[o + 3];
              m4 += wg * sumM[o + 4];
              m5 += wg * sumM[o + 5];
              m6 += wg * sumM[o + 6];
              m7 += wg * sumM[o + 7];
              m8 += wg * sumM[o + 8];
              m9 += wg * sumM[o + 9];
              m10 += wg * sumM[o + 10];
              m11 += wg * sumM[o + 11];
            }
            Mq[0] = m0;
            Mq[1] = m1;
            Mq[2] = m2;
            Mq[3] = m3;
            Mq[4] = m4;
            Mq[5] = m5;
            Mq[6] = m6;
            Mq[7] = m7;
            Mq[8] = m8;
            Mq[9] = m9;
            Mq[10] = m10;
            Mq[11] = m11;
            for (let q = 0; q < NQP; q++)
              Pq[q] = fx[0] * sumP[q] + fx[1] * sumP[NQP + q] + fx[2] * sumP[2 * NQP + q];
          }
        }
        if (redo >= 2) {
          c2 = posC2G > 0 && on[posC2G - 1] === 1 ? k3 : 0;
          el = posEl > 0 && on[posEl - 1] === 1 ? k4 : 0;
          const coal = Mq[COAL] * (1 - c2);
          const gasT = Mq[GAS] + Mq[COAL] * c2 * r;
          fE = 1 - el;
          const coalF = coalInE ? coal * fE : coal;
          const gasF = gasInE ? gasT * fE : gasT;
          const heat = el * ((coalInE ? coal * uCoal : 0) + (gasInE ? gasT * uGas : 0) + Mq[USE_E]);
          fuelEm =
            coalF * cCoal +
            gasF * cGas +
            Mq[EM_E] * fE +
            Mq[EM_N] +
            Pq[PROCESS] +
            Pq[EXP_GRID] * R +
            Pq[EXP_HEAT];
          demand = Ed * Mq[DEMAND] + heat * heatToElec;
          heatE = heat;
          replacedG = 0;
          processEm = Pq[PROCESS];
          chpFossil = 0;
          chpElec = 0;
          chpBio = 0;
          // Energy and bill of everything but the electricity bought or made (docs/model.md §10); the CHP
          // plant's own fuels count, the steam it sells inside the park does not (no double counting).
          const otherTce = Mq[TCE_E] * fE + Mq[TCE_N];
          const renTce = Mq[REN_E] * fE + Mq[REN_N];
          fuelTce = coalF * tCoal + gasF * tGas + otherTce + Pq[EXP_TCE];
          fuelBill = pCoal * coalF + pGas * gasF + pBio * renTce + pOther * (otherTce - renTce);
          if (sp >= 0) {
            // The CHP plant (chpS): a conversion plant whose output follows the steam bought from it when
            // coupled (less its retired share) and whose fuel is output × η₀ / η(t); never electrified.
            const steamRatio = chpCoupled ? (Mq[STEAM] * (steamInE ? fE : 1)) / steamBase : O[sp];
            const kr = posChp > 0 && on[posChp - 1] === 1 ? kH : 0;
            spp = steamRatio * (1 - kr);
            spm = spp * chpFuel;
            // Steam of the retired share, made by electric boilers / heat pumps and biomass boilers.
            const replaced = chpCoupled ? kr * steamRatio * steamBase : 0;
            chpElec = replaced * chpElectricShare * chpSteamToElec;
            chpBio = replaced * (1 - chpElectricShare) * chpBioTcePerGj;
            replacedG = replaced;
            spCoal = spm * mq[spM + COAL] * (1 - c2);
            spGas = spm * (mq[spM + GAS] + mq[spM + COAL] * c2 * r);
            fuelEm +=
              spCoal * cCoal +
              spGas * cGas +
              spm * (mq[spM + EM_E] + mq[spM + EM_N]) +
              spp * (pq[spP + PROCESS] + pq[spP + EXP_GRID] * R + pq[spP + EXP_HEAT]);
            demand += spm * Ed * mq[spM + DEMAND] + chpElec;
            processEm += spp * pq[spP + PROCESS];
            chpFossil = spCoal * cCoal * fosCoal + spGas * cGas * fosGas + spm * mq[spM + FOSSIL];
            const chpOther = spm * (mq[spM + TCE_E] + mq[spM + TCE_N]);
            const chpRen = spm * (mq[spM + REN_E] + mq[spM + REN_N]);
            fuelTce += spCoal * tCoal + spGas * tGas + chpOther + spp * pq[spP + EXP_TCE] + chpBio;
            fuelBill +=
              pCoal * spCoal + pGas * spGas + pBio * (chpRen + chpBio) + pOther * (chpOther - chpRen);
          }
        }
        if (redo >= 1) {
          // Electricity: PV (existing + new) first, pooled at park level; then the green share.
          const pvAll = pvOld + (posPV > 0 && on[posPV - 1] === 1 ? pvGen : 0);
          used = pvAll < demand ? pvAll : demand;
          bought = demand - used;
          const gr = posGreen > 0 && on[posGreen - 1] === 1 ? k6 : 0;
          sh = greenShare0 > gr ? greenShare0 : gr;
          elecEm = bought * ((1 - sh) * cGrid + sh * cGreen) * R + used * cPv;
          grossY = (fuelEm + elecEm) * invEm;
          tceG = fuelTce + bought * ((1 - sh) * tGrid + sh * tGreen) + used * tPv;
          billG = (fuelBill + pElec * bought + pPremium * bought * sh) * invAct;
        }
        // Net: capture, sinks (existing + extra), then offsets capped by a share of the emissions.
        const captured =
          posCCUS > 0 && on[posCCUS - 1] === 1
            ? capture *
              ramp[(posCCUS - 1) * nY + y] *
              ((captureChp ? chpFossil : 0) + (captureProcess ? processEm : 0)) *
              invEm
            : 0;
        emittedY = grossY - captured;
        capturedG = captured;
        offsetUsed = 0;
        let n = emittedY - sinkBase;
        if (posSink > 0 && on[posSink - 1] === 1)
          n -= ramp[(posSink - 1) * nY + y] * (extraGreenHa * uGreen + extraWetlandHa * uWet);
        if (posOff > 0 && on[posOff - 1] === 1) {
          const allowance = emittedY > 0 ? offsetCapShare * emittedY : 0;
          const cap = ramp[(posOff - 1) * nY + y] * (allowance < offsetMaxTco2 ? allowance : offsetMaxTco2);
          offsetUsed = Math.min(cap, n > 0 ? n : 0);
          n -= offsetUsed;
        }
        if (k > 0 && walk) {
          const l = order[k - 1];
          contrib[l] = netPrev - n;
          leverContribution[(lRow * nY + y) * nL + l] = contrib[l];
          billSave[l] = billPrev - billG;
          tceSave[l] = tcePrev - tceG;
        }
        netPrev = n;
        billPrev = billG;
        tcePrev = tceG;
        if (k === nL) break;
        const added = order[k++];
        on[added] = 1;
        redo = leverRedo[added];
      }
      gross[row] = grossY;
      emitted[row] = emittedY;
      net[row] = netPrev;

      let out = Pq[OUTPUT];
      let ren = bought * sh * tGreen + used * tPv + chpBio + Mq[REN_E] * fE + Mq[REN_N];
      if (sp >= 0) {
        out += spp * pq[spP + OUTPUT];
        ren += spm * (mq[spM + REN_E] + mq[spM + REN_N]);
      }
      energy[row] = tceG * invAct;
      renewable[row] = ren * invAct;
      output[row] = out;

      if (walk && y > 0) {
        // Doubles go through a scratch array, not as arguments (no boxing per call).
        const io = CK.io;
        io[0] = npv;
        io[1] = invAct;
        io[2] = c2;
        io[3] = Mq[COAL] + (sp >= 0 ? spm * mq[spM + COAL] : 0);
        io[4] = heatE;
        io[5] = replacedG;
        io[6] = capturedG;
        io[7] = offsetUsed;
        costYear(CK, params, lRow, y, keepRow ? bRow : -1);
        npv = io[0];
      }

      if (!keepRow) continue;
      // Doubles through a scratch array, not as arguments (no boxing per call).
      const bio = BK.io;
      bio[0] = c2;
      bio[1] = fE;
      bio[2] = el;
      bio[3] = Ed;
      bio[4] = R;
      bio[5] = heatToElec;
      bio[6] = demand;
      bio[7] = elecEm;
      bio[8] = spp;
      bio[9] = spm;
      bio[10] = spCoal;
      bio[11] = spGas;
      bio[12] = chpElec;
      bio[13] = bought;
      bio[14] = sh;
      bio[15] = used;
      bio[16] = invEm;
      breakdownYear(BK, (bRow * nY + y) * nS, (bRow * nY + y) * nC, O, I, fx, ff);
    }
    if (walk) npvCost[lRow++] = npv;
    if (keepRow) bRow++;
  }
}

/** What the breakdown of one run-year needs of the model and the block (set once per block). */
interface BreakdownConstants {
  /**
   * The run-year's values the breakdown reads, in this order: c2, fE, el, Ed, R, heatToElec, demand,
   * elecEm, spp, spm, spCoal, spGas, chpElec, bought, sh, used, invEm (as named in the run loop).
   */
  io: Float64Array;
  bySector: RunArray;
  byCarrier: RunArray;
  mq: Float64Array;
  pq: Float64Array;
  eSectors: Int32Array;
  group: Int32Array;
  mSec: Float64Array;
  pSec: Float64Array;
  cSum: Float64Array;
  coalInE: boolean;
  gasInE: boolean;
  uCoal: number;
  uGas: number;
  cCoal: number;
  cGas: number;
  gasPerCoal: number;
  chpS: number;
  coalC: number;
  gasC: number;
  gridC: number;
  greenC: number;
  pvC: number;
  cGrid: number;
  cGreen: number;
  cPv: number;
  cellStart: Int32Array;
  cellCarrier: Int32Array;
  cellSector: Int32Array;
  cellTco2: Float64Array;
}

/**
 * The final stage of a run-year by sector and by carrier (rows `sb` of bySector, `cb` of byCarrier).
 * A function of its own: it runs for about one run in K only, and kept out of simulateBlock's loop it
 * neither lengthens that loop's compilation nor sends it back to the interpreter on first use.
 */
function breakdownYear(
  B: BreakdownConstants,
  sb: number,
  cb: number,
  O: Float64Array,
  I: Float64Array,
  fx: Float64Array,
  ff: Float64Array,
): void {
  const io = B.io;
  const c2 = io[0];
  const fE = io[1];
  const el = io[2];
  const Ed = io[3];
  const R = io[4];
  const heatToElec = io[5];
  const demand = io[6];
  const elecEm = io[7];
  const spp = io[8];
  const spm = io[9];
  const spCoal = io[10];
  const spGas = io[11];
  const chpElec = io[12];
  const bought = io[13];
  const sh = io[14];
  const used = io[15];
  const invEm = io[16];
  const NQM = 12;
  const NQP = 5;
  const COAL = 0;
  const GAS = 1;
  const EM_E = 2;
  const EM_N = 3;
  const USE_E = 4;
  const DEMAND = 6;
  const PROCESS = 0;
  const EXP_GRID = 1;
  const EXP_HEAT = 2;
  const { bySector, byCarrier, mq, pq, eSectors, group, mSec, pSec, cSum } = B;
  const { coalInE, gasInE, uCoal, uGas, cCoal, cGas, cGrid, cGreen, cPv } = B;
  const { cellStart, cellCarrier, cellSector, cellTco2 } = B;
  const r = B.gasPerCoal;
  const sp = B.chpS;
  const spM = sp * NQM;
  const spP = sp * NQP;
  const nE = eSectors.length;
  const nC = cSum.length;
  const elecPerDemand = demand > 0 ? elecEm / demand : 0;
  let coalEm = 0;
  let gasEm = 0;
  for (let j = 0; j < nE; j++) {
    const s = eSectors[j];
    const gi = group[j];
    const p = O[s] * fx[gi >> 1];
    const m = p * I[s] * ff[gi & 1];
    pSec[s] = p;
    mSec[s] = m;
    const sm = s * NQM;
    const spq = s * NQP;
    const coal = m * mq[sm + COAL] * (1 - c2);
    const gasT = m * (mq[sm + GAS] + mq[sm + COAL] * c2 * r);
    const cf = coalInE ? coal * fE : coal;
    const gf = gasInE ? gasT * fE : gasT;
    const heat = el * ((coalInE ? coal * uCoal : 0) + (gasInE ? gasT * uGas : 0) + m * mq[sm + USE_E]);
    const dem = m * Ed * mq[sm + DEMAND] + heat * heatToElec;
    coalEm += cf * cCoal;
    gasEm += gf * cGas;
    bySector[sb + s] =
      invEm *
      (cf * cCoal +
        gf * cGas +
        m * (mq[sm + EM_E] * fE + mq[sm + EM_N]) +
        p * (pq[spq + PROCESS] + pq[spq + EXP_GRID] * R + pq[spq + EXP_HEAT]) +
        dem * elecPerDemand);
  }
  if (sp >= 0) {
    pSec[sp] = spp;
    mSec[sp] = spm;
    coalEm += spCoal * cCoal;
    gasEm += spGas * cGas;
    bySector[sb + sp] =
      invEm *
      (spCoal * cCoal +
        spGas * cGas +
        spm * (mq[spM + EM_E] + mq[spM + EM_N]) +
        spp * (pq[spP + PROCESS] + pq[spP + EXP_GRID] * R + pq[spP + EXP_HEAT]) +
        (spm * Ed * mq[spM + DEMAND] + chpElec) * elecPerDemand);
  }
  // By carrier: accumulated in doubles, stored once.
  cSum.fill(0);
  if (B.coalC >= 0) cSum[B.coalC] = coalEm;
  if (B.gasC >= 0) cSum[B.gasC] = gasEm;
  if (B.gridC >= 0) cSum[B.gridC] = bought * (1 - sh) * cGrid * R;
  if (B.greenC >= 0) cSum[B.greenC] = bought * sh * cGreen * R;
  if (B.pvC >= 0) cSum[B.pvC] = used * cPv;
  // Cells scaling with m, with m × (1 − electrified share), with p, and with p × grid path.
  for (let k = cellStart[0]; k < cellStart[1]; k++) {
    cSum[cellCarrier[k]] += cellTco2[k] * mSec[cellSector[k]];
  }
  for (let k = cellStart[1]; k < cellStart[2]; k++) {
    cSum[cellCarrier[k]] += cellTco2[k] * mSec[cellSector[k]] * fE;
  }
  for (let k = cellStart[2]; k < cellStart[3]; k++) {
    cSum[cellCarrier[k]] += cellTco2[k] * pSec[cellSector[k]];
  }
  for (let k = cellStart[3]; k < cellStart[4]; k++) {
    cSum[cellCarrier[k]] += cellTco2[k] * pSec[cellSector[k]] * R;
  }
  for (let c = 0; c < nC; c++) byCarrier[cb + c] = cSum[c] * invEm;
}

/** What the cost accounting of one run-year needs of the model and the block (set once per block). */
interface CostConstants {
  /**
   * In: the run's discounted cost so far, its activity multiplier, the coal-to-gas share, coal burnt
   * before the switch (t), heat electrified and CHP steam replaced (GJ), CO2 captured and offsets used
   * (t); out (element 0): the discounted cost including this year.
   */
  io: Float64Array;
  nY: number;
  nL: number;
  nP: number;
  posSS: number;
  posEff: number;
  posPV: number;
  posCCUS: number;
  posSink: number;
  posOff: number;
  grossLever: Uint8Array;
  kindPos: Int32Array;
  kindCrf: Float64Array;
  kindLife: Int32Array;
  /** The run's unit costs of each capacity kind, its capacity this year and the most it has had. */
  capex: Float64Array;
  capQ: Float64Array;
  capMax: Float64Array;
  /** Per lever: the annuity it pays, its bill and energy savings and its contribution this year. */
  annuity: Float64Array;
  replace: Float64Array;
  tceSave: Float64Array;
  billSave: Float64Array;
  contrib: Float64Array;
  costY: Float64Array;
  discount: Float64Array;
  periodOf: Int32Array;
  pvCapacityMw: Float64Array;
  pvDeliverySlot: number;
  ramp: Float64Array;
  chpElectricShare: number;
  greenSpaceHa: number;
  wetlandHa: number;
  kwPerGj: number;
  tCoal: number;
  sPvOm: number;
  sCcusOpex: number;
  sUpkeep: number;
  sOffset: number;
  investment: RunArray;
  leverCost: RunArray;
  leverAvoided: RunArray;
  leverAvoidedDisc: RunArray;
  leverCostYear: RunArray;
}

/**
 * The costs of year y of a run in the full scenario (docs/model.md §10): each capacity kind's increase
 * is an investment (an annuity from then on, replaced at the end of its life), then each lever's yearly
 * cost — annuities, operation and the energy bill it changes. Adds to lever row `lRow`'s per-lever sums and
 * investment by period, writes the yearly pair of breakdown row `bRow` (−1: none), and leaves in
 * `C.io[0]` the run's discounted cost versus BAU so far: `npvSoFar` plus this year's, added lever by
 * lever as before. Its other inputs come in `C.io` too (see there); `coal`, `heatGj` and `replacedGj`
 * are before the run's activity multiplier `invAct`. Out of simulateBlock's loop for the reasons given
 * at breakdownYear.
 */
function costYear(C: CostConstants, params: Float64Array, lRow: number, y: number, bRow: number): void {
  const io = C.io;
  const npvSoFar = io[0];
  const invAct = io[1];
  const c2 = io[2];
  const coal = io[3];
  const heatGj = io[4];
  const replacedGj = io[5];
  const captured = io[6];
  const offsetUsed = io[7];
  const K_EFF = 0;
  const K_C2G = 1;
  const K_HEAT = 2;
  const K_CHP_EL = 3;
  const K_CHP_BIO = 4;
  const K_PV = 5;
  const K_CCUS = 6;
  const K_GREEN = 7;
  const K_WET = 8;
  const NK = 9;
  const { nY, nL, nP, posSS, posEff, posPV, posCCUS, posSink, posOff, grossLever } = C;
  const { kindPos, kindCrf, kindLife, capex, capQ, capMax, annuity, replace } = C;
  const { tceSave, billSave, contrib, costY, ramp } = C;
  const { investment, leverCost, leverAvoided, leverAvoidedDisc, leverCostYear } = C;
  const share = C.chpElectricShare;
  // What each capacity kind holds in the full scenario this year.
  capQ[K_EFF] = posEff > 0 ? Math.max(0, tceSave[posEff - 1]) : 0;
  capQ[K_C2G] = c2 * coal * C.tCoal * invAct;
  capQ[K_HEAT] = heatGj * C.kwPerGj * invAct;
  capQ[K_CHP_EL] = replacedGj * share * C.kwPerGj * invAct;
  capQ[K_CHP_BIO] = replacedGj * (1 - share) * C.kwPerGj * invAct;
  capQ[K_PV] = posPV > 0 ? C.pvCapacityMw[y] * params[C.pvDeliverySlot] : 0;
  capQ[K_CCUS] = captured;
  const sinkRamp = posSink > 0 ? ramp[(posSink - 1) * nY + y] : 0;
  capQ[K_GREEN] = sinkRamp * C.greenSpaceHa;
  capQ[K_WET] = sinkRamp * C.wetlandHa;
  const period = C.periodOf[y];
  let outlay = replace[y];
  for (let q = 0; q < NK; q++) {
    const inc = capQ[q] - capMax[q];
    if (!(inc > 0) || kindPos[q] === 0) continue;
    capMax[q] = capQ[q];
    const paid = inc * capex[q];
    annuity[kindPos[q] - 1] += paid * kindCrf[q];
    outlay += paid;
    if (y + kindLife[q] < nY) replace[y + kindLife[q]] += paid;
  }
  if (period >= 0) investment[lRow * nP + period] += outlay;
  // Yearly cost of each lever: annuities, operation and the energy bill it changes (a saving is
  // negative). The structural shift is not costed: its cost and the bills it moves are outside the model.
  const d = C.discount[y];
  for (let l = 0; l < nL; l++) {
    costY[l] = annuity[l] + (grossLever[l] === 1 && l !== posSS - 1 ? -billSave[l] : 0);
  }
  if (posPV > 0) costY[posPV - 1] += params[C.sPvOm] * 1e6 * capMax[K_PV];
  if (posCCUS > 0) costY[posCCUS - 1] += params[C.sCcusOpex] * captured;
  if (posSink > 0) costY[posSink - 1] += params[C.sUpkeep] * (capMax[K_GREEN] + capMax[K_WET]);
  if (posOff > 0) costY[posOff - 1] += params[C.sOffset] * offsetUsed;
  let npv = npvSoFar;
  for (let l = 0; l < nL; l++) {
    if (l !== posSS - 1) npv += costY[l] * d;
    leverCost[lRow * nL + l] += costY[l] * d;
    leverAvoided[lRow * nL + l] += contrib[l];
    leverAvoidedDisc[lRow * nL + l] += contrib[l] * d;
    if (bRow >= 0) {
      leverCostYear[((bRow * nY + y) * nL + l) * 2] = costY[l];
      leverCostYear[((bRow * nY + y) * nL + l) * 2 + 1] = contrib[l];
    }
  }
  io[0] = npv;
}
