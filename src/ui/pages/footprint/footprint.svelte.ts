/**
 * State of the product-footprint page: the product family being edited (a product and its variants),
 * Monte Carlo settings, and the last result from the worker. Kept in the browser's storage only.
 */
import {
  STAGES,
  copyProduct,
  type BomLine,
  type FootprintJob,
  type Product,
  type Stage,
  type UserFactorInput,
} from '../../../core/footprint/index';
import { FootprintRunner } from '../../../../workers/footprint-runner';
import { blankProduct, newLineDefaults, sampleProduct } from './footprint-vm';

const STORAGE_KEY = 'pcw.footprint';

interface Saved {
  family: Product[];
  selected: number;
  runs: number;
  seed: number;
  source: string;
}

export const RUN_CHOICES = [1000, 10_000, 100_000] as const;

function load(): Saved | null {
  try {
    const text = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!text) return null;
    const s = JSON.parse(text) as Saved;
    if (!Array.isArray(s.family) || s.family.length === 0 || !s.family.every((p) => Array.isArray(p?.lines)))
      return null;
    return s;
  } catch {
    return null;
  }
}

export class FootprintState {
  family = $state<Product[]>([]);
  selected = $state(0);
  runs = $state(10_000);
  seed = $state(2026);
  /** Which sample the family started from ('own' for a blank product). */
  source = $state('control-board');
  job = $state.raw<FootprintJob | null>(null);
  running = $state(false);
  ms = $state(0);
  error = $state<string | null>(null);
  importNote = $state<{ ok: boolean; file: string; n: number; message: string } | null>(null);
  readonly #runner: FootprintRunner;
  #nextId = 1;

  constructor(runner = new FootprintRunner()) {
    this.#runner = runner;
    const saved = load();
    if (saved) {
      this.family = saved.family;
      this.selected = Math.min(saved.selected, saved.family.length - 1);
      this.runs = saved.runs;
      this.seed = saved.seed;
      this.source = saved.source;
    } else this.family = [sampleProduct(this.source)];
  }

  get product(): Product {
    return this.family[this.selected] ?? this.family[0];
  }

  save(): void {
    const s: Saved = {
      family: this.family,
      selected: this.selected,
      runs: this.runs,
      seed: this.seed,
      source: this.source,
    };
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(s));
    } catch {
      // not remembered; the page still works
    }
  }

  start(source: string): void {
    this.source = source;
    this.family = [source === 'own' ? blankProduct() : sampleProduct(source)];
    this.selected = 0;
    this.importNote = null;
  }

  addVariant(suffix: (n: number) => { zh: string; en: string }): void {
    const base = this.family[0];
    const n = this.family.length;
    const s = suffix(n);
    let id = `${base.id}-v${n}`;
    while (this.family.some((p) => p.id === id)) id += 'x';
    // A copy of the product shown, named after the base; lines keep their ids (paired sampling).
    const copy = copyProduct(this.product, id, '', '');
    this.family.push({
      ...copy,
      name_zh: `${base.name_zh}${s.zh}`,
      name_en: `${base.name_en}${s.en}`,
      variant_of: base.id,
    });
    this.selected = this.family.length - 1;
  }

  removeVariant(index: number): void {
    if (index === 0 || index >= this.family.length) return;
    this.family.splice(index, 1);
    this.selected = Math.min(this.selected, this.family.length - 1);
  }

  #lineId(): string {
    const used = this.family.flatMap((p) => p.lines.map((l) => l.id));
    let id = `l${this.#nextId++}`;
    while (used.includes(id)) id = `l${this.#nextId++}`;
    return id;
  }

  addLine(stage: Stage = 'materials'): void {
    const d = newLineDefaults(stage);
    const line: BomLine = { id: this.#lineId(), stage, input: d.input, quantity: 1, unit: d.unit };
    if (stage === 'transport') line.freight = { mass_kg: 1, distance_km: 100 };
    this.product.lines.push(line);
  }

  removeLine(id: string): void {
    const i = this.product.lines.findIndex((l) => l.id === id);
    if (i >= 0) this.product.lines.splice(i, 1);
  }

  addFactor(f: UserFactorInput): void {
    const list = (this.product.factors ??= []);
    const i = list.findIndex((x) => x.id === f.id);
    if (i >= 0) list[i] = f;
    else list.push(f);
  }

  /** Reads a BOM file in the worker; on success it becomes a new product (nothing changes on failure). */
  async importBom(file: File, fu: { zh: string; en: string }): Promise<void> {
    const read = await this.#runner.readBom(file.name, new Uint8Array(await file.arrayBuffer()));
    if (read.problems.length > 0 || read.lines.length === 0) {
      this.importNote = { ok: false, file: file.name, n: 0, message: read.message };
      return;
    }
    const lines = read.lines.map((l) => ({
      ...l,
      stage: (STAGES as readonly string[]).includes(l.stage) ? l.stage : 'materials',
    }));
    const name = file.name.replace(/\.[^.]+$/, '');
    this.family = [
      {
        id: 'import',
        name_zh: name,
        name_en: name,
        functional_unit_zh: fu.zh,
        functional_unit_en: fu.en,
        boundary: 'cradle_to_gate',
        lines,
      },
    ];
    this.selected = 0;
    this.source = 'own';
    this.importNote = { ok: true, file: file.name, n: lines.length, message: '' };
  }

  /** Recomputes the family; a result superseded by a newer request is dropped. */
  async compute(lang: 'zh' | 'en'): Promise<void> {
    this.running = true;
    this.error = null;
    const t0 = performance.now();
    try {
      const job = await this.#runner.run(this.family, this.runs, this.seed, lang);
      if (!job) return;
      this.job = job;
      this.ms = performance.now() - t0;
      this.running = false;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.running = false;
    }
  }

  dispose(): void {
    this.#runner.terminate();
  }
}
