/**
 * Neutrality-oriented: deep electrification of fossil heat and of the park's vehicles, large rooftop
 * PV, (near-)100 % green power, a stronger shift to high-value sectors, CCUS on the remaining CHP
 * plant and on process CO2 from 2035, more green space and wetland, and certified offsets for the
 * hard-to-abate residual (up to 15 % of the emissions after capture). Defined by its policy content,
 * each value sourced or labelled judgement (docs/model.md §4, "Presets"); what it achieves is an output:
 * what stays above zero in 2060 is the un-electrified heat (gas in boilers and in the CHP), the CO2 that
 * capture misses, and residual-mix electricity where green power falls short of 100 %.
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
    'Everything in the action plan, deeper and longer: +2 %/yr efficiency to 2040, 93 % (85–99 %) of fossil heat ' +
    'and of the vehicle fleet electrified by 2045, the CHP plant kept for the rest, 100 % green power by 2045 (at least 90 %), ' +
    'rooftop PV on 90 % of the unused factory roofs by 2050, CCUS capturing 85–95 % of the CHP plant and process CO2 ' +
    '(2035–2040), 50 % more green space and twice the wetland by 2040, certified offsets up to 15 % of the ' +
    'emissions after capture by 2045.',
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
      // Most fossil heat by 2045 (heat pumps, electric boilers and furnaces; what stays is high-temperature
      // heat, supplied by the CHP plant with CCUS). Park neutrality plans also electrify the enterprises'
      // vehicles (推进交通用能低碳化, 关于开展零碳园区建设的通知, 发改环资〔2025〕910号): diesel and gasoline
      // join the default carriers. Through this lever a vehicle's electricity is fuel energy × 0.85 / COP
      // ≈ 0.25–0.47 (mode 0.33), close to battery-electric vs diesel trucks (≈ 0.35–0.45).
      share: { dist: 'triangular', min: 0.85, mode: 0.93, max: 0.99 },
      cop: { dist: 'triangular', min: 1.8, mode: 2.6, max: 3.4 },
      carriers: ['raw_coal', 'natural_gas', 'fuel_oil', 'lpg', 'heat', 'heat_in_park', 'diesel', 'gasoline'],
      start_year: 2025,
      target_year: 2045,
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
      // All purchased electricity green by 2045 (green-power trading, green certificates, 绿电直连), at
      // least the ≥ 90 % clean-energy share the national zero-carbon park programme asks for (910号).
      share: { dist: 'triangular', min: 0.9, mode: 1, max: 1 },
      start_year: 2025,
      target_year: 2045,
    },
    ccus: {
      // Post-combustion capture on the CHP plant and capture of process CO2: 85–95 % of the CO2 processed
      // (IPCC 2005, Special Report on CO2 Capture and Storage), read as net of the energy penalty.
      targets: ['chp', 'process'],
      capture_rate: { dist: 'triangular', min: 0.85, mode: 0.9, max: 0.95 },
      start_year: 2035,
      target_year: 2040,
    },
    sinks: { extra_green_space_share: 0.5, extra_wetland_share: 1, start_year: 2025, target_year: 2040 },
    // Neutrality claims may use certified offsets (CCER, forestry) beyond the ETS's 5 % compliance cap,
    // for the hard-to-abate residual only (ISO 14068-1:2023: counterbalancing after reductions; it sets
    // no share): at most 15 % of the emissions after capture — the share is our judgement.
    offsets: { cap_share: 0.15, start_year: 2030, target_year: 2045 },
  },
  correlations: DEFAULT_CORRELATIONS,
} satisfies ScenarioInput;
