/**
 * Parquet writing in the browser (parquet-wasm, started on first use): Arrow IPC stream bytes → Parquet
 * with zstd, the compression the command line's `simulate --out runs.parquet` uses. DuckDB-Wasm cannot
 * write Parquet here: its parquet extension is not built in and the app loads none from the network.
 */
import type { IpcToParquet } from './exports';

let ready: Promise<IpcToParquet> | null = null;

/** The writer, once parquet-wasm's wasm has been fetched (from the app's own origin) and started. */
export function parquetWriter(): Promise<IpcToParquet> {
  ready ??= (async () => {
    const [pq, wasm] = await Promise.all([
      import('parquet-wasm/esm'),
      import('parquet-wasm/esm/parquet_wasm_bg.wasm?url'),
    ]);
    await pq.default({ module_or_path: wasm.default });
    const props = () => new pq.WriterPropertiesBuilder().setCompression(pq.Compression.ZSTD).build();
    return (ipc) => pq.writeParquet(pq.Table.fromIPCStream(ipc), props());
  })();
  ready.catch(() => (ready = null));
  return ready;
}
