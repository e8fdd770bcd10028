/**
 * Steam bought by mass (吨) → heat (GJ). The heat counted is the steam's enthalpy above feed water at
 * 20 °C: GJ = t × (h − 83.74 kJ/kg) / 1000, the formula of the NDRC's enterprise GHG accounting
 * guidelines (e.g. 《中国化工生产企业温室气体排放核算方法与报告指南（试行）》, 2013, 蒸汽热量换算).
 * Enthalpies h are steam-table values (IAPWS-IF97, as printed in Çengel & Boles, Thermodynamics,
 * tables A-5 saturated water by pressure and A-6 superheated steam). Which grade a site buys is the
 * user's to say; the default (saturated at 1.0 MPa absolute) is judgement: the common grade of
 * industrial-park steam networks. A user may give their own GJ per tonne instead.
 */

export interface SteamGrade {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Specific enthalpy of the steam, kJ/kg. */
  readonly enthalpy_kj_per_kg: number;
}

/** Enthalpy of feed water at 20 °C, kJ/kg (NDRC guidelines' constant). */
const FEED_WATER_KJ_PER_KG = 83.74;

export const STEAM_SOURCE =
  'NDRC enterprise GHG guidelines (2013), steam heat = t × (h − 83.74 kJ/kg); h from IAPWS-IF97 steam tables';

export const STEAM_GRADES: readonly SteamGrade[] = [
  {
    code: 'low',
    zh: '低压饱和蒸汽（0.4 MPa）',
    en: 'low-pressure saturated (0.4 MPa)',
    enthalpy_kj_per_kg: 2738.1,
  },
  { code: 'medium', zh: '饱和蒸汽（1.0 MPa）', en: 'saturated (1.0 MPa)', enthalpy_kj_per_kg: 2777.1 },
  { code: 'high', zh: '饱和蒸汽（1.6 MPa）', en: 'saturated (1.6 MPa)', enthalpy_kj_per_kg: 2792.8 },
  {
    code: 'superheated',
    zh: '过热蒸汽（4.0 MPa，450 °C）',
    en: 'superheated (4.0 MPa, 450 °C)',
    enthalpy_kj_per_kg: 3331.2,
  },
];

export const DEFAULT_STEAM_GRADE = 'medium';

/** GJ of heat per tonne of steam of a grade. */
export function steamGjPerTonne(grade: SteamGrade): number {
  return (grade.enthalpy_kj_per_kg - FEED_WATER_KJ_PER_KG) / 1000;
}

export function steamGrade(code: string): SteamGrade | undefined {
  return STEAM_GRADES.find((g) => g.code === code);
}

/** The grade a carrier name hints at (低压蒸汽 → low, 过热蒸汽 → superheated), if any. */
export function gradeHint(name: string): string | undefined {
  if (/低压|low/i.test(name)) return 'low';
  if (/过热|superheat/i.test(name)) return 'superheated';
  if (/中压|次高压|高压|high/i.test(name)) return 'high';
  return undefined;
}
