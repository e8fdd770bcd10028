import { parseArgs } from '../args';
import { openBundledPark } from '../open-park';
import { columnNames, rowSlice } from '../../data/arrow-rows';
import { formatJson, formatTable } from '../format';
import { formatCsv } from '../format';
import type { CliCommand } from '../types';

const usage = `Usage: npm run cli -- query "<SQL>" [--park sample|workshop] [--format table|csv|json]

Runs SQL over a bundled park (default: sample) in DuckDB. Tables: enterprises, economics, activity,
production, pv_installations and the reference tables ref_*. Example:
  npm run cli -- query "select count(*) from enterprises"`;

export const command: CliCommand = {
  name: 'query',
  summary: 'Run SQL over the bundled datasets and print a table, CSV or JSON',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['park', 'format'] });
    const sql = args.positionals.join(' ').trim();
    if (!sql)
      throw new Error('No SQL given. Example: npm run cli -- query "select count(*) from enterprises"');
    const format = args.options.get('format') ?? 'table';
    if (!['table', 'csv', 'json'].includes(format))
      throw new Error(`--format must be table, csv or json, not "${format}"`);
    const { db } = await openBundledPark(args.options.get('park') ?? 'sample');
    try {
      let result;
      try {
        result = await db.query(sql);
      } catch (e) {
        io.stderr(`SQL error: ${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
      }
      const columns = columnNames(result);
      const rows = rowSlice(result);
      if (format === 'json') io.stdout(formatJson(columns, rows) + '\n');
      else if (format === 'csv') io.stdout(formatCsv(columns, rows));
      else io.stdout(formatTable(columns, rows) + '\n');
      return 0;
    } finally {
      await db.close();
    }
  },
};
