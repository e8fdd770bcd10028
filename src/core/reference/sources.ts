/**
 * The documents reference values come from, one place. Each entry is spread into a reference row as
 * `source` (citation text) and `source_year` (the year the document was issued).
 */
export interface SourceRef {
  readonly source: string;
  readonly source_year: number;
}

const ref = (source: string, source_year: number): SourceRef => ({ source, source_year });

const GBT2589 = 'GB/T 2589-2020《综合能耗计算通则》附录A 各种能源折标准煤参考系数';
const NDRC_OTHER =
  '国家发展改革委《工业其他行业企业温室气体排放核算方法与报告指南（试行）》（发改办气候〔2015〕1722号）';
const MEE_GRID = '生态环境部、国家统计局';

export const S = {
  gbt2589: ref(GBT2589, 2020),
  gbt2589Gas: ref(
    `${GBT2589}: 天然气 1.1000–1.3300 kgce/m3; 按 CO2 排放因子所用的同一低位发热量折算: 389.31 GJ/10^4 Nm3 (38 931 kJ/m3, ${NDRC_OTHER} 附录二; 即 GB/T 2589-2008 油田天然气, 印作 1.3300 kgce/m3) ÷ 29.3076 GJ/tce = 1.3284 kgce/m3 = 13.284 tce/10^4 m3 (合 1.628 tCO2/tce); 不取统计实务常用的 1.2143 kgce/m3 (35 544 kJ/m3, 气田天然气), 它与 389.31 GJ 搭配会使每吨标煤的 CO2 高约 9 %`,
    2020,
  ),
  gbt2589Electricity: ref(`${GBT2589}: 电力（当量值）3 600 kJ/kWh = 0.1229 kgce/kWh`, 2020),
  gbt2589Heat: ref(`${GBT2589}: 热力（当量值）0.03412 kgce/MJ`, 2020),
  gbt2589Kgce: ref('GB/T 2589-2020 §3: 1 kgce = 29 307.6 kJ (7 000 kcal)', 2020),
  cec2020: ref(
    '中国电力企业联合会《中国电力行业年度发展报告2021》: 2020年全国6000千瓦及以上火电厂平均供电标准煤耗 305.5 gce/kWh（等价值按供电煤耗取值：每供出 1 kWh 消耗的标准煤，含厂用电，比发电煤耗约高 6 %）',
    2021,
  ),
  cec2022: ref(
    '中国电力企业联合会《中国电力行业年度发展报告2023》: 2022年全国6000千瓦及以上火电厂平均供电标准煤耗 300.7 gce/kWh（等价值按供电煤耗取值：每供出 1 kWh 消耗的标准煤，含厂用电，比发电煤耗约高 6 %）',
    2023,
  ),
  ndrcOther: ref(`${NDRC_OTHER} 附录二 常见化石燃料特性参数缺省值`, 2015),
  rawCoal: ref(
    'NCV: GB/T 2589-2020 附录A 原煤 20 908 kJ/kg; 单位热值含碳量 26.37 tC/TJ、碳氧化率 94%: 《省级温室气体清单编制指南（试行）》（国家发展改革委应对气候变化司, 2011）能源活动部分原煤的缺省值——行业企业核算指南按煤种（无烟煤、烟煤、褐煤）列值，不列“原煤”（合 1.9003 tCO2/t）',
    2015,
  ),
  ipccWood: ref(
    'IPCC 2006 Guidelines Vol. 2 Ch. 1: Table 1.2 NCV 15.6 TJ/Gg, Table 1.3 carbon content 30.5 kg C/GJ (wood/wood waste); oxidation factor 1',
    2006,
  ),
  ipccWoodTce: ref(
    'IPCC 2006 Vol. 2 Table 1.2 NCV 15.6 GJ/t (wood/wood waste) ÷ 29.3076 GJ/tce (GB/T 2589-2020 definition of kgce)',
    2020,
  ),
  heat011: ref(
    `${NDRC_OTHER}: 热力（蒸汽、热水）排放因子推荐值 0.11 tCO2/GJ; 购入/输出热力按 GB/T 32150-2015 计入/扣减`,
    2015,
  ),
  gbt32150Process: ref(
    'GB/T 32150-2015《工业企业温室气体排放核算和报告通则》: 工业生产过程排放, 活动数据直接以 t CO2 报告',
    2015,
  ),
  pvZero: ref('自发自用光伏电: 无燃烧, 排放为零 (GB/T 32150-2015 核算边界); 用能按所选电力折标方法计', 2015),
  grid2021: ref(
    `${MEE_GRID}《关于发布2021年电力二氧化碳排放因子的公告》（公告2024年第12号, 2024-04-12）`,
    2024,
  ),
  grid2022: ref(`${MEE_GRID}《关于发布2022年电力二氧化碳排放因子的公告》（2024-12-20）`, 2024),
  grid2023: ref(`${MEE_GRID}《关于发布2023年电力二氧化碳排放因子的公告》（见报 2026-01）`, 2026),
  market2021: ref(
    '生态环境部办公厅《关于做好2022年企业温室气体排放报告管理相关重点工作的通知》(2022): 全国电网排放因子 0.5810 tCO2/MWh',
    2022,
  ),
  market2022: ref(
    '生态环境部办公厅《关于做好2023—2025年发电行业企业温室气体排放报告管理有关工作的通知》（环办气候函〔2023〕43号）: 全国电网排放因子 0.5703 tCO2/MWh',
    2023,
  ),
  gasolineDensity: ref(
    '典型值, 位于 GB 17930-2016《车用汽油》20 °C 密度限值 720–775 kg/m3 之内; 统计换算常用 0.73 kg/L',
    2016,
  ),
  dieselDensity: ref(
    '典型值, 位于 GB 19147-2016《车用柴油》20 °C 密度限值之内; 统计换算常用 0.84 kg/L',
    2016,
  ),
  units: ref('GB 3100-1993 国际单位制及其应用; GB/T 2589-2020 (1 kgce = 29 307.6 kJ)', 2020),
} as const satisfies Record<string, SourceRef>;
