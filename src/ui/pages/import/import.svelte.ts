/**
 * The import page's state: chosen files and park details, the worker's outcome (problems, proposed
 * mapping, canonical tables), the user's corrections, and the final step — saved to the browser and
 * loaded atomically — or nothing. A cancelled or failed import leaves the loaded park and the stored
 * data as they were.
 */
import type { ColumnChoice, EncodingChoice, ImportPhase, MappingDoc } from '../../../core/import/index';
import {
  findMapping,
  listMappings,
  listUserParks,
  requestPersistence,
  saveMapping,
  saveUserPark,
  userParkSource,
} from '../../../data/user-parks';
import { ImportCancelled, ImportRunner } from '../../../../workers/import-runner';
import type { ImportOutcome } from '../../../../workers/import.worker';
import {
  headerSignature,
  importedManifest,
  isEmptyMapping,
  newParkId,
  withCarrier,
  withColumn,
} from './import-vm';

/** The time now as ISO text (a stamp, not state). */
const isoNow = (): string => new Date(Date.now()).toISOString();

export type ImportStatus = 'idle' | 'running' | 'checked' | 'cancelled' | 'saving' | 'saved' | 'error';

export interface ParkTarget {
  setUserParks(sources: ReturnType<typeof userParkSource>[]): void;
}

export class ImportState {
  activity = $state.raw<File[]>([]);
  enterprises = $state.raw<File | null>(null);
  economics = $state.raw<File | null>(null);
  encoding = $state<EncodingChoice>('auto');
  nameZh = $state('');
  nameEn = $state('');
  greenSpaceHa = $state(0);
  wetlandHa = $state(0);

  status = $state<ImportStatus>('idle');
  progress = $state.raw<{ phase: ImportPhase; done: number; total: number } | null>(null);
  outcome = $state.raw<ImportOutcome | null>(null);
  mapping = $state.raw<MappingDoc>({});
  mappingReused = $state(false);
  message = $state<string | null>(null);
  savedName = $state<string | null>(null);

  #runner = new ImportRunner();
  #park: ParkTarget;

  constructor(park: ParkTarget) {
    this.#park = park;
  }

  /** Sorts dropped files by name: enterprise lists and economics by their words, the rest is activity. */
  addFiles(files: readonly File[]): void {
    const act = [...this.activity];
    for (const f of files) {
      const n = f.name.toLowerCase();
      if (/enterprise|企业名录|企业信息|名录/.test(n)) this.enterprises = f;
      else if (/econom|产值|经济/.test(n)) this.economics = f;
      else act.push(f);
    }
    this.activity = act;
  }

  async #bytes(f: File): Promise<{ name: string; bytes: Uint8Array }> {
    return { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
  }

  /** Reads and checks the files in the worker; applies a mapping saved for the same headers once. */
  async check(): Promise<void> {
    if (this.activity.length === 0) {
      this.message = 'needActivity';
      return;
    }
    this.status = 'running';
    this.message = null;
    this.progress = { phase: 'reading', done: 0, total: 1 };
    try {
      // The files are read afresh for each run and their bytes handed to the worker (no copy here).
      const job = async (mapping: MappingDoc) => ({
        activity: await Promise.all(this.activity.map((f) => this.#bytes(f))),
        enterprises: this.enterprises ? await this.#bytes(this.enterprises) : undefined,
        economics: this.economics ? await this.#bytes(this.economics) : undefined,
        mapping: JSON.parse(JSON.stringify(mapping)) as MappingDoc,
        encoding: this.encoding,
      });
      const onProgress = (phase: ImportPhase, done: number, total: number) =>
        (this.progress = { phase, done, total });
      let outcome = await this.#runner.run(await job(this.mapping), onProgress, true);
      if (isEmptyMapping(this.mapping) && outcome.sheets.length > 0) {
        const saved = await findMapping(this.signature(outcome)).catch(() => undefined);
        if (saved) {
          this.mapping = saved.mapping as MappingDoc;
          this.mappingReused = true;
          outcome = await this.#runner.run(await job(this.mapping), onProgress, true);
        }
      }
      this.outcome = outcome;
      this.status = 'checked';
    } catch (e) {
      if (e instanceof ImportCancelled) {
        this.status = 'cancelled';
        this.outcome = null;
      } else {
        this.status = 'error';
        this.message = e instanceof Error ? e.message : String(e);
      }
    } finally {
      this.progress = null;
    }
  }

  /** The import template as XLSX bytes (written in the worker). */
  template(lang: 'zh' | 'en'): Promise<Uint8Array> {
    return this.#runner.template(lang);
  }

  cancel(): void {
    this.#runner.cancel();
  }

  signature(o: ImportOutcome): string {
    return headerSignature(o.sheets.flatMap((s) => s.columns.map((c) => c.header)));
  }

  setColumn(header: string, choice: ColumnChoice | undefined): void {
    this.mapping = withColumn(this.mapping, header, choice);
  }

  setCarrier(name: string, code: string | undefined): void {
    this.mapping = withCarrier(this.mapping, name, code);
  }

  /** Discards the checked files: nothing is loaded or stored. */
  discard(): void {
    this.outcome = null;
    this.status = 'idle';
  }

  /**
   * Stores the park (valid rows) and has it shown. Refused while errors remain unless `validOnly`; the
   * stored data and the loaded park stay as they were when storing or loading fails.
   */
  async load(validOnly: boolean, show: (id: string) => void): Promise<void> {
    const o = this.outcome;
    if (!o) return;
    if (o.errorCount > 0 && !validOnly) return;
    if (this.nameZh.trim() === '' && this.nameEn.trim() === '') {
      this.message = 'needName';
      return;
    }
    const activity = o.tables.find((t) => t.name === 'activity');
    if (!activity || !o.years) return;
    this.status = 'saving';
    this.message = null;
    try {
      const id = newParkId(Date.now());
      const manifest = importedManifest({
        id,
        nameZh: this.nameZh.trim() || this.nameEn.trim(),
        nameEn: this.nameEn.trim(),
        years: o.years,
        greenSpaceHa: Math.max(0, Number(this.greenSpaceHa) || 0),
        wetlandHa: Math.max(0, Number(this.wetlandHa) || 0),
        tables: o.tables.map((t) => ({ name: t.name, rows: t.rows })),
        date: isoNow().slice(0, 10),
      });
      await requestPersistence();
      await saveUserPark({
        manifest,
        tables: o.tables.map((t) => ({ name: t.name, ipc: t.ipc })),
        importedAt: isoNow(),
        files: o.files.map((f) => f.file),
      });
      if (!isEmptyMapping(this.mapping)) {
        await saveMapping({
          key: this.signature(o),
          mapping: this.mapping,
          savedAt: isoNow(),
        });
      }
      this.#park.setUserParks((await listUserParks()).map(userParkSource));
      this.savedName = manifest.name_zh;
      this.status = 'saved';
      // The address names the park; the app opens it from there (atomically: see ParkStore.open).
      show(id);
    } catch (e) {
      this.status = 'error';
      this.message = e instanceof Error ? e.message : String(e);
    }
  }

  /** Counts for the "stored in this browser" panel. */
  async stored(): Promise<{ parks: string[]; mappings: number }> {
    const [parks, mappings] = await Promise.all([listUserParks(), listMappings()]);
    return { parks: parks.map((p) => p.manifest.name_zh), mappings: mappings.length };
  }

  dispose(): void {
    this.#runner.terminate();
  }
}
