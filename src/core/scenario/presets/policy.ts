/**
 * A carbon-peak action plan of the kind parks adopted after the State Council's 2030年前碳达峰行动方案
 * (2021): efficiency, coal phase-out in boilers, rooftop PV, some electrification and green power,
 * a modest shift to higher-value sectors, CCER offsets within the ETS cap.
 */
import { LEVER_DEFAULTS } from '../defaults';
import type { ScenarioInput } from '../schema';
import { DEFAULT_CORRELATIONS, PRESET_ACCOUNTING, HEAVY_SECTORS, LIGHT_SECTORS } from './common';

export const POLICY = {
  schema_version: 1,
  id: 'policy',
  name_zh: '碳达峰行动方案情景',
  name_en: 'Carbon-peak action plan',
  dataset: 'sample',
  description:
    'Measures typical of park carbon-peak plans, each with delivery uncertainty: +1 %/yr efficiency to 2035, ' +
    'coal boilers switched to gas by 2030, rooftop PV on half the unused factory roofs by 2035, 20 % of fossil heat electrified by 2035, 20 % green ' +
    'power by 2030, 8 % of heavy-industry output shifted to high-value sectors by 2035, offsets within 5 %.',
  horizon: { start: 2024, end: 2060 },
  accounting: PRESET_ACCOUNTING,
  drivers: {},
  levers: {
    structural_shift: {
      from: HEAVY_SECTORS,
      to: LIGHT_SECTORS,
      share: { dist: 'triangular', min: 0.03, mode: 0.08, max: 0.12 },
      start_year: 2025,
      target_year: 2035,
    },
    extra_efficiency: {
      rate: { dist: 'normal', mean: 0.01, sd: 0.004, min: 0, max: 0.03 },
      start_year: 2025,
      target_year: 2035,
    },
    coal_to_gas: {
      share: { dist: 'triangular', min: 0.7, mode: 0.9, max: 1 },
      start_year: 2025,
      target_year: 2030,
    },
    electrification: {
      share: { dist: 'triangular', min: 0.1, mode: 0.2, max: 0.3 },
      cop: LEVER_DEFAULTS.electrification_cop.value,
      start_year: 2026,
      target_year: 2035,
    },
    rooftop_pv: {
      // Half the unused factory roofs by 2035: the 50 % PV coverage target for new factory roofs
      // (城乡建设领域碳达峰实施方案, MOHURD/NDRC 2022) reached on existing roofs a decade later.
      potential_share: [
        { year: 2025, share: 0.05 },
        { year: 2030, share: 0.3 },
        { year: 2035, share: 0.5 },
      ],
      delivery: LEVER_DEFAULTS.pv_delivery.value,
    },
    green_power: {
      share: { dist: 'triangular', min: 0.1, mode: 0.2, max: 0.3 },
      start_year: 2025,
      target_year: 2030,
    },
    sinks: { extra_green_space_share: 0.1, start_year: 2025, target_year: 2030 },
    offsets: { cap_share: 0.05, start_year: 2030, target_year: 2030 },
  },
  correlations: DEFAULT_CORRELATIONS,
} satisfies ScenarioInput;
