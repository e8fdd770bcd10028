/**
 * Canonical rows as typed columns (the activity schema of datasets/README.md), and their Arrow IPC
 * stream form, which DuckDB, the app and the CLI load.
 */
import { csvLine } from '../csv-write';
import { Float64, Int32, makeData, makeVector, Table, tableToIPC, Utf8, Vector } from 'apache-arrow';

export interface ActivityColumns {
  length: number;
  enterprise_id: string[];
  year: Int32Array;
  carrier: string[];
  /** In the carrier's canonical unit. */
  amount: Float64Array;
  /** The canonical unit of each row's carrier. */
  unit: string[];
  /** Rows as given (ActivityOptions.asGiven): the file row each output row comes from, for messages. */
  sourceRow?: Int32Array;
}

/** A generic table of typed columns for the other canonical tables (enterprises, economics). */
export interface TypedTable {
  length: number;
  columns: {
    name: string;
    type: 'str' | 'int' | 'f64';
    values: (string | null)[] | Int32Array | Float64Array;
    valid?: Uint8Array;
  }[];
}

export function activityTable(a: ActivityColumns): TypedTable {
  return {
    length: a.length,
    columns: [
      { name: 'enterprise_id', type: 'str', values: a.enterprise_id },
      { name: 'year', type: 'int', values: a.year },
      { name: 'carrier', type: 'str', values: a.carrier },
      { name: 'amount', type: 'f64', values: a.amount },
      { name: 'unit', type: 'str', values: a.unit },
    ],
  };
}

/**
 * A Utf8 vector built directly (offsets + bytes), each distinct string encoded once: Arrow's generic
 * builder takes seconds for a million strings.
 */
function utf8Vector(values: readonly (string | null)[]): Vector {
  const enc = new TextEncoder();
  const cache = new Map<string, Uint8Array>();
  const n = values.length;
  const parts: (Uint8Array | null)[] = new Array(n);
  let total = 0;
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      parts[i] = null;
      nulls++;
      continue;
    }
    let b = cache.get(v);
    if (!b) {
      b = enc.encode(v);
      if (cache.size < 200_000) cache.set(v, b);
    }
    parts[i] = b;
    total += b.length;
  }
  const data = new Uint8Array(total);
  const offsets = new Int32Array(n + 1);
  const valid = nulls > 0 ? new Uint8Array(Math.ceil(n / 8)) : undefined;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const b = parts[i];
    if (b) {
      data.set(b, o);
      o += b.length;
      if (valid) valid[i >> 3] |= 1 << (i & 7);
    }
    offsets[i + 1] = o;
  }
  return new Vector([
    makeData({
      type: new Utf8(),
      length: n,
      nullCount: nulls,
      valueOffsets: offsets,
      data,
      nullBitmap: valid,
    }),
  ]);
}

/**
 * Numeric and text columns are assembled from their buffers (no Arrow builders: they compile code with
 * `new Function`, which the app's Content-Security-Policy forbids, and are slow).
 */
function vector(c: TypedTable['columns'][number]): Vector {
  if (c.type === 'str') return utf8Vector(c.values as (string | null)[]);
  const type = c.type === 'int' ? new Int32() : new Float64();
  const values = c.values as Int32Array | Float64Array;
  if (!c.valid) return makeVector(values);
  const n = values.length;
  const bitmap = new Uint8Array(Math.ceil(n / 8));
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (c.valid[i]) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return new Vector([
    makeData({ type, length: n, nullCount: nulls, data: values, nullBitmap: bitmap } as Parameters<
      typeof makeData
    >[0]),
  ]);
}

/** Typed columns → Arrow table. */
function toArrow(t: TypedTable): Table {
  return new Table(Object.fromEntries(t.columns.map((c) => [c.name, vector(c)])));
}

/** Typed columns → Arrow IPC stream bytes. */
export function toIpc(t: TypedTable): Uint8Array {
  return tableToIPC(toArrow(t), 'stream');
}

/** Typed columns → CSV text (header row, the one CSV writer's quoting, LF line ends), the canonical CSV twin. */
export function toCsvText(t: TypedTable): string {
  const parts: string[] = [csvLine(t.columns.map((c) => c.name))];
  for (let r = 0; r < t.length; r++) {
    parts.push(
      csvLine(
        t.columns.map((c) =>
          c.valid && !c.valid[r] ? null : (c.values as ArrayLike<string | number | null>)[r],
        ),
      ),
    );
  }
  return parts.join('\n') + '\n';
}
