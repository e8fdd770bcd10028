/**
 * The factor library of product footprints: cradle-to-gate greenhouse-gas factors of common materials,
 * energy and freight in kg CO2e per unit, each with its source, year, basis and pedigree scores, from
 * which its uncertainty (a lognormal geometric standard deviation) follows. The factor is the
 * lognormal's median, as ecoinvent uses it.
 *
 * Basis: `published` — the value as the named document publishes it (electricity and fuels reuse the
 * workbench's reference tables, never retyped); `derived` — computed from published constants
 * (stoichiometry); `judgement` — a representative value chosen by this project from the range the
 * named literature reports, not a value quoted from it; `user` — supplied by the user.
 * Pedigree scores (reliability, completeness, temporal, geographical, technological; 1 best … 5
 * worst) are this project's judgement of each factor as a stand-in for products made in China, with
 * temporal correlation judged for the year 2026.
 */
import { EMISSION_FACTORS, GRID_FACTORS, GRID_REGIONS, HEAT_FACTORS } from '../reference/index';
import { BASIC_VARIANCE, pedigreeGsd, type PedigreeScores } from './pedigree';

export type FactorCategory =
  'metal' | 'plastic' | 'material' | 'chemical' | 'electronics' | 'energy' | 'freight' | 'end_of_life';
export type FactorBasis = 'published' | 'derived' | 'judgement' | 'user';

export interface FootprintFactor {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly category: FactorCategory;
  /** Unit the factor is per; BOM quantities are converted to it. */
  readonly unit: string;
  /** Median of the lognormal, kg CO2e per unit. */
  readonly kgco2e_per_unit: number;
  readonly source: string;
  /** Year of the data (or of the document when the data year is not stated). */
  readonly year: number;
  readonly basis: FactorBasis;
  /** Pedigree scores behind `gsd`; null when the gsd was given directly. */
  readonly pedigree: PedigreeScores | null;
  /** Geometric standard deviation exp(σ). */
  readonly gsd: number;
}

const JUDGE = 'judgement: a representative value within the range reported by';

const SRC = {
  steel: `${JUDGE} worldsteel Association, Sustainability Indicators 2023 (CO2 intensity of crude steel by route), for Chinese blast-furnace/oxygen sheet steel including rolling`,
  steelEaf: `${JUDGE} worldsteel Association, Sustainability Indicators 2023 (scrap-based electric-arc route), with Chinese grid electricity`,
  stainless: `${JUDGE} worldstainless (ISSF), Stainless steel and CO2: facts and scientific observations (2021), for austenitic 304 cold-rolled`,
  aluPrimary: `${JUDGE} International Aluminium Institute, greenhouse-gas emissions of primary aluminium by region (2022), for China (coal-fired captive power)`,
  aluRecycled: `${JUDGE} International Aluminium Institute (2022), recycled (secondary) aluminium ingot`,
  copper: `${JUDGE} International Copper Association, copper cathode life-cycle data (2023)`,
  plastics: `${JUDGE} PlasticsEurope Eco-profiles (European averages), raised for Chinese production with coal-based feedstock`,
  pvc: `${JUDGE} PlasticsEurope Eco-profile of suspension PVC (ethylene route) and published Chinese calcium-carbide-route studies; China makes most PVC by the carbide route`,
  glass: `${JUDGE} FEVE container-glass life-cycle study and ecoinvent 3 container glass`,
  board: `${JUDGE} FEFCO/Cepi European database for corrugated board life-cycle studies (2018)`,
  cement: `${JUDGE} IEA Technology Roadmap: Low-Carbon Transition in the Cement Industry (2018), China clinker ratio and intensity, for P·O 42.5 cement`,
  chemicals: `${JUDGE} ecoinvent 3 inorganic-chemicals datasets, with Chinese grid electricity`,
  methanol: `${JUDGE} published life-cycle studies of Chinese coal-to-methanol`,
  electronics: `${JUDGE} ecoinvent 3 electronics datasets (printed wiring boards, integrated circuits, passive components, solder)`,
  freight: `${JUDGE} GLEC Framework v3.0 (Smart Freight Centre, 2023) default emission intensities, well-to-wheel`,
  ipcc: 'IPCC AR5 WGIII Annex III (2014), Table A.III.2: life-cycle emissions of electricity supply technologies, median',
  incineration:
    'derived: fossil carbon mass fraction of the polymer × 44/12, oxidation 1 (IPCC 2006 Guidelines Vol. 5 Ch. 5, incineration); energy recovery not credited',
} as const;

