/**
 * Default distributions of the uncertain drivers, used wherever a scenario omits a driver. Each
 * carries its source; docs/model.md explains the reasoning. Ranges that are our judgement (not a
 * number quoted from the source) say so.
 */
import type { DistInput } from './distribution';

export interface SourcedDefault<T> {
  value: T;
  source: string;
}

/** Published national grid emission factor for 2023, tCO2/MWh (MEE/NBS). */
const GRID_FACTOR_2023 = 0.5306;

export const DEFAULT_DRIVERS = {
  output_growth: {
    value: {
      to2030: { dist: 'normal', mean: 0.05, sd: 0.02, min: -0.1, max: 0.2 },
      to2040: { dist: 'normal', mean: 0.035, sd: 0.015, min: -0.1, max: 0.15 },
      to2060: { dist: 'normal', mean: 0.02, sd: 0.01, min: -0.1, max: 0.1 },
    } satisfies Record<'to2030' | 'to2040' | 'to2060', DistInput>,
    source:
      'Real output growth per year. Doubling GDP per capita 2020–2035 (the 2035 vision of the 14th Five-Year Plan ' +
      'outline) needs ≈4.7 %/yr over the period; with ≈5.4 %/yr achieved in 2021–2024 it needs ≈4.3–4.5 %/yr from ' +
      '2025, plus about 0.5 pt for national-level development zones (≈5 % to 2030), slowing as in ' +
      'long-term studies (Tsinghua ICCSD 2020: ≈3 %/yr in the 2040s, ≈2 % after). Spread: our judgement.',
  },
  output_growth_persistence: {
    value: 0.5,
    source:
      'Rank correlation of a sector’s growth between consecutive periods (to 2030 → 2031–40 → after 2040; ' +
      'two periods apart: its square): a sector that grows fast tends to keep growing fast (industry life ' +
      'cycles, capital already committed). Size: our judgement. Combined with the cross-sector correlation ' +
      'of each period as a Kronecker product, which keeps the matrix positive definite. Growth and intensity ' +
      'decline are left uncorrelated: the evidence on their link at sector level is mixed, and a scenario can ' +
      'add one in `correlations`.',
  },
  intensity_improvement: {
    value: { dist: 'normal', mean: 0.02, sd: 0.008, min: -0.02, max: 0.08 } satisfies DistInput,
    source:
      'Autonomous decline of energy use per unit of output, per year, without new policy. The 14th FYP target ' +
      '(−13.5 % energy per unit GDP 2020–2025, ≈2.9 %/yr) lagged in 2021–2024 (NDRC report to the NPC, ' +
      'March 2025), so the BAU centre is set lower at 2 %/yr. Spread: our judgement.',
  },
  electricity_drift: {
    value: { dist: 'normal', mean: 0.005, sd: 0.005, min: -0.02, max: 0.03 } satisfies DistInput,
    source:
      'Extra growth of electricity use per unit of output relative to other energy (automation, data, process ' +
      'electrification without policy). China Electricity Council statistics show electricity use growing faster ' +
      'than GDP in 2021–2024 (elasticity > 1). Size: our judgement.',
  },
  grid_factor: {
    value: {
      base: GRID_FACTOR_2023,
      y2030: { dist: 'triangular', min: 0.4, mode: 0.44, max: 0.49 },
      y2045: { dist: 'triangular', min: 0.12, mode: 0.22, max: 0.32 },
      y2060: { dist: 'triangular', min: 0, mode: 0.04, max: 0.12 },
    },
    source:
      "National grid average factor, tCO2/MWh, starting from `base` in the data's base year. 2023: 0.5306 (MEE/NBS). 2030: the 2021–2023 published values " +
      '(0.5568, 0.5366, 0.5306) fall 1–2 %/yr; non-fossil capacity additions since 2023 suggest 2–3.5 %/yr to ' +
      '2030. 2060: near-zero power sector in carbon-neutrality pathways (Tsinghua ICCSD 2020; IEA 2021 ' +
      '"An Energy Sector Roadmap to Carbon Neutrality in China", APS). 2045: between. Ranges: our reading.',
  },
  pv_yield: {
    value: { dist: 'triangular', min: 900, mode: 1050, max: 1250 } satisfies DistInput,
    source:
      'Rooftop PV yield, kWh per kW per year. National solar utilisation ≈1,300 h (2022–2023, utility plants in ' +
      'the sunny north-west included; NEA/CEC statistics); distributed rooftop arrays in the eastern provinces, ' +
      'where most national-level parks are, typically yield ≈1,000–1,050 h. Mode 1,050 and range: our reading.',
  },
  sink_uptake: {
    value: {
      green_space: { dist: 'triangular', min: 0, mode: 3, max: 6 },
      wetland: { dist: 'triangular', min: -2, mode: 0.9, max: 5 },
    } satisfies Record<'green_space' | 'wetland', DistInput>,
    source:
      'Net uptake, tCO2(e) per ha per year. Green space, for the lawn-heavy green of an industrial park: trees ' +
      'take up 0.28 kgC per m² of tree cover per year (= 10.3 tCO2/ha of canopy; Nowak et al. 2013, Environ. ' +
      'Pollut. 178:229–236, 28 US cities), while maintained ornamental lawn is about neutral once mowing fuel and ' +
      'fertiliser N2O are counted (−1.1 to +2.9 tCO2e/ha/yr net emission; Townsend-Small & Czimczik 2010, ' +
      'Geophys. Res. Lett. 37:L02707, with its 2010 correction). With a fifth to a half of the area under ' +
      'canopy that gives about 0–6; mode 3 for a third under canopy and lawn mid-range. The 7.9 tCO2/ha of urban ' +
      'green space in 35 Chinese cities (Chen 2015, Cities 44:112–120) is for greener, tree-rich space. ' +
      'Wetland, net of its methane: carbon burial in freshwater marsh soils 196.7 gC/m²/yr (= 7.2 tCO2/ha) in a ' +
      'meta-analysis of 473 wetland cores no older than 300 years (global mean 185.2 gC/m²/yr; NSFC U19A2042) ' +
      'is long-term soil burial, not net uptake; freshwater marshes also emit CH4: the IPCC default for ' +
      'created or rewetted temperate wetlands on mineral soils is 235 kg CH4/ha/yr (boreal 76; 2013 Wetlands ' +
      'Supplement, ch. 5, Table 5.4), 6.3 tCO2e at GWP100 = 27 (IPCC AR6 WG1 Table 7.15, non-fossil CH4). Mode ' +
      '0.9 = 7.2 − 6.3; max 5 = 7.2 − the boreal 2.1 (a low-methane marsh); min −2 = the 118 gC/m²/yr global ' +
      'average net carbon retention of wetlands (4.3 tCO2/ha; Mitsch et al. 2013, Landsc. Ecol. 28:583–597) − ' +
      '6.3: a marsh can be a net source at 100 years, as Bridgham et al. 2006 (Wetlands 26:889–916) found for ' +
      'North American freshwater wetlands. Canopy shares and the triangle shapes: our judgement.',
  },
  inventory: {
    value: {
      activity: { dist: 'normal', mean: 1, sd: 0.02, min: 0.92, max: 1.08 },
      factors: { dist: 'normal', mean: 1, sd: 0.02, min: 0.92, max: 1.08 },
    } satisfies Record<'activity' | 'factors', DistInput>,
    source:
      'Uncertainty of the base-year inventory, as multipliers on the whole park, the same in every year of a run ' +
      '(a systematic error of the statistics and factors, not noise from year to year). `activity`: energy and ' +
      'activity data of enterprises reporting to energy statistics, ±4 % at 95 % (IPCC 2006 Guidelines, Vol. 2 ' +
      'ch. 2 §2.4: 2–5 % for well-developed energy statistics); it scales emissions and energy. `factors`: emission ' +
      'factors, ±4 % at 95 % (IPCC 2006 default CO2 factors: natural gas −3/+4 %, bituminous coal ±5 %, Vol. 2 ' +
      'Table 1.4); it scales emissions — applied to the whole total as a simplification (the published grid ' +
      'factor is an accounting convention whose path is uncertain through the grid driver). The sd values: our reading.',
  },
  chp_efficiency: {
    value: {
      gain: { dist: 'triangular', min: 0, mode: 0.002, max: 0.005 },
      max: { dist: 'triangular', min: 0.85, mode: 0.88, max: 0.92 },
    } satisfies Record<'gain' | 'max', DistInput>,
    source:
      'Total efficiency of the park CHP plant, (heat + electricity out) / fuel in (net calorific value). `gain`: ' +
      'relative improvement per year from retrofits and better part-load operation, 0–0.5 %/yr (our judgement). ' +
      '`max`: the ceiling it can approach. Gas-fired back-pressure and extraction CHP reach about 80–90 % ' +
      '(US EPA CHP Partnership, Catalog of CHP Technologies, 2017: 66–80 % on a higher-heating-value basis, i.e. ' +
      'about 73–89 % on net calorific value); the range is our reading. A plant already above the ceiling keeps ' +
      'its base-year efficiency.',
  },
} as const;

