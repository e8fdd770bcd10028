/**
 * Sectors of the sample parks, each with its GB/T 4754-2017 industry code (门类/大类).
 */
export interface SectorInfo {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** GB/T 4754-2017 division code (two digits) or section letter. */
  readonly gbt4754: string;
  /**
   * An energy-conversion plant (the park's combined heat-and-power plant): it sells steam and power to
   * the other sectors, so the scenario model drives it by their steam demand, not by its own growth.
   */
  readonly conversion?: boolean;
}

export const SECTORS = [
  { code: 'electronics', zh: '电子信息', en: 'Electronics', gbt4754: '39' },
  { code: 'chemicals', zh: '化工', en: 'Chemicals', gbt4754: '26' },
  { code: 'pharma', zh: '医药', en: 'Pharmaceuticals', gbt4754: '27' },
  { code: 'machinery', zh: '通用设备', en: 'Machinery', gbt4754: '34' },
  { code: 'auto_parts', zh: '汽车零部件', en: 'Automotive parts', gbt4754: '36' },
  { code: 'metal_products', zh: '金属制品', en: 'Metal products', gbt4754: '33' },
  { code: 'plastics', zh: '橡胶和塑料制品', en: 'Rubber & plastics', gbt4754: '29' },
  { code: 'textiles', zh: '纺织', en: 'Textiles', gbt4754: '17' },
  { code: 'food', zh: '食品制造', en: 'Food', gbt4754: '14' },
  { code: 'logistics', zh: '仓储物流', en: 'Logistics', gbt4754: '59' },
  { code: 'data_centre', zh: '数据中心', en: 'Data centres', gbt4754: '65' },
  { code: 'commercial', zh: '商业楼宇', en: 'Commercial buildings', gbt4754: '72' },
  { code: 'chp', zh: '热电联产', en: 'Gas-fired CHP', gbt4754: '44', conversion: true },
] as const satisfies readonly SectorInfo[];

export type SectorCode = (typeof SECTORS)[number]['code'];

const BY_CODE = new Map<string, SectorInfo>(SECTORS.map((s) => [s.code, s]));

/** Whether a sector is an energy-conversion plant (SectorInfo.conversion). */
export function isConversionSector(code: string): boolean {
  return BY_CODE.get(code)?.conversion === true;
}

/** Looks a sector up by code; undefined when unknown. */
export function sectorInfo(code: string): SectorInfo | undefined {
  return BY_CODE.get(code);
}
