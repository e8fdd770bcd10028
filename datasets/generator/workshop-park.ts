/**
 * The workshop park: 20 enterprises with round numbers that a trainer can add up by hand.
 * Every series is "value in 2015 + step per year" (integers), switched on or off by year.
 * The CHP's steam, power and gas are derived from its buyers and rounded (see buildWorkshopPark).
 */
import type { CarrierCode } from '../../src/core/carriers.ts';
import type { SectorCode } from '../../src/core/sectors.ts';
import { GAS_NCV_GJ_PER_10K_M3, GJ_PER_10K_KWH } from './coefficients.ts';
import { ParkAssembler, enterpriseId } from './park-builder.ts';
import type { ParkMeta, ParkTables } from './schema.ts';

export const WORKSHOP_META: ParkMeta = {
  id: 'workshop',
  name_zh: '江湾培训园区（虚构）',
  name_en: 'Jiangwan Training Park (synthetic)',
  version: '2026.11-1',
  description_zh:
    '供培训使用的虚构小园区：20家企业、整数数据，便于手算；含一座燃气热电联产电厂，2015–2024年。光伏自发自用电量按每千瓦峰值1000千瓦时计，自投运次年起计。',
  description_en:
    'A small synthetic park for training: 20 enterprises with round numbers that can be checked by hand, including a gas-fired CHP plant, 2015–2024. Rooftop PV yields 1,000 kWh per kWp from the year after commissioning.',
  years: [2015, 2024],
  green_space_ha: 60,
  wetland_ha: 12,
};

/** value(year) = first + step × (year − from), only in [from, until]; from defaults to the year of entry. */
type Series = readonly [first: number, step: number, from?: number, until?: number];
type Activity = readonly [CarrierCode, ...Series];

interface WorkshopEnterprise {
  zh: string;
  en: string;
  sector: SectorCode;
  zone: 'chem' | 'elec' | 'mixed';
  entry?: number;
  exit?: number;
  output: Series;
  vaRatio: number;
  employees: Series;
  product: readonly [name: string, unit: string, pricePerUnit: number];
  activity: readonly Activity[];
  pv?: readonly [year: number, kwp: number];
}

const ZONES = {
  chem: { label: '化工片区 Chemical area', lon: 121.05, lat: 31.86 },
  elec: { label: '电子片区 Electronics area', lon: 121.07, lat: 31.85 },
  mixed: { label: '综合片区 Mixed area', lon: 121.06, lat: 31.84 },
} as const;

