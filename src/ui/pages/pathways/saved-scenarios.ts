/**
 * Scenarios saved in the browser (this origin's localStorage; nothing is sent anywhere), and their JSON
 * files: a download is a scenario document the CLI reads (`simulate --scenario file.json`), an upload
 * is validated by the same schema (parseScenario) and names the bad field. A record that cannot be
 * read any more (e.g. written by another version) is kept in storage untouched, only not listed, and a
 * failed write changes nothing: nothing saved is lost.
 */
import type { Problem } from '../../../core/errors';
import { parseScenario, type Scenario } from '../../../core/scenario/schema';
import type { KeyValueStore } from '../accounting/storage';

export const SAVED_KEY = 'pcw.pathways.saved';
/** Largest scenario file read (a scenario document is a few kB). */
const MAX_UPLOAD_BYTES = 1_000_000;
const MAX_NAME_CHARS = 60;

export interface SavedScenario {
  name: string;
  /** ISO time of the save. */
  savedAt: string;
  scenario: Scenario;
}

/** Why a save or an upload was refused (the page words it in the reader's language). */
type SaveRefusal =
  | { reason: 'empty-name' }
  | { reason: 'name-taken'; name: string }
  | { reason: 'storage'; message: string }
  | { reason: 'invalid'; problems: Problem[] };

export type SaveOutcome =
  { ok: true; entry: SavedScenario; warnings: string[] } | ({ ok: false } & SaveRefusal);

interface StoredRecord {
  name?: unknown;
  savedAt?: unknown;
  scenario?: unknown;
}

/** A lower-case slug of a name for the scenario's id ("saved" when nothing of it fits). */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'saved';
}

/** `path: message` from parseScenario as a located problem of the file. */
function problemOf(file: string, line: string): Problem {
  const at = line.indexOf(': ');
  return at > 0 ? { file, field: line.slice(0, at), reason: line.slice(at + 2) } : { file, reason: line };
}

/**
 * Reads a scenario file's text: JSON, then the scenario schema. Problems name the file and the field;
 * a file built for another dataset is accepted with a warning.
 */
export function parseScenarioFile(
  fileName: string,
  text: string,
  dataset?: string,
): { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; problems: Problem[] } {
  if (text.length > MAX_UPLOAD_BYTES)
    return {
      ok: false,
      problems: [
        { file: fileName, reason: `larger than ${MAX_UPLOAD_BYTES / 1e6} MB; not a scenario document` },
      ],
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ file: fileName, reason: `not valid JSON (${(e as Error).message})` }] };
  }
  const r = parseScenario(value, dataset === undefined ? {} : { dataset });
  if (!r.ok) return { ok: false, problems: r.errors.map((line) => problemOf(fileName, line)) };
  return { ok: true, scenario: r.scenario, warnings: r.warnings };
}

/** A saved scenario as a downloadable file: its document, pretty-printed, named by its id. */
export function scenarioFile(entry: Pick<SavedScenario, 'scenario'>): { fileName: string; text: string } {
  return { fileName: `${entry.scenario.id}.json`, text: `${JSON.stringify(entry.scenario, null, 2)}\n` };
}

/** The saved scenarios of this browser, in the order saved. */
export class SavedScenarios {
  readonly #store: KeyValueStore | null;
  #entries: SavedScenario[] = [];
  /** Records in storage that no longer validate: kept as they are, written back with every save. */
  #unreadable: unknown[] = [];
  /** True when the stored value is not a list at all: it is never overwritten. */
  #blocked = false;
  /** False when the browser gives no storage (private mode): the list lives for this visit only. */
  readonly persistent: boolean;

  constructor(store: KeyValueStore | null) {
    this.#store = store;
    this.persistent = store !== null;
    this.#read();
  }

  get entries(): readonly SavedScenario[] {
    return this.#entries;
  }

  /** How many stored records could not be read (left in storage, not listed). */
  get unreadable(): number {
    return this.#blocked ? 1 : this.#unreadable.length;
  }

  find(name: string): SavedScenario | undefined {
    return this.#entries.find((e) => e.name === name);
  }

  #read(): void {
    let raw: unknown;
    try {
      const text = this.#store?.getItem(SAVED_KEY) ?? null;
      raw = text ? JSON.parse(text) : [];
    } catch {
      raw = undefined;
    }
    if (!Array.isArray(raw)) {
      // Not a list this version can read: left exactly as it is, and not written over.
      this.#blocked = true;
      return;
    }
    for (const rec of raw as StoredRecord[]) {
      const parsed = rec && typeof rec === 'object' ? parseScenario(rec.scenario) : null;
      if (parsed?.ok && typeof rec.name === 'string' && rec.name.trim() && !this.find(rec.name)) {
        this.#entries.push({
          name: rec.name,
          savedAt: typeof rec.savedAt === 'string' ? rec.savedAt : '',
          scenario: parsed.scenario,
        });
      } else this.#unreadable.push(rec);
    }
  }

  /** Writes the list; on failure nothing changes and the reason is returned. */
  #write(next: SavedScenario[]): string | null {
    if (this.#blocked) return `the stored list (${SAVED_KEY}) cannot be read; it is left as it is`;
    if (this.#store) {
      try {
        this.#store.setItem(SAVED_KEY, JSON.stringify([...next, ...this.#unreadable]));
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    }
    this.#entries = next;
    return null;
  }

  /**
   * Saves a scenario under a name (trimmed; names are unique). The document is stored with that name
   * as its names and a slug of it as its id, so its file reads back under the same name.
   */
  save(name: string, scenario: Scenario, now = new Date()): SaveOutcome {
    const n = name.trim().slice(0, MAX_NAME_CHARS);
    if (!n) return { ok: false, reason: 'empty-name' };
    if (this.find(n)) return { ok: false, reason: 'name-taken', name: n };
    const doc = { ...structuredClone(scenario), id: slugOf(n), name_zh: n, name_en: n };
    const checked = parseScenario(doc);
    if (!checked.ok)
      return { ok: false, reason: 'invalid', problems: checked.errors.map((l) => problemOf(n, l)) };
    const entry = { name: n, savedAt: now.toISOString(), scenario: checked.scenario };
    const failed = this.#write([...this.#entries, entry]);
    if (failed !== null) return { ok: false, reason: 'storage', message: failed };
    return { ok: true, entry, warnings: [] };
  }

  /**
   * Saves an uploaded file after validating it; it is listed under its name in the reader's language
   * (numbered if that name is taken). A bad file changes nothing.
   */
  upload(fileName: string, text: string, lang: 'zh' | 'en', dataset?: string): SaveOutcome {
    const r = parseScenarioFile(fileName, text, dataset);
    if (!r.ok) return { ok: false, reason: 'invalid', problems: r.problems };
    const base = (lang === 'zh' ? r.scenario.name_zh : r.scenario.name_en)
      .trim()
      .slice(0, MAX_NAME_CHARS - 5);
    let name = base;
    for (let i = 2; this.find(name); i++) name = `${base} (${i})`;
    const entry = { name, savedAt: new Date().toISOString(), scenario: r.scenario };
    const failed = this.#write([...this.#entries, entry]);
    if (failed !== null) return { ok: false, reason: 'storage', message: failed };
    return { ok: true, entry, warnings: r.warnings };
  }

  /** Deletes a saved scenario; false (and nothing changed) when storage refuses. */
  remove(name: string): boolean {
    if (!this.find(name)) return true;
    return this.#write(this.#entries.filter((e) => e.name !== name)) === null;
  }
}
