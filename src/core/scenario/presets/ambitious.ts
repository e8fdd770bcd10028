/**
 * Neutrality-oriented: deep electrification with heat pumps, large rooftop PV, mostly green power,
 * a stronger shift to high-value sectors, CCUS on the CHP plant and process emissions from 2035,
 * more green space and wetland, and certified offsets for the residual (up to 15 % of gross).
 */
import type { ScenarioInput } from '../schema';
import { DEFAULT_CORRELATIONS, PRESET_ACCOUNTING, HEAVY_SECTORS, LIGHT_SECTORS } from './common';

export const AMBITIOUS = {
  schema_version: 1,
  id: 'ambitious',
  name_zh: '碳中和导向情景',
  name_en: 'Neutrality-oriented',
  dataset: 'sample',
  description:
    'Everything in the action plan, deeper and longer: +2 %/yr efficiency to 2040, 85 % of fossil heat ' +
    'electrified by 2050, 70 % green power by 2040 (50–90 %), rooftop PV on 90 % of the unused factory roofs by 2050, CCUS on the CHP plant ' +
    'and process emissions (2035–2040), 50 % more green space and twice the wetland by 2040, certified ' +
    'offsets up to 15 % of gross emissions by 2045.',
  horizon: { start: 2024, end: 2060 },
  accounting: PRESET_ACCOUNTING,
  drivers: {},
  levers: {
    structural_shift: {
      from: HEAVY_SECTORS,
      to: LIGHT_SECTORS,
      share: { dist: 'triangular', min: 0.05, mode: 0.12, max: 0.2 },
      start_year: 2025,
      target_year: 2040,
    },
    extra_efficiency: {
      rate: { dist: 'normal', mean: 0.02, sd: 0.006, min: 0, max: 0.05 },
      start_year: 2025,
      target_year: 2040,
    },
    coal_to_gas: { share: 1, start_year: 2025, target_year: 2027 },
    electrification: {
      share: { dist: 'triangular', min: 0.7, mode: 0.85, max: 0.95 },
      cop: { dist: 'triangular', min: 1.8, mode: 2.6, max: 3.4 },
      start_year: 2025,
      target_year: 2050,
    },
    rooftop_pv: {
      // The 50 % coverage target of new factory roofs (城乡建设领域碳达峰实施方案, 2022) met on the
      // unused roofs by 2030, nearly all of them by 2050 (some roofs cannot carry panels).
      potential_share: [
        { year: 2025, share: 0.05 },
        { year: 2030, share: 0.5 },
        { year: 2040, share: 0.8 },
        { year: 2050, share: 0.9 },
      ],
      delivery: { dist: 'triangular', min: 0.7, mode: 0.9, max: 1 },
    },
    green_power: {
      share: { dist: 'triangular', min: 0.5, mode: 0.7, max: 0.9 },
      start_year: 2025,
      target_year: 2040,
    },
    ccus: {
      targets: ['chp', 'process'],
      capture_rate: { dist: 'triangular', min: 0.8, mode: 0.9, max: 0.95 },
      start_year: 2035,
      target_year: 2040,
    },
    sinks: { extra_green_space_share: 0.5, extra_wetland_share: 1, start_year: 2025, target_year: 2040 },
    // Neutrality claims may use certified offsets (CCER, forestry) beyond the ETS's 5 % compliance cap.
    offsets: { cap_share: 0.15, start_year: 2030, target_year: 2045 },
  },
  correlations: DEFAULT_CORRELATIONS,
} satisfies ScenarioInput;