/** Pedigree sets used below (see the module comment). */
const P = {
  material: [4, 3, 2, 3, 3],
  materialFar: [4, 3, 2, 4, 3],
  /** Production routes with far apart intensities (PVC: ethylene or calcium carbide). */
  route: [4, 3, 2, 4, 4],
  electronics: [4, 4, 3, 4, 4],
  freight: [4, 3, 2, 3, 3],
  grid: [2, 1, 1, 1, 2],
  ipcc: [2, 2, 4, 4, 3],
  fuel: [2, 1, 4, 2, 2],
  derived: [2, 1, 1, 1, 2],
} as const satisfies Record<string, PedigreeScores>;

function f(
  id: string,
  zh: string,
  en: string,
  category: FactorCategory,
  unit: string,
  value: number,
  source: string,
  year: number,
  basis: FactorBasis,
  pedigree: PedigreeScores,
): FootprintFactor {
  return {
    id,
    zh,
    en,
    category,
    unit,
    kgco2e_per_unit: value,
    source,
    year,
    basis,
    pedigree,
    gsd: pedigreeGsd(pedigree, BASIC_VARIANCE.emission),
  };
}

/** Latest published average grid factor of every region, plus the national residual mix. */
function gridFactors(): FootprintFactor[] {
  const out: FootprintFactor[] = [];
  for (const type of ['average', 'residual_mix'] as const) {
    for (const region of GRID_REGIONS) {
      const rows = GRID_FACTORS.filter((r) => r.region === region.code && r.factor_type === type);
      if (rows.length === 0) continue;
      const r = rows.reduce((a, b) => (b.year > a.year ? b : a));
      const mix = type === 'residual_mix';
      out.push(
        f(
          mix ? 'electricity_residual_mix' : `electricity_${region.code}`,
          mix ? `电力（${region.zh}，剔除市场化绿电）` : `电力（${region.zh}电网平均）`,
          mix ? 'Electricity, national residual mix' : `Electricity, ${region.en} average`,
          'energy',
          'MWh',
          r.tco2_per_mwh * 1000,
          `${r.source}; ${r.year} ${mix ? 'national factor excluding market-traded non-fossil power' : 'average factor'}; generation emissions only (no upstream fuel supply)`,
          r.year,
          'published',
          P.grid,
        ),
      );
    }
  }
  return out;
}

/** Combustion CO2 of fuels and the heat factor, from the accounting reference tables. */
function fuelFactors(): FootprintFactor[] {
  const fuel = (carrier: string, id: string, zh: string, en: string) => {
    const r = EMISSION_FACTORS.find((e) => e.carrier === carrier)!;
    return f(
      id,
      zh,
      en,
      'energy',
      r.unit,
      r.scope1_tco2_per_unit * 1000,
      `${r.source}; combustion only (no upstream supply)`,
      r.source_year,
      'published',
      P.fuel,
    );
  };
  const heat = HEAT_FACTORS.find((h) => h.carrier === 'heat')!;
  return [
    fuel('natural_gas', 'natural_gas', '天然气（燃烧）', 'Natural gas, combusted'),
    fuel('diesel', 'diesel', '柴油（燃烧）', 'Diesel, combusted'),
    f(
      'steam',
      '外购蒸汽/热力',
      'Purchased steam/heat',
      'energy',
      'GJ',
      heat.tco2_per_gj * 1000,
      heat.source,
      heat.source_year,
      'published',
      P.fuel,
    ),
  ];
}

