/**
 * The planner's decisions that belong to a pathway besides its levers: the carbon price line and the
 * discount rate of the costs (costs.ts COST_SETTINGS), the park's own 15th Five-Year-Plan reductions and
 * its absolute caps (targets.ts). They go into the scenario document (`costs`, `targets`) and into the
 * share link as optional keys — a link without them (every link made before) opens with the sourced
 * defaults. Pure.
 */
import { COST_SETTINGS, withCostSettings, type CostsInput } from '../../../core/scenario/costs';
import type { TargetsInput } from '../../../core/scenario/targets';
import type { LinkNotice } from '../../embed/deep-link';

export type CapMetric = 'emissions_cap' | 'energy_cap';

export interface CapSetting {
  metric: CapMetric;
  year: number;
  /** tCO2 (emissions) or tce (energy less renewables). */
  max: number;
}

export interface DecisionSettings {
  /** CNY per tCO2: the line on the MACC and the P(below carbon price) of each lever. */
  carbonPrice: number;
  discountRate: number;
  /** The park's own 15th-plan reductions (fractions, 2030 against 2025); absent: the library's placeholder. */
  fyp15: { energy_intensity?: number; co2_intensity?: number };
  caps: CapSetting[];
}

/** Limits of the inputs, those of the scenario schema (costs.ts CostsSchema, targets.ts TargetsSchema). */
export const DECISION_LIMITS = {
  carbonPrice: { min: 0, max: 10_000 },
  discountRate: { min: 0, max: 0.3 },
  reduction: { min: -1, max: 1 },
  year: { min: 2000, max: 2100 },
  max: { min: 0, max: 1e10 },
} as const;

/** Most caps a scenario may carry (the link stays short). */
export const MAX_CAPS = 8;

export function defaultDecisions(): DecisionSettings {
  return {
    carbonPrice: COST_SETTINGS.carbon_price.value,
    discountRate: COST_SETTINGS.discount_rate.value,
    fyp15: {},
    caps: [],
  };
}

const within = (v: number, l: { min: number; max: number }) => Number.isFinite(v) && v >= l.min && v <= l.max;

/** A cap's id in the scenario document: metric and year (one cap per metric and year). */
export function capId(c: Pick<CapSetting, 'metric' | 'year'>): string {
  return `${c.metric === 'emissions_cap' ? 'cap_emissions' : 'cap_energy'}_${c.year}`;
}

/** The scenario with the decisions written in (`costs.carbon_price`, `costs.discount_rate`, `targets`). */
export function withDecisions<S extends { costs?: CostsInput; targets?: TargetsInput }>(
  scenario: S,
  d: DecisionSettings,
): S {
  const costed = withCostSettings(scenario, { carbonPrice: d.carbonPrice, discountRate: d.discountRate });
  const fyp15 = Object.keys(d.fyp15).length ? { fyp15: { ...d.fyp15 } } : {};
  const caps = d.caps.length
    ? { caps: d.caps.map((c) => ({ id: capId(c), metric: c.metric, year: c.year, max: c.max })) }
    : {};
  if (!fyp15.fyp15 && !caps.caps) return costed;
  return { ...costed, targets: { ...costed.targets, ...fyp15, ...caps } };
}

/** Link keys: carbon price, discount rate, 15th-plan energy and CO2 reductions, caps. */
export const DECISION_KEYS = ['cp', 'dr', 'f15e', 'f15c', 'caps'] as const;

const METRIC_CODE: Record<CapMetric, string> = { emissions_cap: 'e', energy_cap: 'n' };
const CAP = /^([en])(\d{4}):(\d+(?:\.\d+)?(?:e\d+)?)$/;

/** The link parameters of the decisions: price and rate always, the targets only when set. */
export function encodeDecisions(d: DecisionSettings): Record<string, string> {
  const out: Record<string, string> = { cp: String(d.carbonPrice), dr: String(d.discountRate) };
  if (d.fyp15.energy_intensity !== undefined) out.f15e = String(d.fyp15.energy_intensity);
  if (d.fyp15.co2_intensity !== undefined) out.f15c = String(d.fyp15.co2_intensity);
  if (d.caps.length) out.caps = d.caps.map((c) => `${METRIC_CODE[c.metric]}${c.year}:${c.max}`).join(',');
  return out;
}

/**
 * Reads the decisions a link holds (only what is present and valid), with a notice naming each field
 * that was dropped and why.
 */
export function decodeDecisions(params: Readonly<Record<string, string | undefined>>): {
  decisions: Partial<DecisionSettings>;
  notices: LinkNotice[];
} {
  const decisions: Partial<DecisionSettings> = {};
  const notices: LinkNotice[] = [];
  const number = (field: string, limits: { min: number; max: number }): number | undefined => {
    const text = params[field];
    if (text === undefined || text.trim() === '') return undefined;
    const v = Number(text);
    if (within(v, limits)) return v;
    notices.push({
      key: 'dec.link.bad',
      params: { field, value: text.slice(0, 40), min: limits.min, max: limits.max },
    });
    return undefined;
  };
  const cp = number('cp', DECISION_LIMITS.carbonPrice);
  if (cp !== undefined) decisions.carbonPrice = cp;
  const dr = number('dr', DECISION_LIMITS.discountRate);
  if (dr !== undefined) decisions.discountRate = dr;
  const e = number('f15e', DECISION_LIMITS.reduction);
  const c = number('f15c', DECISION_LIMITS.reduction);
  if (e !== undefined || c !== undefined)
    decisions.fyp15 = {
      ...(e === undefined ? {} : { energy_intensity: e }),
      ...(c === undefined ? {} : { co2_intensity: c }),
    };
  const capsText = params.caps;
  if (capsText !== undefined && capsText.trim() !== '') {
    const caps: CapSetting[] = [];
    for (const part of capsText.split(',')) {
      const m = CAP.exec(part.trim());
      const cap: CapSetting | null = m
        ? { metric: m[1] === 'e' ? 'emissions_cap' : 'energy_cap', year: Number(m[2]), max: Number(m[3]) }
        : null;
      const ok =
        cap &&
        within(cap.year, DECISION_LIMITS.year) &&
        within(cap.max, DECISION_LIMITS.max) &&
        !caps.some((x) => capId(x) === capId(cap)) &&
        caps.length < MAX_CAPS;
      if (ok) caps.push(cap);
      else notices.push({ key: 'dec.link.badCap', params: { field: 'caps', value: part.slice(0, 40) } });
    }
    if (caps.length) decisions.caps = caps;
  }
  return { decisions, notices };
}
