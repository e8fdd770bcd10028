/**
 * A small, strict CSV reader and writer (RFC 4180): quoted fields with doubled quotes and line breaks
 * inside, a UTF-8 BOM, CRLF / LF / CR line ends, blank lines skipped. Every parsed record keeps the
 * line it starts on, so messages can name it.
 */

export class CsvError extends Error {
  constructor(
    message: string,
    /** 1-based line of the file the problem is on. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** Line each data row starts on (the header is on line 1 unless blank lines precede it). */
  lines: number[];
}

/** Splits text into records of raw fields, each with the line it starts on. */
function records(text: string, delimiter: string): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let afterQuote = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !afterQuote)) out.push({ fields, line: start });
    fields = [];
    field = '';
    afterQuote = false;
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else if (afterQuote) {
      throw new CsvError(`unexpected "${c}" after a closing quote`, line);
    } else if (c === '"' && field === '') {
      quoted = true;
    } else {
      field += c;
    }
  }
  if (quoted) throw new CsvError('a quoted field is not closed', start);
  if (field !== '' || fields.length > 0 || afterQuote) endRecord();
  return out;
}

/** Parses CSV text with a header row; throws CsvError for malformed text or a row of the wrong width. */
export function parseCsv(text: string, delimiter = ','): CsvTable {
  const recs = records(text, delimiter);
  if (recs.length === 0) throw new CsvError('the file is empty (no header row)', 1);
  const [head, ...body] = recs;
  const header = head.fields.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') throw new CsvError('the header has an empty column name', head.line);
    if (seen.has(h)) throw new CsvError(`the header names column "${h}" twice`, head.line);
    seen.add(h);
  }
  for (const r of body) {
    if (r.fields.length !== header.length) {
      throw new CsvError(`row has ${r.fields.length} fields but the header has ${header.length}`, r.line);
    }
  }
  return { header, rows: body.map((r) => r.fields), lines: body.map((r) => r.line) };
}

/** Rows as objects keyed by header names. */
export function csvObjects(t: CsvTable): Record<string, string>[] {
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
}

function cell(v: unknown, delimiter: string): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  const needsQuotes =
    s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || s.trim() !== s;
  return needsQuotes ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Writes rows (objects) as CSV with the given columns, LF line ends and a final newline. */
export function toCsv(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
  options: { delimiter?: string; bom?: boolean } = {},
): string {
  const d = options.delimiter ?? ',';
  const lines = [
    columns.map((c) => cell(c, d)).join(d),
    ...rows.map((r) => columns.map((c) => cell(r[c], d)).join(d)),
  ];
  return (options.bom ? '\uFEFF' : '') + lines.join('\n') + '\n';
}