/** The bundled library, in display order. */
export const FACTORS: readonly FootprintFactor[] = [
  f(
    'steel',
    '钢材（长流程，板材）',
    'Steel, BF-BOF sheet',
    'metal',
    'kg',
    2.2,
    SRC.steel,
    2022,
    'judgement',
    P.material,
  ),
  f(
    'steel_eaf',
    '钢材（电炉短流程）',
    'Steel, scrap EAF',
    'metal',
    'kg',
    0.8,
    SRC.steelEaf,
    2022,
    'judgement',
    P.material,
  ),
  f(
    'stainless_steel',
    '不锈钢（304 冷轧）',
    'Stainless steel 304, cold-rolled',
    'metal',
    'kg',
    4.5,
    SRC.stainless,
    2021,
    'judgement',
    P.materialFar,
  ),
  f(
    'aluminium_primary',
    '原铝（电解铝）',
    'Aluminium, primary',
    'metal',
    'kg',
    17,
    SRC.aluPrimary,
    2022,
    'judgement',
    P.material,
  ),
  f(
    'aluminium_recycled',
    '再生铝',
    'Aluminium, recycled',
    'metal',
    'kg',
    0.8,
    SRC.aluRecycled,
    2022,
    'judgement',
    P.materialFar,
  ),
  f(
    'copper',
    '铜（阴极铜）',
    'Copper cathode',
    'metal',
    'kg',
    4,
    SRC.copper,
    2023,
    'judgement',
    P.materialFar,
  ),
  f(
    'pp',
    '聚丙烯 PP',
    'Polypropylene (PP)',
    'plastic',
    'kg',
    1.8,
    SRC.plastics,
    2014,
    'judgement',
    P.materialFar,
  ),
  f(
    'pe',
    '聚乙烯 PE',
    'Polyethylene (PE)',
    'plastic',
    'kg',
    1.9,
    SRC.plastics,
    2014,
    'judgement',
    P.materialFar,
  ),
  f(
    'pet',
    '聚酯 PET（瓶级）',
    'PET, bottle grade',
    'plastic',
    'kg',
    2.4,
    SRC.plastics,
    2017,
    'judgement',
    P.materialFar,
  ),
  f('abs', 'ABS 塑料', 'ABS', 'plastic', 'kg', 3.6, SRC.plastics, 2015, 'judgement', P.materialFar),
  f('pvc', '聚氯乙烯 PVC', 'PVC', 'plastic', 'kg', 3, SRC.pvc, 2015, 'judgement', P.route),
  f(
    'glass',
    '玻璃（容器玻璃）',
    'Glass, container',
    'material',
    'kg',
    0.9,
    SRC.glass,
    2016,
    'judgement',
    P.materialFar,
  ),
  f(
    'corrugated_board',
    '纸及纸板（瓦楞纸箱）',
    'Paper and board, corrugated',
    'material',
    'kg',
    0.9,
    SRC.board,
    2018,
    'judgement',
    P.materialFar,
  ),
  f(
    'cement',
    '水泥（P·O 42.5）',
    'Cement, P·O 42.5',
    'material',
    'kg',
    0.6,
    SRC.cement,
    2018,
    'judgement',
    P.material,
  ),
  f(
    'caustic_soda',
    '烧碱（氢氧化钠）',
    'Sodium hydroxide',
    'chemical',
    'kg',
    1.3,
    SRC.chemicals,
    2020,
    'judgement',
    P.materialFar,
  ),
  f(
    'sulfuric_acid',
    '硫酸',
    'Sulfuric acid',
    'chemical',
    'kg',
    0.12,
    SRC.chemicals,
    2020,
    'judgement',
    P.materialFar,
  ),
  f(
    'methanol',
    '甲醇（煤制）',
    'Methanol, coal-based',
    'chemical',
    'kg',
    2.8,
    SRC.methanol,
    2020,
    'judgement',
    P.material,
  ),
  f(
    'pcb_bare',
    '印制电路板（FR-4 裸板）',
    'Printed circuit board, bare FR-4',
    'electronics',
    'kg',
    25,
    SRC.electronics,
    2020,
    'judgement',
    P.electronics,
  ),
  f(
    'integrated_circuit',
    '集成电路（小封装）',
    'Integrated circuit, small package',
    'electronics',
    'piece',
    0.4,
    SRC.electronics,
    2020,
    'judgement',
    P.electronics,
  ),
  f(
    'passive_component',
    '无源元件（电阻、电容）',
    'Passive component (resistor, capacitor)',
    'electronics',
    'piece',
    0.004,
    SRC.electronics,
    2020,
    'judgement',
    P.electronics,
  ),
  f(
    'solder',
    '无铅焊料（SnAgCu）',
    'Lead-free solder (SnAgCu)',
    'electronics',
    'kg',
    17,
    SRC.electronics,
    2020,
    'judgement',
    P.electronics,
  ),
  ...gridFactors(),
  f(
    'electricity_solar',
    '光伏电力（生命周期）',
    'Solar PV electricity, life cycle',
    'energy',
    'MWh',
    48,
    SRC.ipcc,
    2014,
    'published',
    P.ipcc,
  ),
  f(
    'electricity_wind',
    '风电（生命周期）',
    'Onshore wind electricity, life cycle',
    'energy',
    'MWh',
    11,
    SRC.ipcc,
    2014,
    'published',
    P.ipcc,
  ),
  ...fuelFactors(),
  f(
    'road_freight',
    '公路货运（重型货车）',
    'Road freight, heavy truck',
    'freight',
    'tkm',
    0.08,
    SRC.freight,
    2023,
    'judgement',
    P.freight,
  ),
  f(
    'rail_freight',
    '铁路货运',
    'Rail freight',
    'freight',
    'tkm',
    0.012,
    SRC.freight,
    2023,
    'judgement',
    P.freight,
  ),
  f(
    'sea_freight',
    '海运（集装箱船）',
    'Sea freight, container ship',
    'freight',
    'tkm',
    0.008,
    SRC.freight,
    2023,
    'judgement',
    P.freight,
  ),
  f(
    'incineration_pp_pe',
    '焚烧：PP/PE 废塑料',
    'Incineration, PP/PE waste',
    'end_of_life',
    'kg',
    (36 / 42) * (44 / 12),
    SRC.incineration,
    2006,
    'derived',
    P.derived,
  ),
  f(
    'incineration_pet',
    '焚烧：PET 废塑料',
    'Incineration, PET waste',
    'end_of_life',
    'kg',
    (120 / 192) * (44 / 12),
    SRC.incineration,
    2006,
    'derived',
    P.derived,
  ),
];

