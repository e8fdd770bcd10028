/**
 * compileScenario: a validated scenario + a park baseline → the CompiledModel the kernel runs.
 * Resolves driver defaults, lays out one parameter slot per model quantity (uncertain or fixed), builds
 * the Gaussian copula, and precomputes everything that depends on the year but not on the run.
 */
import { cholesky, compileDist, isFixed, spearmanToPearson } from '../stats';
import type { ParkBaseline } from './baseline';
import { DEFAULT_DRIVERS } from './defaults';
import { toDist, type DistInput } from './distribution';
import { isConversionSector } from '../sectors';
import {
  controlContext,
  LEVERS,
  type CompileContext,
  type CompiledLevers,
  type InputId,
  type LeverId,
} from './levers';
import { GJ_PER_TCE } from '../units';
import {
  GJ_PER_10K_KWH,
  PHASES,
  ROLE_COAL,
  ROLE_EXPORT,
  ROLE_GAS,
  ROLE_GREEN,
  ROLE_GRID,
  ROLE_OTHER,
  ROLE_PROCESS,
  ROLE_PV,
  ROLE_STEAM,
  type CompiledModel,
} from './model';
import { scope2Of, type Scenario } from './schema';
import { gridKnotWeights, growthWeights, patternRegex, rampAt } from './timeline';
import { resolveTargets } from './targets';
import { capitalRecovery, COST_PARAMS, COST_SETTINGS, investmentPeriods } from './costs';

/** Draw positions each lever owns (sampling.ts), whether or not the scenario has it. */
const LEVER_DRAWS = 4;

export interface CompileOptions {
  /** Keep per-sector and per-carrier results (default true). */
  breakdown?: boolean;
}

const ROLE_BY_CODE: Record<string, number> = {
  raw_coal: ROLE_COAL,
  natural_gas: ROLE_GAS,
  electricity: ROLE_GRID,
  green_electricity: ROLE_GREEN,
  pv_electricity: ROLE_PV,
  heat_in_park: ROLE_STEAM,
  process_co2: ROLE_PROCESS,
};