/** Default parameters of levers that a scenario may omit. */
export const LEVER_DEFAULTS = {
  gas_per_coal_tce: {
    value: 0.87,
    source:
      'tce of gas replacing 1 tce of coal for the same useful heat: boiler efficiency ≈0.80 coal vs ≈0.92 gas (GB 24500-2020 grades).',
  },
  boiler_efficiency: {
    value: 0.85,
    source:
      'Useful heat per unit of fuel energy in the fossil boilers being replaced (GB 24500-2020 grades, mix).',
  },
  electrification_carriers: {
    value: ['raw_coal', 'natural_gas', 'fuel_oil', 'lpg', 'heat', 'heat_in_park'],
    source: 'Fossil heat: boiler fuels and steam; transport fuels (diesel, gasoline) are not heat.',
  },
  electrification_cop: {
    value: { dist: 'triangular', min: 1.5, mode: 2.2, max: 3 } satisfies DistInput,
    source:
      'Useful heat per unit of electricity of the equipment replacing fossil heat: a mix of electric boilers ' +
      '(about 1) and industrial heat pumps (about 2.5–4 for low-temperature process heat). The mix: our judgement.',
  },
  chp_cop: {
    value: { dist: 'triangular', min: 1, mode: 1.5, max: 2.5 } satisfies DistInput,
    source:
      'Steam delivered per unit of electricity by what replaces a retired CHP plant: electric steam boilers (about 1) ' +
      'and steam-generating heat pumps (about 1.5–2.5 at 120–150 °C supply; IEA 2022, The Future of Heat Pumps). ' +
      'The mix: our judgement.',
  },
  chp_biomass_efficiency: {
    value: { dist: 'triangular', min: 0.75, mode: 0.82, max: 0.88 } satisfies DistInput,
    source:
      'Steam out per unit of biomass fuel energy (net calorific value) of biomass steam boilers replacing a retired ' +
      'CHP plant. Our judgement from manufacturers’ figures for grate and fluidised-bed boilers.',
  },
  pv_delivery: {
    value: { dist: 'triangular', min: 0.6, mode: 0.85, max: 1 } satisfies DistInput,
    source:
      'Share of planned rooftop-PV capacity actually built (roof condition, ownership, grid connection). Our judgement.',
  },
  offset_cap_share: {
    value: 0.05,
    source:
      'CCER use capped at 5 % of verified emissions in the national ETS (碳排放权交易管理办法(试行), 2020, art. 29).',
  },
} as const;
