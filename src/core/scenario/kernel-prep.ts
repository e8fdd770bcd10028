/**
 * Per-sector constants the kernel sums each year. Every quantity is linear in a sector's activity
 * multiplier (energy: m = output index × intensity; output: p = output index), and the levers before
 * PV scale whole groups of sectors alike (structural shift: from / to / other; extra efficiency:
 * covered or not), so the kernel sums sectors once per year into 6 groups and evaluates each lever
 * stage with a handful of scalar operations instead of a loop over sectors.
 */
import type { CompiledModel } from './model';
import {
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

/** Quantities per unit of m. */
const QM_COAL = 0;
const QM_GAS = 1;
const QM_EM_E = 2; // tCO2 of electrifiable carriers other than coal and gas
const QM_EM_N = 3; // tCO2 of other (non-electrifiable) carriers
const QM_USE_E = 4; // useful heat (GJ) of electrifiable carriers other than coal and gas
const QM_STEAM = 5; // heat_in_park bought (GJ)
const QM_DEMAND = 6; // electricity demand (grid + green + PV), 10^4 kWh
const QM_TCE_E = 7;
const QM_TCE_N = 8;
const QM_FOSSIL = 9; // fossil tCO2 other than coal and gas (for CCUS on the CHP plant)
const QM_REN_E = 10; // tce of renewable electrifiable carriers (biomass; part of QM_TCE_E)
const QM_REN_N = 11; // tce of renewable non-electrifiable carriers (part of QM_TCE_N)
const NQM = 12;
/** Quantities per unit of p. */
const QP_PROCESS = 0; // process tCO2
const QP_EXP_GRID = 1; // tCO2 deducted for exported electricity (scaled by the grid path)
const QP_EXP_HEAT = 2; // tCO2 deducted for exported heat leaving the park
const QP_EXP_TCE = 3;
const QP_OUTPUT = 4; // output value, 10^4 CNY
const NQP = 5;

const CELL_M = 0;
const CELL_M_ELECTRIFIED = 1;
const CELL_P = 2;
const CELL_P_GRID = 3;

export interface KernelPrep {
  /** Sectors that follow their own growth and can be electrified (all but the CHP plant, chpS). */
  eSectors: Int32Array;
  /** Group of each eSector: shift group (0 other, 1 from, 2 to) × 2 + efficiency covered (0/1). */
  group: Int32Array;
  /** Group by sector index; −1 for the CHP plant. */
  sectorGroup: Int32Array;
  /** Groups with at least one sector. */
  usedGroups: Int32Array;
  /**
   * The eSectors ordered by group (in their order within a group): those of group g are
   * [groupStart[g], groupStart[g + 1]) of `groupedSectors`, so a group's sums can be kept in registers.
   */
  groupedSectors: Int32Array;
  groupStart: Int32Array;
  /**
   * Quantities per unit of activity, [sector * NQM + q] and [sector * NQP + q], for every sector. The
   * kernel sums the rows of the eSectors into their group each year: sumM[group × NQM + q], and
   * sumP[(group >> 1) × NQP + q] (output-driven quantities follow the shift group only).
   */
  mq: Float64Array;
  pq: Float64Array;
  /** Park-wide: existing PV generation and the green share of purchased electricity. */
  pvOld: number;
  greenShare0: number;
  /** Sparse cells priced per carrier in the carrier breakdown (roles other, process, export), sorted
   * by how they scale: cells of scale kind h are [cellStart[h], cellStart[h + 1]). */
  cellStart: Int32Array;
  cellSector: Int32Array;
  cellCarrier: Int32Array;
  /** tCO2 of the cell in the base year (amount × coefficient). */
  cellTco2: Float64Array;
  /** How the cell scales: CELL_M (energy), CELL_M_ELECTRIFIED (energy × (1 − electrified share)),
   * CELL_P (output), CELL_P_GRID (output × grid path); the cells are sorted by it. */
  cellScale: Uint8Array;
}

export function prepareKernel(m: CompiledModel): KernelPrep {
  const { carriers: electrifiable, usefulGj } = m.lever.electrification;
  const shift = m.lever.shift;
  const nS = m.nSectors;
  const nC = m.nCarriers;
  const mq = new Float64Array(nS * NQM);
  const pq = new Float64Array(nS * NQP);
  let pvOld = 0;
  let grid = 0;
  let green = 0;
  const cells: [number, number, number, number][] = [];
  for (let s = 0; s < nS; s++) {
    const M = s * NQM;
    const P = s * NQP;
    pq[P + QP_OUTPUT] = m.outputBase[s];
    for (let c = 0; c < nC; c++) {
      const v = m.amountBase[s * nC + c];
      if (v === 0) continue;
      const em = v * m.coefTco2[c];
      const tce = v * m.coefTce[c];
      switch (m.role[c]) {
        case ROLE_COAL:
          mq[M + QM_COAL] += v;
          break;
        case ROLE_GAS:
          mq[M + QM_GAS] += v;
          break;
        case ROLE_GRID:
          grid += v;
          mq[M + QM_DEMAND] += v;
          break;
        case ROLE_GREEN:
          green += v;
          mq[M + QM_DEMAND] += v;
          break;
        case ROLE_PV:
          pvOld += v;
          mq[M + QM_DEMAND] += v;
          break;
        case ROLE_STEAM:
          mq[M + QM_STEAM] += v;
          if (electrifiable[c]) mq[M + QM_USE_E] += v * usefulGj[c];
          break;
        case ROLE_PROCESS:
          pq[P + QP_PROCESS] += em;
          cells.push([s, c, em, CELL_P]);
          break;
        case ROLE_EXPORT:
          pq[P + (m.gridScaled[c] ? QP_EXP_GRID : QP_EXP_HEAT)] += em;
          pq[P + QP_EXP_TCE] += tce;
          cells.push([s, c, em, m.gridScaled[c] ? CELL_P_GRID : CELL_P]);
          break;
        case ROLE_OTHER:
          if (electrifiable[c]) {
            mq[M + QM_EM_E] += em;
            mq[M + QM_USE_E] += v * usefulGj[c];
            mq[M + QM_TCE_E] += tce;
            if (m.renewable[c]) mq[M + QM_REN_E] += tce;
          } else {
            mq[M + QM_EM_N] += em;
            mq[M + QM_TCE_N] += tce;
            if (m.renewable[c]) mq[M + QM_REN_N] += tce;
          }
          if (m.fossil[c]) mq[M + QM_FOSSIL] += em;
          cells.push([s, c, em, electrifiable[c] && s !== m.chpS ? CELL_M_ELECTRIFIED : CELL_M]);
          break;
      }
    }
  }
  const eSectors = Int32Array.from(m.sectors.flatMap((_, s) => (s === m.chpS ? [] : [s])));
  const group = Int32Array.from(
    eSectors,
    (s) => (shift.from[s] ? 2 : shift.to[s] ? 4 : 0) + m.lever.efficiency.mask[s],
  );
  cells.sort((a, b) => a[3] - b[3] || a[0] - b[0] || a[1] - b[1]);
  const cellStart = new Int32Array(5);
  for (let h = 0; h < 4; h++) cellStart[h + 1] = cellStart[h] + cells.filter((c) => c[3] === h).length;
  const sectorGroup = new Int32Array(nS).fill(-1);
  eSectors.forEach((s, j) => (sectorGroup[s] = group[j]));
  const groupStart = new Int32Array(7);
  for (let g = 0; g < 6; g++) groupStart[g + 1] = groupStart[g] + group.filter((x) => x === g).length;
  const groupedSectors = Int32Array.from(
    [...eSectors.keys()].sort((a, b) => group[a] - group[b] || a - b),
    (j) => eSectors[j],
  );
  return {
    groupedSectors,
    groupStart,
    eSectors,
    group,
    sectorGroup,
    usedGroups: Int32Array.from(new Set(group)).sort(),
    cellStart,
    mq,
    pq,
    pvOld,
    greenShare0: grid + green > 0 ? green / (grid + green) : 0,
    cellSector: Int32Array.from(cells, (x) => x[0]),
    cellCarrier: Int32Array.from(cells, (x) => x[1]),
    cellTco2: Float64Array.from(cells, (x) => x[2]),
    cellScale: Uint8Array.from(cells, (x) => x[3]),
  };
}
