/**
 * A small hand-made park and coefficient table for the scenario tests (numbers close to the real
 * factors, rounded; the real ones come from src/core/accounting at wiring time).
 */
import {
  baselineFromRows,
  type CarrierCoefficients,
  type ParkBaseline,
} from '../../../../src/core/scenario/baseline';
import { carrierInfo } from '../../../../src/core/carriers';
import { presetScenario } from '../../../../src/core/scenario/presets';
import { assertScenario } from '../../../../src/core/scenario/schema';

const K: Record<string, [tce: number, scope1: number, scope2: number, deduction: number]> = {
  raw_coal: [0.7143, 1.9, 0, 0],
  natural_gas: [12.143, 21.6, 0, 0],
  diesel: [1.4571, 3.1, 0, 0],
  biomass: [0.5, 0, 0, 0],
  electricity: [1.229, 0, 5.306, 0],
  green_electricity: [1.229, 0, 0, 0],
  pv_electricity: [1.229, 0, 0, 0],
  heat: [0.03412, 0, 0.11, 0],
  heat_in_park: [0.03412, 0, 0.11, 0],
  heat_export: [-0.03412, 0, 0, 0.11],
  electricity_export: [-1.229, 0, 0, 5.306],
  process_co2: [0, 1, 0, 0],
};

/** Hand coefficient table in the accounting engine's shape. */
export function handCoefficients(carrier: string): CarrierCoefficients {
  const info = carrierInfo(carrier);
  const k = K[carrier];
  if (!info || !k) throw new Error(`no hand coefficients for ${carrier}`);
  return {
    unit: info.unit,
    kind: info.kind,
    tcePerUnit: k[0],
    scope1Tco2PerUnit: k[1],
    scope2Tco2PerUnit: k[2],
    deductionTco2PerUnit: k[3],
    biogenicTco2PerUnit: 0,
  };
}

export const HAND_ROWS = [
  { sector: 'chemicals', carrier: 'raw_coal', amount: 2000 },
  { sector: 'chemicals', carrier: 'natural_gas', amount: 300 },
  { sector: 'chemicals', carrier: 'diesel', amount: 50 },
  { sector: 'chemicals', carrier: 'electricity', amount: 3000 },
  { sector: 'chemicals', carrier: 'heat_in_park', amount: 200000 },
  { sector: 'chemicals', carrier: 'process_co2', amount: 5000 },
  { sector: 'electronics', carrier: 'electricity', amount: 8000 },
  { sector: 'electronics', carrier: 'green_electricity', amount: 1000 },
  { sector: 'electronics', carrier: 'pv_electricity', amount: 300 },
  { sector: 'electronics', carrier: 'natural_gas', amount: 50 },
  { sector: 'electronics', carrier: 'heat_in_park', amount: 50000 },
  { sector: 'textiles', carrier: 'electricity', amount: 1500 },
  { sector: 'textiles', carrier: 'heat_in_park', amount: 80000 },
  { sector: 'textiles', carrier: 'heat', amount: 10000 },
  { sector: 'chp', carrier: 'natural_gas', amount: 1500 },
  { sector: 'chp', carrier: 'electricity', amount: 100 },
  { sector: 'chp', carrier: 'heat_export', amount: 360000 },
  { sector: 'chp', carrier: 'electricity_export', amount: 2000 },
];

export const HAND_OUTPUT = { chemicals: 300000, electronics: 800000, textiles: 100000, chp: 50000 };

export function handBaseline(): ParkBaseline {
  return baselineFromRows(HAND_ROWS, HAND_OUTPUT, handCoefficients, {
    datasetId: 'hand',
    year: 2024,
    greenSpaceHa: 120,
    wetlandHa: 30,
    history: { years: [2020], totalTco2: [90000], energyTce: [42000], outputValue: [1000000] },
  });
}

/** Every lever on, with sectors of the hand park, offsets capped in tonnes, sinks in hectares. */
export const ALL_LEVERS = assertScenario({
  ...presetScenario('ambitious'),
  id: 'all-levers',
  levers: {
    ...presetScenario('ambitious').levers,
    structural_shift: {
      from: ['chemicals', 'textiles'],
      to: ['electronics'],
      share: 0.2,
      start_year: 2026,
      target_year: 2035,
    },
    extra_efficiency: {
      rate: { dist: 'uniform', min: 0, max: 0.03 },
      sectors: ['chemicals', 'chp'],
      start_year: 2025,
      target_year: 2040,
    },
    coal_to_gas: { share: { dist: 'uniform', min: 0.5, max: 1 }, start_year: 2025, target_year: 2029 },
    rooftop_pv: {
      capacity_mw: [
        { year: 2026, mw: 5 },
        { year: 2040, mw: 40 },
      ],
      delivery: { dist: 'uniform', min: 0.5, max: 1 },
    },
    chp_strategy: {
      retire_share: { dist: 'uniform', min: 0.3, max: 0.8 },
      electric_share: 0.5,
      start_year: 2032,
      target_year: 2040,
    },
    sinks: { extra_green_space_ha: 50, extra_wetland_ha: 10, start_year: 2025, target_year: 2030 },
    offsets: { cap_share: 0.1, max_tco2: 2000, start_year: 2028, target_year: 2032 },
  },
});