/** Compiles a validated scenario against a park baseline. Throws on contradictions it cannot resolve. */
export function compileScenario(
  scenario: Scenario,
  baseline: ParkBaseline,
  options: CompileOptions = {},
): CompiledModel {
  const scope2 = scope2Of(scenario);
  if (baseline.scope2 !== undefined && baseline.scope2 !== scope2) {
    throw new Error(
      `The scenario asks for ${scope2}-based Scope 2 (accounting.scope2) but the park baseline was built ` +
        `${baseline.scope2}-based; build the baseline with the scenario's method.`,
    );
  }
  const warnings: string[] = [...baseline.notes];
  if (scenario.dataset !== baseline.datasetId) {
    warnings.push(`Scenario built for dataset "${scenario.dataset}", applied to "${baseline.datasetId}".`);
  }
  const t0 = baseline.year;
  if (scenario.horizon.start !== t0) {
    warnings.push(`Horizon start ${scenario.horizon.start} replaced by the data's base year ${t0}.`);
  }
  const end = scenario.horizon.end;
  if (end <= t0) throw new Error(`horizon.end (${end}) must be after the data's base year ${t0}`);
  const nYears = end - t0 + 1;
  const years = Int32Array.from({ length: nYears }, (_, y) => t0 + y);
  const growthW = new Float64Array(nYears * 3);
  for (let y = 0; y < nYears; y++) growthW.set(growthWeights(years[y], t0), y * 3);

  const sectors = baseline.sectors;
  const nS = sectors.length;
  const carriers = baseline.carriers;
  const nC = carriers.length;
  const idx = (code: string) => carriers.indexOf(code);
  const role = Int32Array.from(carriers, (c, i) =>
    baseline.kinds[i] === 'export' ? ROLE_EXPORT : (ROLE_BY_CODE[c] ?? ROLE_OTHER),
  );
  const gridScaled = Uint8Array.from(carriers, (c, i) =>
    baseline.kinds[i] === 'electricity' || c === 'electricity_export' ? 1 : 0,
  );
  const fossil = Uint8Array.from(baseline.kinds, (k) => (k === 'fossil' ? 1 : 0));
  const renewable = Uint8Array.from(baseline.kinds, (k) => (k === 'biomass' || k === 'renewable' ? 1 : 0));
  const steamC = idx('heat_in_park');
  const chpS = sectors.findIndex(isConversionSector);
  let steamBase = 0;
  if (steamC >= 0)
    for (let s = 0; s < nS; s++) if (s !== chpS) steamBase += baseline.activity[s * nC + steamC];
  const chpCoupled = chpS >= 0 && steamBase > 0;

  // Parameter slots: drivers first in a fixed order (so scenarios with the same sectors share driver
  // draws under one seed: common random numbers across scenarios), then lever parameters.
  // Each slot also has a draw position (sampling.ts): the drivers' positions are their slot indices;
  // each lever of the registry owns LEVER_DRAWS positions after them, used or not, so a scenario
  // without some lever draws every other input exactly as one with it.
  const slotNames: string[] = [];
  const slotIds: InputId[] = [];
  const slotDists: DistInput[] = [];
  const slotDraw: number[] = [];
  let leverDraw = -1;
  const slot = (name: string, id: InputId, d: DistInput): number => {
    slotNames.push(name);
    slotIds.push(id);
    slotDists.push(d);
    slotDraw.push(leverDraw < 0 ? slotNames.length - 1 : leverDraw++);
    return slotNames.length - 1;
  };
  const dr = scenario.drivers;
  const known = new Set(sectors);
  for (const key of [
    ...Object.keys(dr.output_growth?.sectors ?? {}),
    ...Object.keys(dr.intensity_improvement?.sectors ?? {}),
  ]) {
    if (!known.has(key)) warnings.push(`Driver override for sector "${key}" ignored: not in the dataset.`);
  }
  const growthSlot = new Int32Array(nS * 3).fill(-1);
  sectors.forEach((s, i) => {
    if (i === chpS && chpCoupled) return;
    for (let p = 0; p < 3; p++) {
      const ph = PHASES[p];
      const d =
        dr.output_growth?.sectors?.[s]?.[ph] ??
        dr.output_growth?.default?.[ph] ??
        DEFAULT_DRIVERS.output_growth.value[ph];
      growthSlot[i * 3 + p] = slot(`growth.${s}.${ph}`, { kind: 'growth', sector: s, phase: ph }, d);
    }
  });
  // The CHP plant has no autonomous intensity decline: its fuel follows its output and its efficiency.
  const intensitySlot = Int32Array.from(sectors, (s, i) =>
    i === chpS
      ? -1
      : slot(
          `intensity.${s}`,
          { kind: 'intensity', sector: s },
          dr.intensity_improvement?.sectors?.[s] ??
            dr.intensity_improvement?.default ??
            DEFAULT_DRIVERS.intensity_improvement.value,
        ),
  );
  const driftSlot = slot(
    'electricity_drift',
    { kind: 'electricity_drift' },
    dr.electricity_drift ?? DEFAULT_DRIVERS.electricity_drift.value,
  );
  const gdef = DEFAULT_DRIVERS.grid_factor.value;
  const gridSlots = Int32Array.from(['y2030', 'y2045', 'y2060'] as const, (k) =>
    slot(`grid.${k}`, { kind: 'grid', knot: k }, dr.grid_factor?.[k] ?? gdef[k]),
  );
  const gridBase = dr.grid_factor?.base ?? gdef.base;
  if (!(gridBase > 0)) throw new Error('drivers.grid_factor.base must be > 0');
  const pvYieldSlot = slot('pv_yield', { kind: 'pv_yield' }, dr.pv_yield ?? DEFAULT_DRIVERS.pv_yield.value);
  const sdef = DEFAULT_DRIVERS.sink_uptake.value;
  const sinkGreenSlot = slot(
    'sink.green_space',
    { kind: 'sink', area: 'green_space' },
    dr.sink_uptake?.green_space ?? sdef.green_space,
  );
  const sinkWetlandSlot = slot(
    'sink.wetland',
    { kind: 'sink', area: 'wetland' },
    dr.sink_uptake?.wetland ?? sdef.wetland,
  );
  // The CHP plant as a conversion plant: base-year total efficiency η₀ = (heat + electricity out) / fuel
  // in, and the uncertain improvement and ceiling of its efficiency (docs/model.md §3).
  let chpEta0 = 0;
  if (chpS >= 0) {
    let fuelGj = 0;
    let outGj = 0;
    for (let c = 0; c < nC; c++) {
      const a = baseline.activity[chpS * nC + c];
      if (baseline.kinds[c] === 'fossil' || baseline.kinds[c] === 'biomass')
        fuelGj += a * baseline.tcePerUnit[c] * GJ_PER_TCE;
      else if (carriers[c] === 'heat_export') outGj += a;
      else if (carriers[c] === 'electricity_export') outGj += a * GJ_PER_10K_KWH;
    }
    // heat_export holds only the heat leaving the park (baseline.ts); the steam sold inside it is steamBase.
    outGj += steamBase;
    if (fuelGj > 0 && outGj > 0) chpEta0 = outGj / fuelGj;
    if (chpEta0 > 1)
      warnings.push(
        `The CHP plant's reported output (${Math.round(outGj)} GJ of heat and power) exceeds its fuel input ` +
          `(${Math.round(fuelGj)} GJ): its efficiency is held at the base year's; check the data.`,
      );
  }
  // Base-year inventory uncertainty: multipliers on the whole park, fixed for the run (docs/model.md §6).
  const idef = DEFAULT_DRIVERS.inventory.value;
  const inventorySlots = Int32Array.from(['activity', 'factors'] as const, (k) =>
    slot(`inventory.${k}`, { kind: 'inventory', param: k }, dr.inventory?.[k] ?? idef[k]),
  );
  const cdef = DEFAULT_DRIVERS.chp_efficiency.value;
  const chpGainSlot =
    chpEta0 > 0
      ? slot(
          'chp.efficiency_gain',
          { kind: 'chp', param: 'efficiency_gain' },
          dr.chp_efficiency?.gain ?? cdef.gain,
        )
      : -1;
  const chpMaxSlot =
    chpEta0 > 0
      ? slot(
          'chp.efficiency_max',
          { kind: 'chp', param: 'efficiency_max' },
          dr.chp_efficiency?.max ?? cdef.max,
        )
      : -1;

  const lv = scenario.levers as Record<string, { start_year?: number; target_year?: number } | undefined>;
  const present = LEVERS.filter((l) => lv[l.doc] !== undefined);
  const leverNames = present.map((l) => l.doc);
  const leverPos = Object.fromEntries(LEVERS.map((l) => [l.id, present.indexOf(l) + 1])) as Record<
    LeverId,
    number
  >;
  const ramp = new Float64Array(present.length * nYears);
  present.forEach((l, k) => {
    const doc = lv[l.doc]!;
    for (let y = 0; y < nYears; y++) {
      ramp[k * nYears + y] =
        doc.start_year === undefined ? 1 : rampAt(years[y], doc.start_year, doc.target_year as number);
    }
  });
  const { demandGwh } = controlContext(baseline);
  // The CHP plant is never in a lever's sector list: it is a conversion plant (docs/model.md §3).
  const sectorMask = (codes: readonly string[] | undefined, path: string): Uint8Array => {
    const mask = new Uint8Array(nS);
    for (const code of codes ?? sectors) {
      const s = sectors.indexOf(code);
      if (s < 0) warnings.push(`${path}: sector "${code}" is not in the dataset; ignored.`);
      else if (s === chpS) {
        if (codes)
          warnings.push(`${path}: the CHP plant is a conversion plant, not a demand sector; ignored.`);
      } else mask[s] = 1;
    }
    return mask;
  };
  // Each lever's parameters, in pipeline order (so its slots follow the drivers' in a fixed order).
  const compiledLevers: Record<string, unknown> = {};
  const nDriverDraws = slotNames.length;
  for (const [j, l] of LEVERS.entries()) {
    leverDraw = nDriverDraws + j * LEVER_DRAWS;
    const cx: CompileContext = {
      baseline,
      years,
      sectors,
      carriers,
      chpS,
      demandGwh,
      warnings,
      param: (name, d) => slot(`lever.${l.doc}.${name}`, { kind: 'lever', lever: l.doc, param: name }, d),
      sectorMask,
      carrier: idx,
    };
    // Each definition checks its own document type; the registry is walked uniformly here.
    const compileLever = l.compile as (doc: unknown, cx: CompileContext) => unknown;
    compiledLevers[l.id] = compileLever(lv[l.doc], cx);
    if (leverDraw > nDriverDraws + (j + 1) * LEVER_DRAWS)
      throw new Error(`lever ${l.id} uses more than ${LEVER_DRAWS} parameter slots`);
  }

  // Cost inputs: draw positions after every lever's (docs/model.md §10), so adding them changed no
  // other input's draws.
  leverDraw = nDriverDraws + LEVERS.length * LEVER_DRAWS;
  const cs = scenario.costs;
  const costSlots = Int32Array.from(COST_PARAMS, (p) =>
    slot(`cost.${p.key}`, { kind: 'cost', param: p.key }, cs?.params?.[p.key] ?? p.value),
  );
  const discountRate = cs?.discount_rate ?? COST_SETTINGS.discount_rate.value;
  const periods = investmentPeriods(years, t0);
  const cost = {
    slots: costSlots,
    discountRate,
    carbonPrice: cs?.carbon_price ?? COST_SETTINGS.carbon_price.value,
    fullLoadHours: COST_SETTINGS.full_load_hours.value,
    life: { ...COST_SETTINGS.lifetimes.value },
    discount: Float64Array.from(years, (t) => (t > t0 ? (1 + discountRate) ** -(t - t0 - 1) : 0)),
    periodOf: periods.of,
    periods: periods.labels,
    crf: Object.fromEntries(
      Object.entries(COST_SETTINGS.lifetimes.value).map(([k, n]) => [k, capitalRecovery(discountRate, n)]),
    ) as Record<keyof typeof COST_SETTINGS.lifetimes.value, number>,
  };

  // Distributions, uncertain inputs and the copula.
  const dists = slotDists.map((d) => toDist(d));
  const compiled = dists.map((d) => compileDist(d));
  // Cost inputs are uncertain too, but not reported per run: they move costs, never emissions, so the
  // emission sensitivity leaves them out (docs/model.md §10).
  const inputIdx = dists.flatMap((d, i) => (isFixed(d) || slotIds[i].kind === 'cost' ? [] : [i]));
  const inputNames = inputIdx.map((i) => slotNames[i]);
  const inputIds = inputIdx.map((i) => slotIds[i]);
  const pairs = new Map<string, number>();
  const involved = new Set<number>();
  (scenario.correlations ?? []).forEach((entry, e) => {
    const matched = inputIdx.filter((i) => entry.inputs.some((p) => patternRegex(p).test(slotNames[i])));
    if (matched.length < 2) {
      warnings.push(`correlations[${e}] matches ${matched.length} uncertain input(s); ignored.`);
      return;
    }
    for (const a of matched) {
      involved.add(a);
      for (const b of matched) if (a < b) pairs.set(`${a},${b}`, spearmanToPearson(entry.rho));
    }
  });
  // Growth persistence across periods (docs/model.md §6): the pair (s, k), (s', k') gets
  // r(s, s') · p^|k − k'| in Pearson terms, r the cross-sector correlation of period k (1 for s = s') —
  // a Kronecker product of the sector and period matrices, positive definite when both are.
  const persistence = dr.output_growth?.persistence ?? DEFAULT_DRIVERS.output_growth_persistence.value;
  if (persistence > 0) {
    const pP = spearmanToPearson(persistence);
    const uncertain = new Set(inputIdx);
    const key = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);
    for (let s1 = 0; s1 < nS; s1++) {
      for (let s2 = 0; s2 < nS; s2++) {
        for (let k1 = 0; k1 < 3; k1++) {
          for (let k2 = k1 + 1; k2 < 3; k2++) {
            const a = growthSlot[s1 * 3 + k1];
            const b = growthSlot[s2 * 3 + k2];
            if (a < 0 || b < 0 || !uncertain.has(a) || !uncertain.has(b)) continue;
            const same = growthSlot[s2 * 3 + k1];
            const r = s1 === s2 ? 1 : (pairs.get(key(a, same)) ?? 0);
            if (r === 0) continue;
            pairs.set(key(a, b), r * pP ** (k2 - k1));
            involved.add(a);
            involved.add(b);
          }
        }
      }
    }
  }
  const copula = [...involved].sort((a, b) => a - b);
  const m = copula.length;
  const corr = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const [a, b] = copula[i] < copula[j] ? [copula[i], copula[j]] : [copula[j], copula[i]];
      corr[i * m + j] = i === j ? 1 : (pairs.get(`${a},${b}`) ?? 0);
    }
  }
  const L = m ? cholesky(corr, m) : new Float64Array(0);
  if (!L) throw new Error('correlations: the rank correlations are inconsistent (not positive definite)');
  // Independent groups of inputs keep L block-sparse: store only its non-zeros.
  const copulaRow = new Int32Array(m + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let j = 0; j < m; j++) {
    for (let k = 0; k <= j; k++) {
      if (L[j * m + k] !== 0) {
        cols.push(k);
        vals.push(L[j * m + k]);
      }
    }
    copulaRow[j + 1] = cols.length;
  }

  const gridWeights = new Float64Array(nYears * 4);
  for (let y = 0; y < nYears; y++) gridWeights.set(gridKnotWeights(years[y], t0), y * 4);

  return {
    version: 1,
    scenarioId: scenario.id,
    datasetId: baseline.datasetId,
    warnings,
    baseYear: t0,
    years,
    nYears,
    growthWeights: growthW,
    sectors: [...sectors],
    nSectors: nS,
    carriers: [...carriers],
    nCarriers: nC,
    nSlots: slotNames.length,
    slotNames,
    slotDraw: Int32Array.from(slotDraw),
    nDraws: nDriverDraws + LEVERS.length * LEVER_DRAWS + COST_PARAMS.length,
    slotCode: Int32Array.from(compiled, (c) => c.code),
    slotParams: Float64Array.from(compiled.flatMap((c) => c.p)),
    inputNames,
    inputIds,
    nInputs: inputNames.length,
    inputSlots: Int32Array.from(inputIdx),
    copulaSlots: Int32Array.from(copula),
    copulaRow,
    copulaCol: Int32Array.from(cols),
    copulaVal: Float64Array.from(vals),
    outputBase: baseline.output.slice(),
    amountBase: baseline.activity.slice(),
    coefTco2: baseline.tco2PerUnit.slice(),
    coefTce: baseline.tcePerUnit.slice(),
    role,
    gridScaled,
    fossil,
    renewable,
    coalC: idx('raw_coal'),
    gasC: idx('natural_gas'),
    gridC: idx('electricity'),
    greenC: idx('green_electricity'),
    pvC: idx('pv_electricity'),
    steamC,
    processC: idx('process_co2'),
    chpS,
    chpCoupled,
    steamBase,
    chpEta0,
    chpGainSlot,
    chpMaxSlot,
    inventorySlots,
    growthSlot,
    intensitySlot,
    driftSlot,
    gridSlots,
    gridWeights,
    gridBase,
    pvYieldSlot,
    sinkGreenSlot,
    sinkWetlandSlot,
    greenSpaceHa: baseline.greenSpaceHa,
    wetlandHa: baseline.wetlandHa,
    leverNames,
    nLevers: leverNames.length,
    leverPos,
    ramp,
    lever: compiledLevers as CompiledLevers,
    targets: resolveTargets(scenario.targets),
    cost,
    breakdown: options.breakdown ?? true,
    history: baseline.history,
  };
}
