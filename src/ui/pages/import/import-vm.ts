/**
 * Pure helpers of the import page: the problems as a CSV people open in Excel, the user's column and
 * carrier choices as a mapping document, the header signature saved mappings are found by, and the
 * stored park's manifest.
 */
import type { Problem } from '../../../core/errors';
import type { ColumnChoice, MappingDoc } from '../../../core/import/index';
import type { ParkManifest } from '../../../data/parks';

const cell = (v: string | number | undefined): string => {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Problems as CSV (header row in the page's language; the download adds the BOM Excel needs). */
export function problemsCsv(
  problems: readonly Problem[],
  header: readonly string[],
  words: { error: string; warning: string },
): string {
  const lines = [header.map(cell).join(',')];
  for (const p of problems) {
    lines.push(
      [
        p.file,
        p.row,
        p.column ?? (p.field !== undefined ? p.field : ''),
        p.severity === 'warning' ? words.warning : words.error,
        p.reason,
      ]
        .map(cell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** Carrier names the importer did not know, in the order met (from its located messages). */
export function unknownCarrierNames(problems: readonly Problem[]): string[] {
  const out: string[] = [];
  for (const p of problems) {
    const m = /^unknown carrier "([^"]{1,60})"/.exec(p.reason);
    if (m && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/** The key saved mappings are stored under: the files' headers, order-free. */
export function headerSignature(headers: readonly string[]): string {
  return [...new Set(headers.map((h) => h.normalize('NFKC').trim()).filter((h) => h !== ''))]
    .sort()
    .join('|');
}

/** The mapping with one column's choice set (undefined removes the user's choice). */
export function withColumn(m: MappingDoc, header: string, choice: ColumnChoice | undefined): MappingDoc {
  const columns = { ...(m.columns ?? {}) };
  if (choice === undefined) delete columns[header];
  else columns[header] = choice;
  return { ...m, columns };
}

export function withCarrier(m: MappingDoc, name: string, code: string | undefined): MappingDoc {
  const carriers = { ...(m.carriers ?? {}) };
  if (code === undefined) delete carriers[name];
  else carriers[name] = code;
  return { ...m, carriers };
}

/** A mapping that says nothing. */
export const isEmptyMapping = (m: MappingDoc): boolean =>
  Object.keys(m.columns ?? {}).length === 0 &&
  Object.keys(m.carriers ?? {}).length === 0 &&
  m.steam === undefined;

/** An id for a new imported park: `user-` and a time stamp (ids never collide with bundled parks). */
export function newParkId(now: number): string {
  return `user-${now.toString(36)}`;
}

export function importedManifest(opts: {
  id: string;
  nameZh: string;
  nameEn: string;
  years: [number, number];
  greenSpaceHa: number;
  wetlandHa: number;
  tables: readonly { name: string; rows: number }[];
  date: string;
}): ParkManifest {
  return {
    id: opts.id,
    name_zh: opts.nameZh,
    name_en: opts.nameEn || opts.nameZh,
    version: `imported ${opts.date}`,
    synthetic: false,
    years: opts.years,
    green_space_ha: opts.greenSpaceHa,
    wetland_ha: opts.wetlandHa,
    tables: Object.fromEntries(opts.tables.map((t) => [t.name, { rows: t.rows }])),
  };
}
