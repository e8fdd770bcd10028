/**
 * State of the energy calculator: the typed rows, the data year and the accounting settings. One
 * instance for the app session, so typed rows survive navigation and language switches; also kept in
 * this browser's localStorage.
 */
import { computeCalculator, restoreCalcRows, type CalcRow } from './calculator-vm';
import { fitUnit } from './activity-input-vm';
import { SettingsState } from './settings.svelte';
import { browserStore, loadJson, saveJson, type KeyValueStore } from './storage';

const KEY = 'pcw.calculator.v1';

const STARTER: CalcRow[] = [
  { id: 1, carrier: 'electricity', amount: '', unit: '10^4 kWh' },
  { id: 2, carrier: 'natural_gas', amount: '', unit: '10^4 m3' },
  { id: 3, carrier: 'diesel', amount: '', unit: 't' },
];

class CalculatorState {
  rows = $state<CalcRow[]>([]);
  year = $state('2023');
  readonly settings: SettingsState;
  readonly result = $derived.by(() => computeCalculator(this.rows, this.year, this.settings.snapshot()));
  #store: KeyValueStore | null;
  #nextId = 1;

  constructor(store: KeyValueStore | null = browserStore()) {
    this.#store = store;
    const saved = loadJson(store, KEY) as { rows?: unknown; year?: unknown; settings?: unknown } | undefined;
    const rows = restoreCalcRows(saved?.rows);
    this.rows = rows.length > 0 ? rows : STARTER.map((r) => ({ ...r }));
    if (typeof saved?.year === 'string') this.year = saved.year;
    this.settings = new SettingsState(saved?.settings);
    this.#nextId = Math.max(0, ...this.rows.map((r) => r.id)) + 1;
  }

  addRow(carrier = 'electricity'): void {
    this.rows.push({ id: this.#nextId++, carrier, amount: '', unit: fitUnit(carrier, '') });
  }

  removeRow(id: number): void {
    this.rows = this.rows.filter((r) => r.id !== id);
  }

  /** Changes a row's carrier, keeping its unit when it still fits (else the canonical unit). */
  setCarrier(id: number, carrier: string): void {
    const r = this.rows.find((x) => x.id === id);
    if (!r) return;
    r.carrier = carrier;
    r.unit = fitUnit(carrier, r.unit);
  }

  update(id: number, field: 'amount' | 'unit', value: string): void {
    const r = this.rows.find((x) => x.id === id);
    if (!r) return;
    r[field] = value;
  }

  clear(): void {
    this.rows = STARTER.map((r) => ({ ...r, id: this.#nextId++ }));
  }

  /** Writes the typed state to localStorage; the page calls it from an effect, so every change is kept. */
  save(): void {
    saveJson(this.#store, KEY, { rows: this.rows, year: this.year, settings: this.settings.snapshot() });
  }
}

let instance: CalculatorState | null = null;

/** The session's calculator (created on first use). */
export function calculatorState(): CalculatorState {
  // Created under a root effect, not under the page that asks first: its derived values must keep
  // updating after that page is left and opened again.
  if (!instance) $effect.root(() => void (instance = new CalculatorState()));
  return instance!;
}
