/**
 * A JSON-safe encoding of structured-cloneable objects with typed arrays (the compiled model), so the
 * benchmark can hand a model compiled in Node to a page through playwright's evaluate.
 */
type Typed = Float64Array | Float32Array | Int32Array | Uint8Array;
const CTORS = { Float64Array, Float32Array, Int32Array, Uint8Array } as const;
type TypedName = keyof typeof CTORS;

interface Encoded {
  __typed: TypedName;
  values: number[];
}

function isEncoded(v: unknown): v is Encoded {
  return typeof v === 'object' && v !== null && '__typed' in v;
}

/** Replaces typed arrays by `{ __typed, values }`, recursively. */
export function encode(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name as TypedName;
    if (!(name in CTORS)) throw new Error(`Cannot encode a ${name}`);
    return { __typed: name, values: Array.from(value as Typed) };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

/** The inverse of encode. */
export function decode<T>(value: unknown): T {
  if (isEncoded(value)) return CTORS[value.__typed].from(value.values) as T;
  if (Array.isArray(value)) return value.map((v) => decode(v)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)])) as T;
  }
  return value as T;
}
