/** UI text of the Data view (SQL console, exports, stored data) and of notes about a park's missing tables. */
export const zh = {
  'dataView.safety':
    '园区数据表在控制台中只读；可在 scratch 模式中建自己的表（如 CREATE TABLE scratch.my_table AS SELECT …）。控制台不安装扩展、不读文件、不联网：数据不离开本浏览器。',
  'dataView.cancel': '取消',
  'dataView.streaming': '已读取 {rows} 行…',
  'dataView.more':
    '仅显示前 {shown} 行，结果还有更多行（未读取）。可加 LIMIT 或聚合，或存为 scratch 表后导出。',
  'dataView.done': '{statements} 条语句已执行，用时 {ms} 毫秒',
  'dataView.cancelled': '查询已取消。',
  'dataView.timeout': '已在 {s} 秒后停止（控制台的时间上限）。请先筛选或聚合，让查询更快。',
  'dataView.where': '第 {n} 条语句：',
  'dataView.refused.readonly':
    '{table} 是园区数据表，在控制台中只读（{verb} 未执行）。请在 scratch 模式中建自己的表，例如 CREATE TABLE scratch.my_table AS SELECT * FROM {table}。',
  'dataView.refused.extension':
    '控制台不安装或加载扩展（{target}）：工作台在浏览器中离线运行，不下载任何内容。所需功能均已内置；Parquet 导出在数据表旁的“导出”中。',
  'dataView.refused.external':
    '控制台只读取已加载的数据表，不访问文件、网址或其他数据库（{target}）。导入数据请用“导入数据”页面。',
  'dataView.refused.settings':
    '{verb} 会改变数据库设置或会话，控制台不执行。查看表结构可用 DESCRIBE 表名 或 SUMMARIZE 表名。',
  'dataView.refused.schema': '{verb} 未执行：控制台只有自己的 scratch 模式，请在其中建表。',
  'dataView.hint.simRuns':
    'sim_runs 保存最近一次模拟的结果，模拟之后才有：请先在“达峰与中和路径”页面运行一次模拟，再回到这里。',
  'dataView.hint.missingTable': '没有名为 {table} 的表。左侧列出了全部数据表（您自己的表为 scratch.表名）。',
  'dataView.hint.syntax': '请检查 DuckDB 指出位置附近的 SQL；多条语句之间用分号分隔。',
  'dataView.hint.memory': '该查询所需内存超出浏览器的限额：请先筛选、聚合或加 LIMIT。',
  'dataView.scratch': '我的表（scratch）',
  'dataView.export': '导出',
  'dataView.exportCsv': 'CSV（Excel 可打开）',
  'dataView.exportParquet': 'Parquet',
  'dataView.exporting': '正在导出…',
  'dataView.exportFailed': '导出失败：{message}',
  'dataView.building': '正在汇总园区盘查（第 {done}/{total} 步）…',
  'dataView.missing.economics': '该园区没有经济数据表（产值、增加值）：产值、增加值和强度指标不显示。',
  'dataView.missing.economicsPathways':
    '情景仍可运行：排放、能耗、达峰和中和概率照常计算；强度变化不可用，结构调整杠杆按产值转移，因此不起作用。',
  'dataView.missing.enterprises':
    '该园区没有企业表：企业以代码命名，行业未知（unknown），行业分析和同行比较不可用。',
  'dataView.stored': '本浏览器中保存的数据',
  'dataView.storedParks': '导入的园区：{list}',
  'dataView.storedMappings': '保存的列映射：{n} 个',
  'dataView.storedScratch': 'scratch 中的表：{list}',
  'dataView.storedLocal': '自查表单、情景等页面设置：{n} 项',
  'dataView.storedNone': '无',
  'dataView.clear': '清除我的数据',
  'dataView.clearConfirm': '确定清除以下全部内容？此操作不可撤销。',
  'dataView.clearYes': '清除',
  'dataView.clearNo': '取消',
  'dataView.cleared': '已清除。内置示例园区不受影响。',
};

export const en: Record<keyof typeof zh, string> = {
  'dataView.safety':
    'The park’s tables are read-only in the console; make your own tables in the scratch schema (e.g. CREATE TABLE scratch.my_table AS SELECT …). The console installs no extensions and reads no files or URLs: the data never leaves this browser.',
  'dataView.cancel': 'Cancel',
  'dataView.streaming': '{rows} rows read…',
  'dataView.more':
    'Showing the first {shown} rows; the result has more (not read). Add LIMIT or aggregate, or save it as a scratch table and export that.',
  'dataView.done': '{statements} statements run in {ms} ms',
  'dataView.cancelled': 'The query was cancelled.',
  'dataView.timeout':
    'Stopped after {s} s (the console’s time limit). Filter or aggregate first to make the query cheaper.',
  'dataView.where': 'Statement {n}: ',
  'dataView.refused.readonly':
    '{table} is a park table and read-only in the console ({verb} was not run). Make your own tables in the scratch schema, e.g. CREATE TABLE scratch.my_table AS SELECT * FROM {table}.',
  'dataView.refused.extension':
    'The console installs and loads no extensions ({target}): the workbench runs offline in your browser and downloads nothing. What it needs is built in; Parquet export is under Export beside the tables.',
  'dataView.refused.external':
    'The console reads the loaded tables only, no files, URLs or other databases ({target}). To bring data in, use the Import data page.',
  'dataView.refused.settings':
    '{verb} changes the database’s settings or session and is not run from the console. To look at a table, use DESCRIBE name or SUMMARIZE name.',
  'dataView.refused.schema':
    '{verb} was not run: the console has one schema of its own, scratch; make your tables there.',
  'dataView.hint.simRuns':
    'sim_runs holds the last simulation and exists only after one: run a simulation on the Pathways page first, then come back.',
  'dataView.hint.missingTable':
    'There is no table {table}. The tables are listed on the left (your own ones as scratch.name).',
  'dataView.hint.syntax': 'Check the SQL near the place DuckDB names; separate statements with semicolons.',
  'dataView.hint.memory':
    'The query needs more memory than the browser gives it: filter, aggregate or add LIMIT first.',
  'dataView.scratch': 'My tables (scratch)',
  'dataView.export': 'Export',
  'dataView.exportCsv': 'CSV (opens in Excel)',
  'dataView.exportParquet': 'Parquet',
  'dataView.exporting': 'Exporting…',
  'dataView.exportFailed': 'Export failed: {message}',
  'dataView.building': 'Summing up the park inventory (step {done} of {total})…',
  'dataView.missing.economics':
    'This park has no economics table (output value, value added): output, value added and intensities are not shown.',
  'dataView.missing.economicsPathways':
    'Scenarios still run: emissions, energy and the peak and neutrality probabilities are computed as usual; intensity changes are not available, and the structural shift lever, which moves output value, has no effect.',
  'dataView.missing.enterprises':
    'This park has no enterprises table: enterprises are named by their id, their sector is unknown, and sector views and peer comparisons are not available.',
  'dataView.stored': 'Data stored in this browser',
  'dataView.storedParks': 'Imported parks: {list}',
  'dataView.storedMappings': 'Saved column mappings: {n}',
  'dataView.storedScratch': 'Tables in scratch: {list}',
  'dataView.storedLocal': 'Page settings (self-check form, scenarios, …): {n} entries',
  'dataView.storedNone': 'none',
  'dataView.clear': 'Clear my data',
  'dataView.clearConfirm': 'Remove all of the following? This cannot be undone.',
  'dataView.clearYes': 'Remove',
  'dataView.clearNo': 'Keep',
  'dataView.cleared': 'Removed. The bundled sample parks are not affected.',
};
