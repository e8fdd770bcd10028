/**
 * Helpers shared by the park builders: an activity accumulator that stamps canonical units from
 * carriers.ts, and the final assembly of sorted, rounded tables.
 */
import { carrierInfo, type CarrierCode } from '../../src/core/carriers.ts';
import { sectorInfo, type SectorCode } from '../../src/core/sectors.ts';
import {
  round,
  sortRows,
  type ActivityRow,
  type EconomicsRow,
  type EnterpriseRow,
  type ParkTables,
  type ProductionRow,
  type PvRow,
} from './schema.ts';

/** Decimals written for each kind of number (fixed, so the files are stable). */
export const DECIMALS = { amount: 3, money: 1, coord: 6, kwp: 1 } as const;

/** One enterprise as the builders describe it before rows are written. */
export interface EnterpriseSpec {
  id: string;
  name_zh: string;
  name_en: string;
  sector: SectorCode;
  zone: string;
  lon: number;
  lat: number;
}

export interface YearEconomics {
  output: number;
  valueAdded: number;
  employees: number;
}

/** Collects rows for one park and assembles its sorted tables. */
export class ParkAssembler {
  readonly #enterprises: EnterpriseSpec[] = [];
  readonly #economics = new Map<string, Map<number, YearEconomics>>();
  readonly #activity = new Map<string, number>();
  readonly #production = new Map<string, { quantity: number; unit: string }>();
  readonly #pv: PvRow[] = [];

  addEnterprise(spec: EnterpriseSpec): void {
    if (!sectorInfo(spec.sector)) throw new Error(`unknown sector ${spec.sector}`);
    this.#enterprises.push(spec);
    this.#economics.set(spec.id, new Map());
  }

  setEconomics(id: string, year: number, e: YearEconomics): void {
    const m = this.#economics.get(id);
    if (!m) throw new Error(`unknown enterprise ${id}`);
    m.set(year, e);
  }

  /** Adds an amount (canonical unit of the carrier) to the enterprise-year; amounts accumulate. */
  addActivity(id: string, year: number, carrier: CarrierCode, amount: number): void {
    if (!(amount > 0)) return;
    const key = `${id}|${year}|${carrier}`;
    this.#activity.set(key, (this.#activity.get(key) ?? 0) + amount);
  }

  /** The amount recorded so far (0 when none). */
  activity(id: string, year: number, carrier: CarrierCode): number {
    return this.#activity.get(`${id}|${year}|${carrier}`) ?? 0;
  }

  addProduction(id: string, year: number, product: string, quantity: number, unit: string): void {
    if (!(quantity > 0)) return;
    const key = `${id}|${year}|${product}`;
    const prev = this.#production.get(key);
    this.#production.set(key, { quantity: (prev?.quantity ?? 0) + quantity, unit });
  }

  addPv(id: string, commissionedYear: number, capacityKwp: number): void {
    this.#pv.push({
      enterprise_id: id,
      commissioned_year: commissionedYear,
      capacity_kwp: round(capacityKwp, DECIMALS.kwp),
    });
  }

  /** Rounds, sorts and returns the five tables. */
  build(): ParkTables {
    const economics: EconomicsRow[] = [];
    const enterprises: EnterpriseRow[] = [];
    for (const e of this.#enterprises) {
      const years = [...this.#economics.get(e.id)!.entries()].sort((a, b) => a[0] - b[0]);
      if (years.length === 0) throw new Error(`${e.id} has no economics`);
      for (const [year, v] of years) {
        economics.push({
          enterprise_id: e.id,
          year,
          output_value_10k_cny: round(v.output, DECIMALS.money),
          value_added_10k_cny: round(v.valueAdded, DECIMALS.money),
          employees: Math.round(v.employees),
        });
      }
      const last = years[years.length - 1][1];
      enterprises.push({
        enterprise_id: e.id,
        name_zh: e.name_zh,
        name_en: e.name_en,
        sector: e.sector,
        gbt4754: sectorInfo(e.sector)!.gbt4754,
        zone: e.zone,
        lon: round(e.lon, DECIMALS.coord),
        lat: round(e.lat, DECIMALS.coord),
        output_value_10k_cny: round(last.output, DECIMALS.money),
        value_added_10k_cny: round(last.valueAdded, DECIMALS.money),
        employees: Math.round(last.employees),
      });
    }
    const activity: ActivityRow[] = [];
    for (const [key, amount] of this.#activity) {
      const [id, year, carrier] = key.split('|');
      const info = carrierInfo(carrier);
      if (!info) throw new Error(`unknown carrier ${carrier}`);
      const rounded = round(amount, DECIMALS.amount);
      if (rounded <= 0) continue;
      activity.push({ enterprise_id: id, year: Number(year), carrier, amount: rounded, unit: info.unit });
    }
    const production: ProductionRow[] = [];
    for (const [key, v] of this.#production) {
      const [id, year, product] = key.split('|');
      const q = round(v.quantity, DECIMALS.amount);
      if (q > 0)
        production.push({ enterprise_id: id, year: Number(year), product, quantity: q, unit: v.unit });
    }
    return {
      enterprises: sortRows(enterprises, ['enterprise_id']),
      economics: sortRows(economics, ['enterprise_id', 'year']),
      activity: sortRows(activity, ['enterprise_id', 'year', 'carrier']),
      production: sortRows(production, ['enterprise_id', 'year', 'product']),
      pv_installations: sortRows(this.#pv, ['enterprise_id', 'commissioned_year', 'capacity_kwp']),
    };
  }
}

/** Enterprise ids: "E" + four digits. */
export function enterpriseId(n: number): string {
  return `E${String(n).padStart(4, '0')}`;
}
