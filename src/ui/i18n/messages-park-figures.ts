/**
 * UI text of the park-wide figures: the territorial (production-based) total beside the net one, the
 * enterprises with a negative net total, the park-wide Scope 2 method and counts labelled with their year.
 */
export const zh = {
  'terr.heading': '{year} 年园区排放：属地口径与净排放口径',
  'terr.kpi.territorial': '属地（生产）口径排放 {year}',
  'terr.kpi.territorialTitle':
    '园区边界内所有企业的范围一之和（含热电厂燃料和工业过程），省级温室气体清单的口径',
  'terr.kpi.net': '净排放（消费口径）{year}',
  'terr.memo.heading': '备忘项：跨越园区边界的电力和热力',
  'terr.memo.what': '项目',
  'terr.memo.amount': '数量',
  'terr.memo.tco2': 'CO₂（吨）',
  'terr.memo.electricity_import': '＋ 外购电力（电网与绿电）',
  'terr.memo.heat_import': '＋ 从园区外购入的热力',
  'terr.memo.electricity_export': '− 输出电力',
  'terr.memo.heat_export': '− 输出到园区外的热力',
  'terr.memo.territorial': '属地口径排放（范围一之和）',
  'terr.memo.net': '＝ 净排放',
  'terr.note':
    '属地口径计入园区边界内实际排放的 CO₂，与省级清单一致；外购和输出的电力、热力作为备忘项列出，按当前核算设置的系数计价，不计入属地总量。两种口径之差正好是备忘项之和。生物质 CO₂ {bio} 吨单列，不计入任何总量。',
  'terr.negative.title': '{year} 年有 {n} 家企业的净排放为负值',
  'terr.negative.text':
    '负值来自输出电力按电网平均因子、输出热力按 0.11 tCO₂/GJ 扣减，扣减超过了企业自身排放，这是抵扣而不是吸收 CO₂。这些企业仍在排放，请看其范围一：',
  'terr.negative.item': '{name}：范围一 {s1} 吨，扣减 {ded} 吨，净排放 {total} 吨',
  'terr.computing': '正在计算属地口径…',
  's2.note': '范围二：{method}',
  's2.market': '市场法',
  's2.location': '基于位置法',
  's2.title': '全园区统一设置（园区概览、碳盘查与路径模拟的起点相同），可在碳盘查页的核算设置中切换',
  'count.enterprisesYear': '{year} 年在园企业',
  'count.ever': '数据期内曾在园的全部企业（园区概览只计当年有数据的企业）',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'terr.heading': 'Park emissions {year}: territorial and net',
  'terr.kpi.territorial': 'Territorial (production-based) {year}',
  'terr.kpi.territorialTitle':
    'Scope 1 of every enterprise inside the park boundary (fuel and process emissions, the CHP included): the basis of provincial greenhouse-gas inventories',
  'terr.kpi.net': 'Net total (consumption-based) {year}',
  'terr.memo.heading': 'Memo items: electricity and heat crossing the park boundary',
  'terr.memo.what': 'Item',
  'terr.memo.amount': 'Amount',
  'terr.memo.tco2': 'CO₂ (t)',
  'terr.memo.electricity_import': '+ Electricity bought (grid and green power)',
  'terr.memo.heat_import': '+ Heat bought from outside the park',
  'terr.memo.electricity_export': '− Electricity exported',
  'terr.memo.heat_export': '− Heat leaving the park',
  'terr.memo.territorial': 'Territorial total (Σ Scope 1)',
  'terr.memo.net': '= Net total',
  'terr.note':
    'The territorial total counts the CO₂ emitted inside the park boundary, as provincial inventories do; electricity and heat bought or exported are memo items, valued with the factors of the current settings, outside that total. The two totals differ by exactly the memo items. Biogenic CO₂ ({bio} t) is reported apart from both.',
  'terr.negative.title': '{n} enterprise(s) with a negative net total in {year}',
  'terr.negative.text':
    'The negative figure comes from deductions — exported power at the grid average, exported heat at 0.11 tCO₂/GJ — larger than its own emissions: a credit, not CO₂ removed. These enterprises still emit; read their Scope 1:',
  'terr.negative.item': '{name}: Scope 1 {s1} t, deductions {ded} t, net {total} t',
  'terr.computing': 'Computing the territorial total…',
  's2.note': 'Scope 2: {method}',
  's2.market': 'market-based',
  's2.location': 'location-based',
  's2.title':
    'One park-wide setting (the Overview, the inventory and the start of Pathways agree); change it in the accounting settings of the inventory page',
  'count.enterprisesYear': 'Enterprises in {year}',
  'count.ever':
    'every enterprise in the park in any year of the data (the Overview counts those with data in its year)',
};
