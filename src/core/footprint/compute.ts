/**
 * The deterministic footprint of a product and the per-line lognormals the Monte Carlo draws from.
 * Each line is quantity × factor: its median is the product of the medians, and its log-variance is
 * the factor's (from its gsd) plus the line's own (basic uncertainty of the kind of amount plus the
 * line's pedigree scores, Weidema et al. 2013), so every line carries uncertainty.
 */
import { InputError, type Problem } from '../errors';
import { UnitError } from '../units';
import { FootprintFactors, userFactor, type FootprintFactor } from './factors';
import { lineQuantity, type Boundary, type Product, type Stage } from './model';
import {
  BASIC_VARIANCE,
  BEST_PEDIGREE,
  parsePedigree,
  pedigreeVariance,
  type PedigreeScores,
} from './pedigree';
import { convertFootprintUnit, footprintUnitCode } from './units';

export interface PreparedLine {
  id: string;
  stage: Stage;
  input: string;
  factor: FootprintFactor;
  /** Quantity per functional unit in the line's unit. */
  quantity: number;
  unit: string;
  /** Quantity converted to the factor's unit. */
  amount: number;
  /** Median kg CO2e per functional unit (amount × factor). */
  kgco2e: number;
  /** Line's pedigree (the best scores when none was given). */
  pedigree: PedigreeScores;
  pedigreeGiven: boolean;
  /** σ of ln quantity (basic + pedigree) and σ of ln factor. */
  sigmaQ: number;
  sigmaF: number;
  /** False for end-of-life lines outside a cradle-to-gate boundary. */
  included: boolean;
}

export interface PreparedProduct {
  id: string;
  boundary: Boundary;
  lines: PreparedLine[];
  /** Sum of included lines' medians: the deterministic footprint per functional unit. */
  total: number;
}

/** ln(gsd) of a factor. */
const factorSigma = (x: FootprintFactor) => Math.log(x.gsd);

/** Where a product came from, for messages: a file and, for a BOM file, each line's row in it. */
export interface ProductOrigin {
  file: string;
  rows?: readonly number[];
}

/** Checks and prepares a product; throws an InputError naming each bad line and field. */
export function prepareProduct(
  product: Product,
  library = FootprintFactors.standard(),
  origin: ProductOrigin = { file: product.id },
): PreparedProduct {
  const file = origin.file;
  const lib = product.factors?.length ? library.withUser(product.factors.map(userFactor)) : library;
  const problems: Problem[] = [];
  const lines: PreparedLine[] = [];
  const ids = new Set<string>();
  product.lines.forEach((line, i) => {
    const row = origin.rows?.[i];
    const at = (field: string, reason: string) =>
      problems.push(
        row === undefined
          ? { file, field: `lines[${i}].${field}`, reason }
          : { file, row, column: field, reason },
      );
    if (ids.has(line.id)) at('id', `line id "${line.id}" is used twice`);
    ids.add(line.id);
    const factor = lib.find(line.input);
    if (!factor) return at('input', `no factor "${line.input}" in the library or the user's factors`);
    const unit = line.freight ? 'tkm' : footprintUnitCode(line.unit);
    if (!unit) return at('unit', `unknown unit "${line.unit}"`);
    if (line.metered && !product.allocation)
      return at('metered', 'metered energy needs the product’s allocation (share and units per period)');
    const quantity = lineQuantity(line, product.allocation);
    if (!Number.isFinite(quantity) || quantity < 0)
      return at('quantity', `quantity must be a number ≥ 0, got ${quantity}`);
    let amount: number;
    try {
      amount = convertFootprintUnit(quantity, unit, factor.unit);
    } catch (e) {
      if (e instanceof UnitError)
        return at('unit', `${line.unit} does not convert to the factor's unit ${factor.unit} (${factor.id})`);
      throw e;
    }
    let pedigree = BEST_PEDIGREE;
    const given = (line.pedigree ?? '').trim() !== '';
    if (given) {
      const p = parsePedigree(line.pedigree!);
      if (!p) return at('pedigree', `"${line.pedigree}" is not five scores 1–5 (e.g. 12321)`);
      pedigree = p;
    }
    const basic = factor.unit === 'tkm' ? BASIC_VARIANCE.transport : BASIC_VARIANCE.demand;
    const included = line.stage !== 'end_of_life' || product.boundary === 'cradle_to_gate_eol';
    lines.push({
      id: line.id,
      stage: line.stage,
      input: line.input,
      factor,
      quantity,
      unit,
      amount,
      kgco2e: amount * factor.kgco2e_per_unit,
      pedigree,
      pedigreeGiven: given,
      sigmaQ: Math.sqrt(basic + pedigreeVariance(pedigree)),
      sigmaF: factorSigma(factor),
      included,
    });
  });
  if (product.allocation) {
    const a = product.allocation;
    if (!(a.share >= 0 && a.share <= 1))
      problems.push({ file, field: 'allocation.share', reason: `share must be 0–1, got ${a.share}` });
    if (!(a.units_per_period > 0))
      problems.push({
        file,
        field: 'allocation.units_per_period',
        reason: `units per period must be > 0, got ${a.units_per_period}`,
      });
  }
  if (problems.length > 0) throw new InputError(problems);
  const total = lines.reduce((s, l) => s + (l.included ? l.kgco2e : 0), 0);
  return { id: product.id, boundary: product.boundary, lines, total };
}

/** A line's σ of ln(kg CO2e): quantity and factor independent. */
export const lineSigma = (l: PreparedLine) => Math.hypot(l.sigmaQ, l.sigmaF);
