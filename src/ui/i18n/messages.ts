/**
 * UI text in Simplified Chinese and English. Keys are shared; `{name}` marks a parameter.
 * Each feature area keeps its messages in its own module; they are merged here.
 */
import * as accounting from './messages-accounting';
import * as pathways from './messages-pathways';
import * as footprint from './messages-footprint';
import * as embed from './messages-embed';
import * as importArea from './messages-import';
import * as workshop from './messages-workshop';
import * as pathwaysExport from './messages-pathways-export';
import * as dataView from './messages-data';
import * as parkFigures from './messages-park-figures';
import * as decisions from './messages-decisions';
import * as compare from './messages-compare';

const shellZh = {
  'app.title': '园区碳路径工作台',
  'app.subtitle': '国家级开发区碳排放核算与达峰、中和路径',
  'app.lang': 'English',
  'app.langTitle': '切换到英文',
  'app.privacy': '所有数据只在您的浏览器中处理，不会上传。',
  'nav.overview': '园区概览',
  'nav.data': '数据',
  'park.label': '数据集',
  'park.version': '版本 {version}',
  'park.synthetic': '合成数据',
  'park.switch': '切换数据集',
  'park.loading': '正在加载 {name}…',
  'park.dbStarting': '正在启动本地数据库（DuckDB-Wasm）…',
  'park.error': '数据集加载失败：{message}',
  'park.retry': '重试',
  'sector.unknown': '行业未注明',
  'page.loadFailed': '无法载入此页的代码：{message}。请检查网络后刷新页面。',
  'overview.heading': '园区概览',
  'overview.enterprises': '企业数',
  'overview.energy': '综合能耗 {year}',
  'overview.output': '工业总产值 {year}',
  'overview.intensity': '单位产值能耗 {year}',
  'overview.elecShare': '电能占终端能耗比重 {year}',
  'overview.emissions': '碳排放总量 {year}',
  'overview.emissionsNote': '范围一 + 范围二，扣除输出电力与输出园区外的热力（见核算页说明）',
  'overview.bySector': '各行业企业数',
  'overview.energyByCarrier': '分品种能源消费（当量值，万吨标准煤）',
  'overview.energyNote':
    '按 GB/T 2589-2020 折标系数换算（电力当量值 0.1229 kgce/kWh）；园区口径与碳盘查页一致：园区热电厂向园区内供应的蒸汽不重复计入，输出电力和输出园区外的热力记为负值。',
  'unit.tce': '吨标准煤',
  'unit.ktco2': '万吨CO₂',
  'unit.ktce': '万吨标准煤',
  'unit.yiCny': '亿元',
  'unit.tcePer10kCny': '吨标准煤/万元',
  'unit.count': '家',
  'data.heading': '数据',
  'data.tables': '数据表',
  'data.rows': '行数',
  'data.columns': '字段',
  'data.type': '类型',
  'data.preview': '预览：{table}',
  'data.page': '第 {page} / {pages} 页',
  'data.prev': '上一页',
  'data.next': '下一页',
  'data.console': 'SQL 控制台',
  'data.run': '运行 (Ctrl+Enter)',
  'data.running': '运行中…',
  'data.result': '{rows} 行，用时 {ms} 毫秒',
  'data.truncated': '仅显示前 {shown} 行',
  'data.error': '查询出错',
  'data.placeholder': '例如：SELECT sector, count(*) FROM enterprises GROUP BY sector',
  'common.loading': '加载中…',
  'common.noData': '无数据',
} as const;

const shellEn: Record<keyof typeof shellZh, string> = {
  'app.title': 'Park Carbon Workbench',
  'app.subtitle': 'Carbon accounting and peak/neutrality pathways for national-level development parks',
  'app.lang': '中文',
  'app.langTitle': 'Switch to Chinese',
  'app.privacy': 'All data is processed in your browser and never uploaded.',
  'nav.overview': 'Overview',
  'nav.data': 'Data',
  'park.label': 'Dataset',
  'park.version': 'version {version}',
  'park.synthetic': 'synthetic data',
  'park.switch': 'Switch dataset',
  'park.loading': 'Loading {name}…',
  'park.dbStarting': 'Starting the local database (DuckDB-Wasm)…',
  'park.error': 'Could not load the dataset: {message}',
  'park.retry': 'Retry',
  'sector.unknown': 'Sector not given',
  'page.loadFailed': "This page's code could not be loaded: {message}. Check the connection and reload.",
  'overview.heading': 'Park overview',
  'overview.enterprises': 'Enterprises',
  'overview.energy': 'Energy use {year}',
  'overview.output': 'Output value {year}',
  'overview.intensity': 'Energy per output {year}',
  'overview.elecShare': 'Electricity share of final energy {year}',
  'overview.emissions': 'CO₂ emissions {year}',
  'overview.emissionsNote':
    'Scope 1 + Scope 2, less exported electricity and heat leaving the park (see the inventory page)',
  'overview.bySector': 'Enterprises by sector',
  'overview.energyByCarrier': 'Energy use by carrier (calorific equivalent, 10⁴ tce)',
  'overview.energyNote':
    'Converted with GB/T 2589-2020 coefficients (electricity at the calorific equivalent 0.1229 kgce/kWh). Park boundary as on the inventory page: steam the park CHP sells inside the park is not counted twice; exported electricity and heat leaving the park count negative.',
  'unit.tce': 'tce',
  'unit.ktco2': '10⁴ tCO₂',
  'unit.ktce': '10⁴ tce',
  'unit.yiCny': '10⁸ CNY',
  'unit.tcePer10kCny': 'tce per 10⁴ CNY',
  'unit.count': '',
  'data.heading': 'Data',
  'data.tables': 'Tables',
  'data.rows': 'Rows',
  'data.columns': 'Columns',
  'data.type': 'Type',
  'data.preview': 'Preview: {table}',
  'data.page': 'Page {page} of {pages}',
  'data.prev': 'Previous',
  'data.next': 'Next',
  'data.console': 'SQL console',
  'data.run': 'Run (Ctrl+Enter)',
  'data.running': 'Running…',
  'data.result': '{rows} rows in {ms} ms',
  'data.truncated': 'Showing the first {shown} rows',
  'data.error': 'Query error',
  'data.placeholder': 'e.g. SELECT sector, count(*) FROM enterprises GROUP BY sector',
  'common.loading': 'Loading…',
  'common.noData': 'No data',
};

export const zh = {
  ...shellZh,
  ...accounting.zh,
  ...pathways.zh,
  ...embed.zh,
  ...footprint.zh,
  ...importArea.zh,
  ...workshop.zh,
  ...pathwaysExport.zh,
  ...dataView.zh,
  ...parkFigures.zh,
  ...decisions.zh,
  ...compare.zh,
};

export type MessageKey = keyof typeof zh;

export const en: Record<MessageKey, string> = {
  ...shellEn,
  ...accounting.en,
  ...pathways.en,
  ...embed.en,
  ...footprint.en,
  ...importArea.en,
  ...workshop.en,
  ...pathwaysExport.en,
  ...dataView.en,
  ...parkFigures.en,
  ...decisions.en,
  ...compare.en,
};
