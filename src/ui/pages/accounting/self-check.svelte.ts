/**
 * State of the enterprise self-check: which enterprise (picked from the park, or the user's own typed
 * data), the typed rows, pasted text and economics, and the accounting settings. One instance per app
 * session, so typed data survives navigation and language switches; it is also kept in this browser's
 * localStorage (never sent anywhere) until the user clears it.
 */
import type { Table } from 'apache-arrow';
import type { ActivityRow } from '../../../core/accounting/index';
import {
  enterpriseActivitySql,
  enterpriseEconomicsSql,
  enterpriseListSql,
} from '../../../data/sql/inventory-views-sql';
import { enterpriseYearFromSql } from '../../../data/sql/inventory-store-sql';
import type { InventorySource } from './inventory.svelte';
import { stringColumn } from '../../../data/arrow-rows';
import { fitUnit } from './activity-input-vm';
import { parsePaste, type PasteResult } from './paste-vm';
import {
  activityFromTable,
  checkOwnRows,
  economicsFromTable,
  NO_ECONOMICS,
  ownEconomicsMap,
  selfInventory,
  type Economics,
  type OwnRow,
  type SelfInventory,
} from './self-check-vm';
import { SettingsState } from './settings.svelte';
import { browserStore, loadJson, removeKey, saveJson, type KeyValueStore } from './storage';

const KEY = 'pcw.selfcheck.v1';

export interface ParkEnterprise {
  id: string;
  nameZh: string;
  nameEn: string;
  sector: string;
}

export class SelfCheckState {
  mode = $state<'park' | 'own'>('park');
  pickedId = $state<string | null>(null);
  enterprises = $state.raw<ParkEnterprise[]>([]);
  /** The picked enterprise's data as loaded from the park. */
  parkData = $state.raw<{ id: string; activity: ActivityRow[]; economics: Map<number, Economics> } | null>(
    null,
  );
  peers = $state.raw<{ key: string; table: Table } | null>(null);
  loadError = $state<string | null>(null);

  ownName = $state('');
  ownSector = $state('');
  ownRows = $state<OwnRow[]>([]);
  /** Output value and value added (10^4 CNY) by year, as typed. */
  ownEconomics = $state<Record<string, { output: string; valueAdded: string }>>({});
  pasteText = $state('');
  /** Result of the last "import" of the pasted text. */
  pasteResult = $state.raw<PasteResult | null>(null);
  /** Year shown in the breakdown and the peer comparison; null = latest. */
  year = $state<number | null>(null);
  readonly settings: SettingsState;

  readonly own = $derived(checkOwnRows(this.ownRows, this.ownName.trim() || 'self'));
  readonly picked = $derived(this.enterprises.find((e) => e.id === this.pickedId));
  readonly sector = $derived(this.mode === 'park' ? (this.picked?.sector ?? '') : this.ownSector);
  readonly economics = $derived(
    this.mode === 'park' ? (this.parkData?.economics ?? NO_ECONOMICS) : ownEconomicsMap(this.ownEconomics),
  );
  readonly activity = $derived(
    this.mode === 'park'
      ? this.parkData && this.parkData.id === this.pickedId
        ? this.parkData.activity
        : []
      : this.own.activity,
  );
  /** The engine's inventory of the current activity (typed rows are checked first, so errors are rare). */
  readonly computed: { inventory: SelfInventory; error: string | null } = $derived.by(() => {
    try {
      return {
        inventory: selfInventory(this.activity, this.economics, this.settings.snapshot()),
        error: null,
      };
    } catch (e) {
      return { inventory: { lines: [], years: [] }, error: e instanceof Error ? e.message : String(e) };
    }
  });
  readonly inventory = $derived(this.computed.inventory);
  readonly shownYear = $derived(
    this.inventory.years.some((y) => y.year === this.year)
      ? this.year!
      : (this.inventory.years.at(-1)?.year ?? null),
  );

  #store: KeyValueStore | null;
  #nextId = 1;

  constructor(store: KeyValueStore | null = browserStore()) {
    this.#store = store;
    const saved = (loadJson(store, KEY) ?? {}) as Record<string, unknown>;
    this.settings = new SettingsState(saved.settings);
    if (saved.mode === 'own' || saved.mode === 'park') this.mode = saved.mode;
    if (typeof saved.pickedId === 'string') this.pickedId = saved.pickedId;
    if (typeof saved.ownName === 'string') this.ownName = saved.ownName;
    if (typeof saved.ownSector === 'string') this.ownSector = saved.ownSector;
    if (typeof saved.pasteText === 'string') this.pasteText = saved.pasteText;
    if (Array.isArray(saved.ownRows)) this.ownRows = restoreOwnRows(saved.ownRows);
    if (saved.ownEconomics && typeof saved.ownEconomics === 'object') {
      this.ownEconomics = saved.ownEconomics as Record<string, { output: string; valueAdded: string }>;
    }
    this.#nextId = Math.max(0, ...this.ownRows.map((r) => r.id)) + 1;
  }

  /** Loads the park's enterprise list (call when the park changes). */
  async loadEnterprises(park: InventorySource): Promise<void> {
    const r = await park.latest('self-check-enterprises', (query) => query(enterpriseListSql()));
    if (r.stale) return;
    const t = r.value;
    const id = stringColumn(t, 'enterprise_id');
    const zh = stringColumn(t, 'name_zh');
    const en = stringColumn(t, 'name_en');
    const sector = stringColumn(t, 'sector');
    this.enterprises = id.map((x, i) => ({ id: x, nameZh: zh[i], nameEn: en[i], sector: sector[i] }));
  }

