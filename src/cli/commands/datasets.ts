import { fail } from '../../core/errors';
import { parseArgs } from '../args';
import { bundledParkIds } from '../../data/bundled-node';
import { openBundledPark } from '../open-park';
import { quoteIdent } from '../../data/port';
import { formatJson, formatTable } from '../format';
import type { CliCommand } from '../types';
import type { Cell } from '../../data/arrow-rows';

const usage = `Usage: npm run cli -- datasets [--format table|json]

Lists the bundled datasets (sample parks and reference tables) with each table's row count,
counted by DuckDB over the bundled Arrow files.`;

export const command: CliCommand = {
  name: 'datasets',
  summary: 'List the bundled datasets and their tables with row counts',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['format'] });
    const format = args.options.get('format') ?? 'table';
    if (format !== 'table' && format !== 'json')
      fail({ file: 'command line', reason: `--format must be table or json, not "${format}"` });
    const rows: Cell[][] = [];
    for (const id of bundledParkIds()) {
      const { db, manifest } = await openBundledPark(id);
      try {
        for (const table of await db.tableNames()) {
          const count = await db.query(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
          const dataset = table.startsWith('ref_') ? 'reference' : id;
          if (dataset === 'reference' && rows.some((r) => r[0] === 'reference' && r[2] === table)) continue;
          rows.push([
            dataset,
            dataset === 'reference' ? '' : manifest.version,
            table,
            Number(count.get(0)!.n),
          ]);
        }
      } finally {
        await db.close();
      }
    }
    const columns = ['dataset', 'version', 'table', 'rows'];
    io.stdout((format === 'json' ? formatJson(columns, rows) : formatTable(columns, rows)) + '\n');
    return 0;
  },
};
