/**
 * Exports a loaded table (a park table or the user's scratch table) as CSV for Excel (UTF-8 with a
 * byte-order mark, through the one CSV writer src/core/csv-write.ts) or as Parquet (parquet-wasm, from
 * the table's Arrow IPC bytes; DuckDB-Wasm has no Parquet writer built in). Browser only.
 */
import { tableToIPC, type Table } from 'apache-arrow';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { csvLine, CSV_EOL, toCsv } from '../core/csv-write';
import { toCell } from './arrow-rows';
import type { DbPort } from './port';
import { tableRef } from './sql/catalog-sql';

async function whole(db: DbPort, name: string): Promise<Table> {
  return db.query(`SELECT * FROM ${tableRef(name)}`);
}

/** Rows per piece of CSV text; the page gets the thread back between pieces. */
const PIECE = 20_000;

/** The table as CSV pieces (header with BOM first), ready for a Blob. */
export async function tableCsv(db: DbPort, name: string): Promise<string[]> {
  const t = await whole(db, name);
  const names = t.schema.fields.map((f) => f.name);
  const cols = names.map((_, i) => t.getChildAt(i)!);
  const pieces = [toCsv(names, [], { bom: true })];
  for (let from = 0; from < t.numRows; from += PIECE) {
    const lines: string[] = [];
    const to = Math.min(t.numRows, from + PIECE);
    for (let r = from; r < to; r++) lines.push(csvLine(cols.map((c) => toCell(c.get(r)))));
    pieces.push(lines.join(CSV_EOL) + CSV_EOL);
    await new Promise((res) => setTimeout(res, 0));
  }
  return pieces;
}

let parquetReady: Promise<typeof import('parquet-wasm/esm')> | null = null;

function parquet(): Promise<typeof import('parquet-wasm/esm')> {
  parquetReady ??= import('parquet-wasm/esm').then(async (m) => {
    await m.default({ module_or_path: parquetWasmUrl });
    return m;
  });
  parquetReady.catch(() => (parquetReady = null));
  return parquetReady;
}

/** The table as a Parquet file (zstd). */
export async function tableParquet(db: DbPort, name: string): Promise<Uint8Array> {
  const [t, pq] = await Promise.all([whole(db, name), parquet()]);
  const props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.ZSTD).build();
  return pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(t, 'stream')), props);
}

/** Parquet bytes as Arrow IPC stream bytes (to load a file back, e.g. to check an export). */
export async function parquetToIpc(bytes: Uint8Array): Promise<Uint8Array> {
  return (await parquet()).readParquet(bytes).intoIPCStream();
}