// prettier-ignore
const ENTERPRISES: readonly WorkshopEnterprise[] = [
  { zh: '江湾热电有限公司', en: 'Jiangwan CHP Co., Ltd.', sector: 'chp', zone: 'chem',
    output: [0, 0], vaRatio: 0.2, employees: [80, 0], product: ['供热量 Steam supplied', 'GJ', 0], activity: [] },
  { zh: '东方化工有限公司', en: 'Dongfang Chemical Co., Ltd.', sector: 'chemicals', zone: 'chem',
    output: [50000, 2000], vaRatio: 0.2, employees: [400, 10], product: ['精细化学品 Fine chemicals', 't', 2],
    activity: [['electricity', 2000, 50], ['natural_gas', 300, 10], ['heat_in_park', 150000, 5000],
      ['process_co2', 5000, 0]] },
  { zh: '南风新材料有限公司', en: 'Nanfeng New Materials Co., Ltd.', sector: 'chemicals', zone: 'chem',
    output: [30000, 1000], vaRatio: 0.2, employees: [250, 0], product: ['合成树脂 Synthetic resins', 't', 1],
    // Coal boiler closed at the end of 2017; the CHP supplies the extra steam from 2018.
    activity: [['electricity', 1200, 40], ['natural_gas', 200, 0], ['raw_coal', 6000, 0, 2015, 2017],
      ['heat_in_park', 100000, 0], ['heat_in_park', 90000, 0, 2018]] },
  { zh: '长江涂料有限公司', en: 'Changjiang Coatings Co., Ltd.', sector: 'chemicals', zone: 'chem',
    output: [20000, 500], vaRatio: 0.25, employees: [150, 0], product: ['涂料 Coatings', 't', 1],
    activity: [['electricity', 800, 20], ['natural_gas', 400, 10], ['heat_in_park', 60000, 1000]] },
  { zh: '星光电子有限公司', en: 'Xingguang Electronics Co., Ltd.', sector: 'electronics', zone: 'elec',
    output: [200000, 20000], vaRatio: 0.2, employees: [2000, 100],
    product: ['电子元件 Electronic components', '10^4 pcs', 2],
    activity: [['electricity', 6000, 400], ['natural_gas', 100, 10], ['heat_in_park', 20000, 1000],
      ['green_electricity', 2000, 2000, 2022]], pv: [2018, 2000] },
  { zh: '明达微电子有限公司', en: 'Mingda Microelectronics Co., Ltd.', sector: 'electronics', zone: 'elec',
    output: [100000, 10000], vaRatio: 0.25, employees: [800, 50],
    product: ['集成电路 Integrated circuits', '10^4 pcs', 2],
    activity: [['electricity', 3000, 300], ['natural_gas', 50, 5]], pv: [2020, 1000] },
  { zh: '新光显示科技有限公司', en: 'Xinguang Display Technology Co., Ltd.', sector: 'electronics', zone: 'elec',
    output: [60000, 5000], vaRatio: 0.2, employees: [600, 20], product: ['显示模组 Display modules', '10^4 pcs', 5],
    activity: [['electricity', 2000, 100], ['heat_in_park', 10000, 500]] },
  { zh: '华芯电路有限公司', en: 'Huaxin Circuits Co., Ltd.', sector: 'electronics', zone: 'elec', entry: 2017,
    output: [40000, 4000], vaRatio: 0.2, employees: [300, 20],
    product: ['印制电路板 Printed circuit boards', 'm2', 0.1], activity: [['electricity', 1000, 100]] },
  { zh: '江湾重工有限公司', en: 'Jiangwan Heavy Industry Co., Ltd.', sector: 'machinery', zone: 'mixed',
    output: [50000, 3000], vaRatio: 0.25, employees: [500, 0],
    product: ['通用设备 General-purpose machinery', 'units', 10],
    activity: [['electricity', 2000, 100], ['natural_gas', 100, 0], ['diesel', 100, 0]], pv: [2019, 500] },
  { zh: '恒力泵业有限公司', en: 'Hengli Pumps Co., Ltd.', sector: 'machinery', zone: 'mixed',
    output: [30000, 2000], vaRatio: 0.25, employees: [300, 0], product: ['泵及阀门 Pumps and valves', '10^4 pcs', 250],
    activity: [['electricity', 1500, 50], ['natural_gas', 50, 0], ['diesel', 50, 0]] },
  { zh: '精工液压有限公司', en: 'Jinggong Hydraulics Co., Ltd.', sector: 'machinery', zone: 'mixed',
    output: [20000, 1000], vaRatio: 0.3, employees: [200, 0], product: ['液压件 Hydraulic parts', '10^4 pcs', 100],
    activity: [['electricity', 1000, 50], ['natural_gas', 40, 0], ['diesel', 40, 0]] },
  { zh: '锦绣印染有限公司', en: 'Jinxiu Dyeing & Finishing Co., Ltd.', sector: 'textiles', zone: 'chem',
    output: [15000, 0], vaRatio: 0.2, employees: [300, -10], product: ['印染布 Dyed fabric', '10^4 m', 15],
    activity: [['electricity', 1000, 0], ['heat_in_park', 80000, -2000]] },
  // Burned coal until 2018, bought steam from outside the park in 2019–2020, then closed.
  { zh: '永兴纺织有限公司', en: 'Yongxing Textile Co., Ltd.', sector: 'textiles', zone: 'mixed', exit: 2020,
    output: [10000, -500], vaRatio: 0.2, employees: [200, -10], product: ['化纤纱线 Synthetic yarn', 't', 2.5],
    activity: [['electricity', 600, 0], ['raw_coal', 3000, 0, 2015, 2018], ['natural_gas', 50, 0, 2015, 2018],
      ['heat', 60000, 0, 2019]] },
  { zh: '鲜乐食品有限公司', en: 'Xianle Food Co., Ltd.', sector: 'food', zone: 'mixed',
    output: [20000, 1000], vaRatio: 0.25, employees: [200, 0], product: ['乳制品 Dairy products', 't', 1],
    activity: [['electricity', 1000, 50], ['heat_in_park', 30000, 1000], ['biomass', 1000, 0], ['lpg', 20, 0]] },
  { zh: '田园饮料有限公司', en: 'Tianyuan Beverage Co., Ltd.', sector: 'food', zone: 'mixed',
    output: [10000, 500], vaRatio: 0.3, employees: [100, 0], product: ['饮料 Beverages', 't', 0.5],
    activity: [['electricity', 500, 20], ['natural_gas', 100, 5], ['lpg', 10, 0]] },
  { zh: '顺达物流有限公司', en: 'Shunda Logistics Co., Ltd.', sector: 'logistics', zone: 'mixed',
    output: [10000, 1000], vaRatio: 0.3, employees: [150, 10], product: ['货物吞吐量 Freight handled', '10^4 t', 250],
    activity: [['diesel', 2000, -100], ['gasoline', 200, 0], ['electricity', 200, 20]], pv: [2021, 300] },
  { zh: '通江运输有限公司', en: 'Tongjiang Transport Co., Ltd.', sector: 'logistics', zone: 'mixed',
    output: [5000, 500], vaRatio: 0.3, employees: [80, 0], product: ['货物吞吐量 Freight handled', '10^4 t', 250],
    activity: [['diesel', 1000, -50], ['gasoline', 100, 0], ['electricity', 100, 10]] },
  { zh: '江湾商务中心有限公司', en: 'Jiangwan Business Centre Co., Ltd.', sector: 'commercial', zone: 'mixed',
    output: [5000, 200], vaRatio: 0.5, employees: [100, 0],
    product: ['建筑面积 Floor area in operation', '10^4 m2', 1000],
    activity: [['electricity', 800, 20], ['natural_gas', 30, 0], ['lpg', 10, 0]] },
  { zh: '湾畔酒店管理有限公司', en: 'Wanpan Hotel Management Co., Ltd.', sector: 'commercial', zone: 'mixed',
    output: [3000, 100], vaRatio: 0.5, employees: [120, 0],
    product: ['建筑面积 Floor area in operation', '10^4 m2', 1000],
    activity: [['electricity', 400, 10], ['natural_gas', 20, 0], ['fuel_oil', 10, 0, 2015, 2016]] },
  { zh: '云湾数据科技有限公司', en: 'Yunwan Data Technology Co., Ltd.', sector: 'data_centre', zone: 'elec',
    entry: 2019, output: [4000, 1000], vaRatio: 0.5, employees: [30, 0],
    product: ['IT设备用电量 IT equipment electricity', 'MWh', 0.16],
    activity: [['electricity', 4000, 1000], ['green_electricity', 1000, 1000, 2022], ['diesel', 10, 0]] },
];

