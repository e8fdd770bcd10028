/**
 * A small, strict CSV reader (RFC 4180): quoted fields with doubled quotes and line breaks inside, a
 * UTF-8 BOM, CRLF / LF / CR line ends, blank lines skipped. Every record keeps the line it starts on, so
 * messages can name it; malformed text is an InputError naming file and line. Pure; shared by the
 * importer and the CLI.
 */
import { InputError } from '../errors';

const csvError = (file: string, row: number, reason: string) => new InputError([{ file, row, reason }]);

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** Line each data row starts on (the header is on line 1 unless blank lines precede it). */
  lines: number[];
}

export interface CsvRecords {
  records: string[][];
  /** 1-based line each record starts on. */
  lines: number[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Where a scan of CSV text stands: the next character and the line it is on. */
export interface CsvCursor {
  i: number;
  line: number;
}

/**
 * Reads records from `cursor` on, calling `onRecord` with each record's raw fields and the line it starts
 * on (blank lines are skipped); stops after a record for which it returns false, leaving the cursor at
 * the next one. The fields array is the callback's to keep. Throws an InputError for malformed text.
 */
export function csvScan(
  text: string,
  delimiter: string,
  file: string,
  cursor: CsvCursor,
  onRecord: (fields: string[], line: number) => boolean | void,
): void {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = cursor.i;
  if (i === 0 && text.charCodeAt(0) === 0xfeff) i = 1;
  let line = cursor.line;
  let start = line;
  let fields: string[] = [];
  let afterQuote = false;
  let stop = false;
  const endRecord = () => {
    if (!(fields.length === 1 && fields[0] === '' && !afterQuote)) {
      if (onRecord(fields, start) === false) stop = true;
    }
    fields = [];
    afterQuote = false;
  };
  // Blank lines before the first record.
  while (i < n) {
    const b = text.charCodeAt(i);
    if (b !== LF && b !== CR) break;
    i += b === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    start = line;
  }
  // Each pass of the loop reads one field and the separator after it.
  while (i <= n && !stop) {
    if (i === n) {
      // End of text: a pending record (fields read, or a final quoted field) ends here.
      if (fields.length > 0 || afterQuote) {
        fields.push('');
        endRecord();
      }
      break;
    }
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw csvError(file, start, 'a quoted field is not closed');
        const chunk = text.slice(j, q);
        for (let k = 0; k < chunk.length; k++) {
          const c = chunk.charCodeAt(k);
          if (c === LF || (c === CR && chunk.charCodeAt(k + 1) !== LF)) line++;
        }
        value += chunk;
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c !== -1 && c !== d && c !== LF && c !== CR) {
        throw csvError(file, line, `unexpected "${text[i]}" after a closing quote`);
      }
      fields.push(value);
      afterQuote = true;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      fields.push(text.slice(i, j));
      afterQuote = false;
      i = j;
    }
    if (i >= n) {
      endRecord();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i === n) {
        fields.push('');
        endRecord();
        break;
      }
      continue;
    }
    // Line end.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    endRecord();
    line++;
    start = line;
    // Blank lines.
    while (i < n) {
      const b = text.charCodeAt(i);
      if (b === LF || b === CR) {
        i += b === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        start = line;
      } else break;
    }
    if (i === n) break;
  }
  cursor.i = stop ? i : n;
  cursor.line = line;
}

/** Splits text into records of raw fields, each with the line it starts on; blank lines are skipped. */
export function csvRecords(text: string, delimiter = ',', file = 'CSV'): CsvRecords {
  const records: string[][] = [];
  const lines: number[] = [];
  csvScan(text, delimiter, file, { i: 0, line: 1 }, (f, l) => {
    records.push(f);
    lines.push(l);
  });
  return { records, lines };
}

/** Picks the separator of a file: comma, tab, semicolon or full-width comma, whichever splits line 1 most. */
export function sniffDelimiter(text: string): string {
  const firstLines = text.slice(0, 4096).split(/\r\n|\n|\r/, 5);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';', '，']) {
    const counts = firstLines.filter((l) => l !== '').map((l) => l.split(d).length - 1);
    let min = counts.length ? Infinity : 0;
    let max = 0;
    for (const c of counts) {
      if (c < min) min = c;
      if (c > max) max = c;
    }
    const score = max > 0 ? max + (min === max ? 0.5 : 0) : 0;
    if (score > bestCount) {
      best = d;
      bestCount = score;
    }
  }
  return best;
}

/**
 * Parses CSV text with a header row; throws an InputError naming `file` and the line for malformed text
 * or a row of the wrong width.
 */
export function parseCsv(text: string, delimiter = ',', file = 'CSV'): CsvTable {
  const { records, lines } = csvRecords(text, delimiter, file);
  if (records.length === 0) throw csvError(file, 1, 'the file is empty (no header row)');
  const header = records[0].map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') throw csvError(file, lines[0], 'the header has an empty column name');
    if (seen.has(h)) throw csvError(file, lines[0], `the header names column "${h}" twice`);
    seen.add(h);
  }
  for (let r = 1; r < records.length; r++) {
    if (records[r].length !== header.length) {
      throw csvError(
        file,
        lines[r],
        `row has ${records[r].length} fields but the header has ${header.length}`,
      );
    }
  }
  return { header, rows: records.slice(1), lines: lines.slice(1) };
}

/** Rows as objects keyed by header names. */
export function csvObjects(t: CsvTable): Record<string, string>[] {
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
}
