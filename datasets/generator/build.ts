/**
 * Builds every output file in memory: path (relative to datasets/) → bytes. main.ts writes them;
 * the tests compare them with the committed files.
 */
import { loadReferenceTables, referenceTableData } from './reference.ts';
import { SAMPLE_META, buildSamplePark } from './sample-park.ts';
import { PARK_COLUMNS, PARK_TABLE_NAMES, type ParkMeta, type ParkTables, type TableData } from './schema.ts';
import { WORKSHOP_META, buildWorkshopPark } from './workshop-park.ts';
import { toArrowStream, toCsv, toJson, utf8 } from './writers.ts';

export type FileSet = Map<string, Uint8Array>;

function addTable(files: FileSet, dir: string, table: TableData): void {
  files.set(`${dir}/${table.name}.csv`, utf8(toCsv(table)));
  files.set(`${dir}/${table.name}.arrow`, toArrowStream(table));
}

/** The files of one park: five tables (CSV + Arrow) and manifest.json. */
export function parkFiles(meta: ParkMeta, tables: ParkTables): FileSet {
  const files: FileSet = new Map();
  const counts: Record<string, { rows: number }> = {};
  for (const name of PARK_TABLE_NAMES) {
    addTable(files, meta.id, { name, columns: PARK_COLUMNS[name], rows: tables[name] });
    counts[name] = { rows: tables[name].length };
  }
  const manifest = {
    id: meta.id,
    name_zh: meta.name_zh,
    name_en: meta.name_en,
    version: meta.version,
    synthetic: true,
    description_zh: meta.description_zh,
    description_en: meta.description_en,
    years: meta.years,
    green_space_ha: meta.green_space_ha,
    wetland_ha: meta.wetland_ha,
    tables: counts,
  };
  files.set(`${meta.id}/manifest.json`, utf8(toJson(manifest)));
  return files;
}

/** The two parks. */
export function parkFileSet(): FileSet {
  return new Map([
    ...parkFiles(SAMPLE_META, buildSamplePark()),
    ...parkFiles(WORKSHOP_META, buildWorkshopPark()),
  ]);
}

/** The reference tables, or null when src/core/reference/index.ts does not exist yet. */
export async function referenceFileSet(): Promise<FileSet | null> {
  const tables = await loadReferenceTables();
  if (tables === null) return null;
  const files: FileSet = new Map();
  const sorted = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const t of sorted) addTable(files, 'reference', referenceTableData(t));
  const manifest = {
    synthetic: false,
    description_en: 'Reference factors generated from referenceTables() in src/core/reference/index.ts.',
    tables: Object.fromEntries(
      sorted.map((t) => [t.name, { rows: t.rows.length, description: t.description }]),
    ),
  };
  files.set('reference/manifest.json', utf8(toJson(manifest)));
  return files;
}