function at(s: Series, year: number, entry = 2015): number {
  const [first, step, from = entry, until = 2024] = s;
  return year < from || year > until ? 0 : first + step * (year - from);
}

/** Builds all five tables of the workshop park. */
export function buildWorkshopPark(): ParkTables {
  const park = new ParkAssembler();
  const ids = ENTERPRISES.map((_, i) => enterpriseId(i + 1));
  ENTERPRISES.forEach((e, i) => {
    const z = ZONES[e.zone];
    // Sites on a 500 m grid inside their area.
    const lon = z.lon + ((i % 4) - 1.5) * 0.005;
    const lat = z.lat + (Math.floor(i / 4) % 3) * 0.004;
    park.addEnterprise({
      id: ids[i],
      name_zh: e.zh,
      name_en: e.en,
      sector: e.sector,
      zone: z.label,
      lon,
      lat,
    });
    if (e.pv) park.addPv(ids[i], e.pv[0], e.pv[1]);
  });
  for (let year = 2015; year <= 2024; year++) {
    ENTERPRISES.forEach((e, i) => {
      if (year < (e.entry ?? 2015) || year > (e.exit ?? 2024) || e.sector === 'chp') return;
      const entry = e.entry ?? 2015;
      const output = at(e.output, year, entry);
      park.setEconomics(ids[i], year, {
        output,
        valueAdded: Math.round(output * e.vaRatio),
        employees: at(e.employees, year, entry),
      });
      for (const [carrier, ...series] of e.activity)
        park.addActivity(ids[i], year, carrier, at(series, year, entry));
      if (e.pv && year > e.pv[0]) park.addActivity(ids[i], year, 'pv_electricity', (e.pv[1] * 1000) / 1e4);
      const [name, unit, price] = e.product;
      park.addProduction(ids[i], year, name, Math.round(output / price), unit);
    });
    // CHP: steam sold = buyers + 3% network loss (to 1,000 GJ); power = 0.9 × steam less 4% own use
    // (to 100 × 10^4 kWh); gas at 80% overall efficiency (to 10 × 10^4 m3).
    const chp = ids[0];
    const bought = ids.reduce((s, id) => s + park.activity(id, year, 'heat_in_park'), 0);
    const heat = Math.round((bought * 1.03) / 1000) * 1000;
    const power = Math.round((((heat * 0.9) / GJ_PER_10K_KWH) * 0.96) / 100) * 100;
    const gas = Math.round((heat * 1.9) / 0.8 / GAS_NCV_GJ_PER_10K_M3 / 10) * 10;
    park.addActivity(chp, year, 'heat_export', heat);
    park.addActivity(chp, year, 'electricity_export', power);
    park.addActivity(chp, year, 'natural_gas', gas);
    park.addActivity(chp, year, 'electricity', 50); // start-up and standby power
    const output = Math.round((power * 0.45 + heat * 0.0075) / 10) * 10;
    park.setEconomics(chp, year, { output, valueAdded: Math.round(output * 0.2), employees: 80 });
    park.addProduction(chp, year, '供热量 Steam supplied', heat, 'GJ');
    park.addProduction(chp, year, '上网电量 Electricity to grid', power, '10^4 kWh');
  }
  return park.build();
}