/** A user factor (CLI `--factors`, or entered on the page). */
export interface UserFactorInput {
  id: string;
  unit: string;
  kgco2e_per_unit: number;
  /** exp(σ); when absent, the default pedigree for user factors applies. */
  gsd?: number;
  zh?: string;
  en?: string;
  source?: string;
  year?: number;
}

/**
 * Pedigree given to a user factor stated without its uncertainty: scores 4 throughout (a qualified
 * estimate, representativeness unknown). This project's judgement, so a footprint never looks more
 * certain than its least documented factor.
 */
const USER_DEFAULT_PEDIGREE: PedigreeScores = [4, 4, 4, 4, 4];

export function userFactor(u: UserFactorInput): FootprintFactor {
  return {
    id: u.id,
    zh: u.zh ?? u.id,
    en: u.en ?? u.id,
    category: 'material',
    unit: u.unit,
    kgco2e_per_unit: u.kgco2e_per_unit,
    source: u.source ?? 'user',
    year: u.year ?? 0,
    basis: 'user',
    pedigree: u.gsd === undefined ? USER_DEFAULT_PEDIGREE : null,
    gsd: u.gsd ?? pedigreeGsd(USER_DEFAULT_PEDIGREE, BASIC_VARIANCE.emission),
  };
}

const key = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** Factors by id; user factors replace library factors of the same id. Names match too. */
export class FootprintFactors {
  readonly #byKey = new Map<string, FootprintFactor>();
  constructor(readonly list: readonly FootprintFactor[]) {
    for (const x of list)
      for (const k of [x.zh, x.en]) if (!this.#byKey.has(key(k))) this.#byKey.set(key(k), x);
    for (const x of list) this.#byKey.set(key(x.id), x);
  }

  static standard(): FootprintFactors {
    return new FootprintFactors(FACTORS);
  }

  withUser(user: readonly FootprintFactor[]): FootprintFactors {
    const ids = new Set(user.map((u) => u.id));
    return new FootprintFactors([...user, ...this.list.filter((x) => !ids.has(x.id))]);
  }

  find(idOrName: string): FootprintFactor | undefined {
    return this.#byKey.get(key(idOrName));
  }
}