  /** Loads the picked enterprise's activity and economics from the park (the latest pick lands). */
  async loadPicked(park: InventorySource): Promise<void> {
    const id = this.pickedId;
    try {
      const r = await park.latest('self-check-picked', (query) =>
        id
          ? Promise.all([query(enterpriseActivitySql(), [id]), query(enterpriseEconomicsSql(), [id])])
          : Promise.resolve(null),
      );
      if (r.stale) return;
      this.parkData = r.value
        ? { id: id!, activity: activityFromTable(r.value[0]), economics: economicsFromTable(r.value[1]) }
        : null;
      this.loadError = null;
    } catch (e) {
      this.loadError = e instanceof Error ? e.message : String(e);
    }
  }

  #peersKey(revision: number, sector: string, year: number | null): string {
    return JSON.stringify([revision, sector, year, this.settings.options()]);
  }

  /** Loads the sector peers' inventories of a year with the current settings, for a park revision. */
  async loadPeers(park: InventorySource, revision: number, sector: string, year: number): Promise<void> {
    const options = this.settings.options();
    const key = this.#peersKey(revision, sector, year);
    if (this.peers?.key === key) return;
    try {
      const r = await park.latest('self-check-peers', async (query) =>
        query(enterpriseYearFromSql(await park.inventory(options), true), [year, sector]),
      );
      if (!r.stale) this.peers = { key, table: r.value };
    } catch (e) {
      this.loadError = e instanceof Error ? e.message : String(e);
    }
  }

  /** The loaded peers when they match the park revision, sector, year and current settings; else null. */
  peersFor(revision: number, sector: string, year: number | null): Table | null {
    return sector && this.peers?.key === this.#peersKey(revision, sector, year) ? this.peers.table : null;
  }

  addRow(): void {
    const last = this.ownRows.at(-1);
    const carrier = last?.carrier ?? 'electricity';
    this.ownRows.push({
      id: this.#nextId++,
      year: last?.year ?? '2024',
      carrier,
      amount: '',
      unit: fitUnit(carrier, ''),
    });
  }

  removeRow(id: number): void {
    this.ownRows = this.ownRows.filter((r) => r.id !== id);
  }

  setCarrier(id: number, carrier: string): void {
    const r = this.ownRows.find((x) => x.id === id);
    if (!r) return;
    r.carrier = carrier;
    r.unit = fitUnit(carrier, r.unit);
  }

  /**
   * Reads the pasted text with the importer: the good lines are appended to the form, the lines with a
   * problem stay in the box (with the header line) to be fixed. Lines without a year take the year on
   * show (else the last year typed).
   */
  importPaste(): void {
    const last = this.ownRows.at(-1)?.year;
    const year = this.shownYear ?? (last !== undefined && /^\d{4}$/.test(last) ? Number(last) : undefined);
    const res = parsePaste(this.pasteText, { year });
    for (const r of res.rows) {
      this.ownRows.push({
        id: this.#nextId++,
        year: String(r.year),
        carrier: r.carrier,
        amount: String(r.amount),
        unit: r.unit,
      });
    }
    if (res.enterpriseId && res.rows.length > 0 && !this.ownName.trim()) this.ownName = res.enterpriseId;
    this.pasteText = res.rest;
    this.pasteResult = res;
  }

  /** Copies the picked enterprise's data into the editable form ("what if" on its own figures). */
  copyPickedToOwn(): void {
    const d = this.parkData;
    if (!d) return;
    this.ownRows = d.activity.map((a) => ({
      id: this.#nextId++,
      year: String(a.year),
      carrier: a.carrier,
      amount: String(a.amount),
      unit: a.unit,
    }));
    this.ownEconomics = Object.fromEntries(
      [...d.economics].map(([y, e]) => [
        String(y),
        { output: String(e.output), valueAdded: String(e.valueAdded) },
      ]),
    );
    this.ownSector = this.picked?.sector ?? '';
    this.ownName = this.picked ? `${this.picked.id}` : '';
    this.mode = 'own';
  }

  setEconomics(year: number, field: 'output' | 'valueAdded', value: string): void {
    const cur = this.ownEconomics[String(year)] ?? { output: '', valueAdded: '' };
    this.ownEconomics[String(year)] = { ...cur, [field]: value };
  }

  /** Forgets every typed value, here and in localStorage. */
  clearOwn(): void {
    this.ownRows = [];
    this.ownEconomics = {};
    this.ownName = '';
    this.ownSector = '';
    this.pasteText = '';
    this.pasteResult = null;
    removeKey(this.#store, KEY);
  }

  /** Writes the typed state to localStorage; the page calls it from an effect, so every change is kept. */
  save(): void {
    saveJson(this.#store, KEY, {
      mode: this.mode,
      pickedId: this.pickedId,
      ownName: this.ownName,
      ownSector: this.ownSector,
      ownRows: this.ownRows,
      ownEconomics: this.ownEconomics,
      pasteText: this.pasteText,
      settings: this.settings.snapshot(),
    });
  }
}

function restoreOwnRows(v: unknown[]): OwnRow[] {
  return v.flatMap((x, i) => {
    if (!x || typeof x !== 'object') return [];
    const o = x as Record<string, unknown>;
    const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : '');
    return [
      {
        id: typeof o.id === 'number' ? o.id : i + 1,
        year: s('year'),
        carrier: s('carrier'),
        amount: s('amount'),
        unit: s('unit'),
      },
    ];
  });
}

let instance: SelfCheckState | null = null;

/** The session's self-check state (created on first use). */
export function selfCheckState(): SelfCheckState {
  // Created under a root effect, not under the page that asks first: its derived values must keep
  // updating after that page is left and opened again.
  if (!instance) $effect.root(() => void (instance = new SelfCheckState()));
  return instance!;
}
