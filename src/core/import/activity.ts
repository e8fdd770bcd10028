/**
 * Activity data of any layout → canonical rows (enterprise_id, year, carrier, amount in the carrier's
 * canonical unit). Long layouts (one row per carrier), wide ones (one column per carrier, unit in the
 * header) and the statistics bureau's P201 / 205-1 energy form (one enterprise and period per sheet;
 * 用作原材料 kept apart as feedstock; monthly and cumulative 1–n月 periods summed to years without
 * double counting). Every problem names file, row, column and reason; rows with an error are left out
 * and counted, so the caller loads the valid rows or nothing.
 */
import { CARRIERS, carrierInfo } from '../carriers';
import { convert, unitDimension, UnitError, type UnitDef } from '../units';
import type { ActivityColumns } from './columns';
import { InputError, type Problem } from '../errors';
import { csvScan } from './csv';
import { cellText, gridSize, type Cell, type Grid } from './grid';
import type { MappingDoc } from './mapping';
import { parsePeriod, periodText, readFormHeader, type Period } from './period';
import { columnLabel, fieldColumn, planSheet, userCarriers, userUnit, type SheetPlan } from './plan';
import { Problems } from './problems';
import { DEFAULT_STEAM_GRADE, gradeHint, STEAM_SOURCE, steamGjPerTonne, steamGrade } from './steam';
import { echo, key, readNumber } from './text';
import { carrierFromName, isSteamName, isTotalRow, suggestCarrier, tryUnit, type UnitReading } from './vocab';

/** Above this many canonical units (t, 10^4 m3, 10^4 kWh, GJ) one enterprise's year is not believable. */
const IMPLAUSIBLE_AMOUNT = 1e9;
/** A row this many times the median of its carrier in the file is flagged (warning) as a likely unit slip. */
const OUTLIER_RATIO = 100;
export const DEFAULT_YEAR_RANGE: [number, number] = [1990, 2100];

export interface ActivityImport {
  /** Valid rows, summed to (enterprise, year, carrier), sorted by that key. */
  activity: ActivityColumns;
  /** Feedstock use (用作原材料) of P201 forms, same shape; excluded from `activity`. */
  feedstock: ActivityColumns;
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  /** Data rows read and how many of them had an error. */
  rowsRead: number;
  rowsRejected: number;
  plans: SheetPlan[];
  /** Enterprise names met on the way (name column, form header). */
  names: Map<string, string>;
}

export interface ActivityOptions {
  mapping?: MappingDoc;
  maxProblems?: number;
  /** Called every few thousand rows with rows done so far (progress bars). */
  progress?: (rowsDone: number, rowsTotal: number) => void;
  /**
   * Rows as the file gives them, for the accounting engine (`account`, `simulate --park`): a row that
   * stands alone for its (enterprise, year, carrier) keeps its amount and unit (as a unit code), rows
   * keep the file's order, and zero amounts are kept. Rows that were summed (periods, two names of one
   * carrier) or converted (steam in tonnes, 万度) are given in the canonical unit. Default: canonical
   * units, sorted by key, zero rows left out.
   */
  asGiven?: boolean;
}

interface Entry {
  /** Index in the EntryStore. */
  i: number;
  ent: string;
  /** (enterprise, year, carrier) as one number: interned enterprise × year × carrier index. */
  k: number;
  year: number;
  /** Months covered: 1–12 for annual data. */
  from: number;
  to: number;
  carrier: string;
  /**
   * P201 forms: the energy's name as written (match key), so two energies of one carrier (烟煤, 无烟煤)
   * are summed and one name twice is a duplicate. Other layouts: empty (one carrier twice is a duplicate).
   */
  name: string;
  amount: number;
  feedstock: number;
  file: string;
  row: number;
  column: string;
  /** For P201 sheets: which sheet (a period's data set). */
  sheet?: string;
}

/**
 * Entries as typed columns: a million rows are read without a million objects. Entry objects are made
 * only where a message or the period rules need one (`entry(i)`).
 */
class EntryStore {
  n = 0;
  private cap = 1024;
  k = new Float64Array(this.cap);
  ent = new Int32Array(this.cap);
  year = new Int32Array(this.cap);
  from = new Uint8Array(this.cap);
  to = new Uint8Array(this.cap);
  carrier = new Uint8Array(this.cap);
  amount = new Float64Array(this.cap);
  feedstock = new Float64Array(this.cap);
  given = new Float64Array(this.cap);
  /** Index into `units`, or −1 when the amount is not as given. */
  givenUnit = new Int16Array(this.cap);
  row = new Int32Array(this.cap);
  /** Index into `places` (file, column, sheet). */
  place = new Int32Array(this.cap);
  /** P201 energy names, by entry index. */
  readonly names = new Map<number, string>();
  readonly places: { file: string; column: string; sheet?: string }[] = [];
  readonly units: string[] = [];
  private readonly unitIndex = new Map<string, number>();
  /** Every entry covers a whole year outside a P201 sheet (the common case: no period rules). */
  annualOnly = true;
  constructor(readonly entNames: readonly string[]) {}

  placeId(file: string, column: string, sheet?: string): number {
    this.places.push({ file, column, sheet });
    return this.places.length - 1;
  }

  unitId(code: string): number {
    let u = this.unitIndex.get(code);
    if (u === undefined) {
      u = this.units.length;
      this.units.push(code);
      this.unitIndex.set(code, u);
    }
    return u;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const g = <T extends Float64Array | Int32Array | Uint8Array | Int16Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.k = g(this.k);
    this.ent = g(this.ent);
    this.year = g(this.year);
    this.from = g(this.from);
    this.to = g(this.to);
    this.carrier = g(this.carrier);
    this.amount = g(this.amount);
    this.feedstock = g(this.feedstock);
    this.given = g(this.given);
    this.givenUnit = g(this.givenUnit);
    this.row = g(this.row);
    this.place = g(this.place);
    this.cap = cap;
  }

  push(
    ent: number,
    year: number,
    from: number,
    to: number,
    carrier: number,
    amount: number,
    feedstock: number,
    givenUnit: number,
    given: number,
    row: number,
    place: number,
    name: string,
  ): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.k[i] = (ent * NY + (year - 1900)) * NC + carrier;
    this.ent[i] = ent;
    this.year[i] = year;
    this.from[i] = from;
    this.to[i] = to;
    this.carrier[i] = carrier;
    this.amount[i] = amount;
    this.feedstock[i] = feedstock;
    this.givenUnit[i] = givenUnit;
    this.given[i] = given;
    this.row[i] = row;
    this.place[i] = place;
    if (name !== '') this.names.set(i, name);
    if (from !== 1 || to !== 12 || this.places[place].sheet !== undefined) this.annualOnly = false;
  }

  entry(i: number): Entry {
    const p = this.places[this.place[i]];
    return {
      i,
      ent: this.entNames[this.ent[i]],
      k: this.k[i],
      year: this.year[i],
      from: this.from[i],
      to: this.to[i],
      carrier: CARRIER_CODES[this.carrier[i]],
      name: this.names.get(i) ?? '',
      amount: this.amount[i],
      feedstock: this.feedstock[i],
      file: p.file,
      row: this.row[i],
      column: p.column,
      sheet: p.sheet,
    };
  }
}

interface Ctx {
  mapping: MappingDoc;
  carriers: Map<string, string>;
  problems: Problems;
  yearRange: [number, number];
  steamNoted: Set<string>;
  names: Map<string, string>;
  /** Rows with an error. */
  rejected: number;
  carrierCache: Map<string, { carrier?: string; reason?: string }>;
  unitCache: Map<string, UnitReading | undefined>;
  yearCache: Map<string, { year?: number; reason?: string }>;
  steamCache: Map<string, { gjPerT: number; label: string }>;
  entIndex: Map<string, number>;
  /** Interned enterprise ids, by index. */
  entNames: string[];
  /** The first name met for each enterprise id, and where. */
  nameRows: Map<string, { name: string; at: string }>;
  convertCache: Map<UnitDef, Map<string, (x: number) => number>>;
  asGiven: boolean;
}

function steamFactor(ctx: Ctx, carrierText: string): { gjPerT: number; label: string } {
  let f = ctx.steamCache.get(carrierText);
  if (!f) {
    f = steamFactorOf(ctx, carrierText);
    ctx.steamCache.set(carrierText, f);
  }
  return f;
}

function steamFactorOf(ctx: Ctx, carrierText: string): { gjPerT: number; label: string } {
  const s = ctx.mapping.steam;
  if (s?.gj_per_t !== undefined)
    return { gjPerT: s.gj_per_t, label: `${s.gj_per_t} GJ/t as given in the mapping` };
  const grade = steamGrade(s?.grade ?? gradeHint(carrierText) ?? DEFAULT_STEAM_GRADE)!;
  const gj = steamGjPerTonne(grade);
  return {
    gjPerT: gj,
    label: `${gj.toFixed(4)} GJ/t, ${grade.en} (${grade.zh}${s?.grade ? ', from the mapping' : gradeHint(carrierText) ? ', from its name' : ', the default'}; ${STEAM_SOURCE})`,
  };
}

/** Amount in the carrier's canonical unit, or the reason it cannot be converted. */
function canonical(
  ctx: Ctx,
  amount: number,
  u: UnitReading,
  carrier: string,
  carrierText: string,
  file: string,
  row: number,
  column: string,
): { value: number; steam?: true } | { reason: string } {
  const info = carrierInfo(carrier)!;
  if (u.scale === 1 && u.unit.code === info.unit) return { value: amount };
  const x = amount * u.scale;
  if (info.unit === 'GJ' && u.unit.dimensions.includes('mass')) {
    if (
      !(info.kind === 'heat' || info.kind === 'export') ||
      (carrierText && !isSteamName(carrierText) && !/热力|heat/i.test(carrierText) && carrierText !== carrier)
    ) {
      return { reason: `${u.unit.code} does not fit ${info.zh} (${carrier}); give heat in GJ or steam in t` };
    }
    const { gjPerT, label } = steamFactor(ctx, carrierText);
    if (!ctx.steamNoted.has(label)) {
      ctx.steamNoted.add(label);
      ctx.problems.warn({
        file,
        row,
        column,
        reason: `steam in tonnes converted to heat at ${label}; give "steam": {"grade": …} or {"gj_per_t": …} in the mapping to change it`,
      });
    }
    return { value: convert(x, u.unit.code, 't') * gjPerT, steam: true };
  }
  try {
    let byCarrier = ctx.convertCache.get(u.unit);
    if (!byCarrier) ctx.convertCache.set(u.unit, (byCarrier = new Map()));
    let f = byCarrier.get(carrier);
    if (!f) {
      unitDimension(u.unit, carrier);
      const from = u.unit.code;
      f = (v: number) => convert(v, from, info.unit, carrier);
      byCarrier.set(carrier, f);
    }
    return { value: f(x) };
  } catch (e) {
    if (e instanceof UnitError) return { reason: e.message };
    throw e;
  }
}

/** A year as the importer reads one (activity and economics): a whole year written as four digits. */
export function readYear(raw: Cell): { year?: number; reason?: string } {
  const t = cellText(raw)
    .normalize('NFKC')
    .replace(/\s*年(度)?$/, '');
  const n = readNumber(t);
  if (n.ok === 'empty') return { reason: 'empty' };
  if (n.ok !== true) return { reason: `${echo(cellText(raw))} is not a year` };
  if (!Number.isInteger(n.value) || (!/^\d{4}(\.0+)?$/.test(t.trim()) && typeof raw !== 'number'))
    return { reason: `${echo(cellText(raw))} is not a year (write it as 4 digits, e.g. 2024)` };
  return { year: n.value };
}

function resolveCarrier(ctx: Ctx, text: string): { carrier?: string; reason?: string } {
  let hit = ctx.carrierCache.get(text);
  if (!hit) {
    hit = resolveCarrierText(ctx, text);
    if (ctx.carrierCache.size < 10_000) ctx.carrierCache.set(text, hit);
  }
  return hit;
}

function resolveCarrierText(ctx: Ctx, text: string): { carrier?: string; reason?: string } {
  if (text === '') return { reason: 'empty' };
  const carrier = carrierFromName(text, ctx.carriers);
  if (carrier) return { carrier };
  const hint = suggestCarrier(text);
  return {
    reason:
      `unknown carrier ${echo(text)}` +
      (hint ? `; did you mean ${hint}?` : '.') +
      ' Map it once for the whole file (mapping "carriers") if it is one of ours',
  };
}

function resolveUnit(ctx: Ctx, text: string): UnitReading | undefined {
  if (ctx.unitCache.has(text)) return ctx.unitCache.get(text);
  const u = userUnit(ctx.mapping, text) ?? tryUnit(text);
  if (ctx.unitCache.size < 10_000) ctx.unitCache.set(text, u);
  return u;
}

function cachedYear(ctx: Ctx, raw: Cell): { year?: number; reason?: string } {
  const k = typeof raw === 'number' ? `#${raw}` : cellText(raw);
  let y = ctx.yearCache.get(k);
  if (!y) {
    y = readYear(raw);
    if (ctx.yearCache.size < 10_000) ctx.yearCache.set(k, y);
  }
  return y;
}

// ---------------------------------------------------------------- long and wide layouts

function sheetDefaults(plan: SheetPlan, ctx: Ctx): { ent?: string; period?: Period } {
  const form = readFormHeader(plan.titleText);
  const ent = ctx.mapping.enterprise_id ?? form.enterpriseId ?? undefined;
  if (ent && form.name) ctx.names.set(ent, form.name);
  const period = ctx.mapping.period
    ? parsePeriod(ctx.mapping.period)
    : ctx.mapping.year !== undefined
      ? { year: ctx.mapping.year, from: 1, to: 12 }
      : (form.period ?? (plan.grid.sheet ? parsePeriod(plan.grid.sheet) : undefined));
  return { ent, period };
}

function readRows(
  plan: SheetPlan,
  ctx: Ctx,
  entries: EntryStore,
  progress: (rowsDone: number) => void,
): number {
  const { grid } = plan;
  const file = grid.file;
  const col = (f: Parameters<typeof fieldColumn>[1]) => fieldColumn(plan, f);
  const iEnt = col('enterprise_id');
  const iName = col('name_zh');
  const iYear = col('year');
  const iMonth = col('month');
  const iCarrier = col('carrier');
  const iAmount = plan.layout === 'p201' ? col('consumption_total') : col('amount');
  const iUnit = col('unit');
  const iFeed = col('feedstock');
  const defaults = sheetDefaults(plan, ctx);
  // A missing column is named in the header's language (企业代码 in a Chinese header, enterprise_id in an
  // English one).
  const zh = plan.columns.some((c) => /[\u3400-\u9fff]/.test(c.header)) || plan.titleText.length > 0;
  const name = (cn: string, en: string) => (zh ? cn : en);
  const missing: { column: string; reason: string }[] = [];
  const need = (column: string, reason = 'missing column') => missing.push({ column, reason });
  if (iEnt < 0 && iName < 0 && !defaults.ent)
    need(
      name('企业代码', 'enterprise_id'),
      'missing column: no enterprise code or name column, and the mapping gives no "enterprise_id"',
    );
  if (iYear < 0 && !defaults.period)
    need(
      name('年份', 'year'),
      'missing column: no year column, no period in the title rows, and the mapping gives no "year" or "period"',
    );
  const wide = plan.columns.filter((c) => c.role?.kind === 'carrier');
  if (plan.layout !== 'wide') {
    if (iCarrier < 0) need(name('能源品种', 'carrier'));
    if (iAmount < 0) need(plan.layout === 'p201' ? '消费量合计' : name('消费量', 'amount'));
    if (iUnit < 0) need(name('计量单位', 'unit'));
  } else if (wide.length === 0) need(name('能源品种', 'carrier'));
  for (const m of missing) ctx.problems.error({ file, row: plan.headerRow, ...m });
  if (missing.length > 0) return 0;
  if (iEnt < 0 && iName >= 0 && !defaults.ent) {
    ctx.problems.warn({
      file,
      row: plan.headerRow,
      column: plan.columns[iName].header,
      reason: 'no enterprise code column: enterprise names are used as ids',
    });
  }
  const labels = plan.columns.map((_, i) => columnLabel(plan, i));
  const label = (i: number) => labels[i];
  // Per column, once: the unit of a wide carrier column and the entries' place (file, column, sheet).
  const wideUnits: UnitReading[] = [];
  for (const c of wide) {
    const role = c.role as Extract<NonNullable<typeof c.role>, { kind: 'carrier' }>;
    const u = tryUnit(role.unit)!;
    wideUnits[c.index] = { unit: u.unit, scale: u.scale * role.scale };
  }
  const places: number[] = [];
  const placeOf = (i: number) =>
    (places[i] ??= entries.placeId(file, label(i), plan.layout === 'p201' ? grid.file : undefined));
  let read = 0;
  const one = (cells: Cell[], row: number, r: number): void => {
    if ((r & 4095) === 0) progress(r);
    const before = ctx.problems.errors;
    let ent: string;
    if (iEnt >= 0) ent = cellText(cells[iEnt]);
    else if (defaults.ent) ent = defaults.ent;
    else ent = cellText(cells[iName]);
    const carrierText = iCarrier >= 0 ? cellText(cells[iCarrier]) : '';
    // Blank rows, notes under a form ("填表人：…") and total lines are not data.
    let meaningful = false;
    for (let i = 0; i < cells.length && !meaningful; i++)
      meaningful = i !== iName && cellText(cells[i]) !== '';
    if (!meaningful || isNoteRow(cells)) return;
    if (plan.layout === 'p201' && (carrierText === '' || isTotalRow(carrierText))) return;
    if (plan.layout === 'long' && iCarrier >= 0 && isTotalRow(carrierText)) return;
    if (plan.layout !== 'p201' && carrierText === '' && isTotalRow(ent)) return;
    read++;
    if (ent === '') bad(iEnt >= 0 ? iEnt : iName, 'empty enterprise code');
    else if (ent.length > 64)
      bad(iEnt >= 0 ? iEnt : iName, `enterprise code ${echo(ent)} is longer than 64 characters`);
    if (iName >= 0 && iEnt >= 0 && ent !== '') {
      const name = cellText(cells[iName]);
      const prev = ctx.nameRows.get(ent);
      if (name && prev === undefined) {
        ctx.names.set(ent, name);
        ctx.nameRows.set(ent, { name, at: `${file} row ${row}` });
      } else if (name && prev && prev.name !== name)
        bad(
          iName,
          `enterprise ${echo(ent)} is named ${echo(name)} here but ${echo(prev.name)} on ${prev.at}`,
        );
    }
    let year = defaults.period?.year;
    let from = defaults.period?.from ?? 1;
    let to = defaults.period?.to ?? 12;
    if (iYear >= 0) {
      const y = cachedYear(ctx, cells[iYear]);
      if (y.year === undefined) bad(iYear, y.reason === 'empty' ? 'empty year' : y.reason!);
      else if (y.year < ctx.yearRange[0] || y.year > ctx.yearRange[1])
        bad(iYear, `year ${y.year} is out of range ${ctx.yearRange[0]}–${ctx.yearRange[1]}`);
      else year = y.year;
      from = 1;
      to = 12;
    }
    if (iMonth >= 0) {
      const mText = cellText(cells[iMonth]).replace(/\s*月$/, '');
      const m = readNumber(mText);
      if (m.ok === true && Number.isInteger(m.value) && m.value >= 1 && m.value <= 12) from = to = m.value;
      else if (m.ok !== 'empty') bad(iMonth, `${echo(cellText(cells[iMonth]))} is not a month (1–12)`);
    }
    if (plan.layout === 'wide') {
      if (ctx.problems.errors > before) {
        ctx.rejected++;
        return;
      }
      for (const c of wide) {
        const role = c.role as Extract<NonNullable<typeof c.role>, { kind: 'carrier' }>;
        const n = readNumber(cells[c.index]);
        if (n.ok === 'empty') continue;
        if (n.ok === false) {
          bad(c.index, n.reason);
          continue;
        }
        if (n.value < 0) {
          bad(
            c.index,
            `${n.value} is negative; record deliveries with an export carrier (输出电力, 输出热力)`,
          );
          continue;
        }
        if (n.value === 0) continue;
        const v = canonical(
          ctx,
          n.value,
          wideUnits[c.index],
          role.carrier,
          role.label,
          file,
          row,
          label(c.index),
        );
        if ('reason' in v) bad(c.index, v.reason);
        else if (v.value > IMPLAUSIBLE_AMOUNT) bad(c.index, implausible(n.value, role.unit, role.carrier));
        else
          entries.push(
            entId(ctx, ent),
            year!,
            from,
            to,
            CARRIER_INDEX.get(role.carrier)!,
            v.value,
            0,
            -1,
            0,
            row,
            placeOf(c.index),
            '',
          );
      }
      if (ctx.problems.errors > before) ctx.rejected++;
      return;
    }
    const cr = resolveCarrier(ctx, carrierText);
    if (!cr.carrier) bad(iCarrier, cr.reason === 'empty' ? 'empty carrier' : cr.reason!);
    const unitText = cellText(cells[iUnit]);
    const u = unitText === '' ? undefined : resolveUnit(ctx, unitText);
    if (unitText === '') bad(iUnit, 'empty unit');
    else if (!u) bad(iUnit, `unknown unit ${echo(unitText)}`);
    const n = readNumber(cells[iAmount]);
    let amount: number | undefined;
    if (n.ok === 'empty') {
      if (plan.layout === 'p201') {
        if (ctx.problems.errors > before) ctx.rejected++;
        return; // a form's energy line left blank: not used
      }
      bad(iAmount, 'empty amount');
    } else if (n.ok === false) bad(iAmount, n.reason);
    else if (n.value < 0)
      bad(iAmount, `${n.value} is negative; record deliveries with an export carrier (输出电力, 输出热力)`);
    else amount = n.value;
    let feed = 0;
    if (iFeed >= 0) {
      const f = readNumber(cells[iFeed]);
      if (f.ok === false) bad(iFeed, f.reason);
      else if (f.ok === true) {
        if (f.value < 0) bad(iFeed, `${f.value} is negative`);
        else if (amount !== undefined && f.value > amount)
          bad(iFeed, `feedstock ${f.value} is more than the total consumption ${amount} on this row`);
        else feed = f.value;
      }
    }
    if (ctx.problems.errors > before || !cr.carrier || !u || amount === undefined) {
      ctx.rejected++;
      return;
    }
    const uCol = label(iUnit);
    const v = canonical(ctx, amount - feed, u, cr.carrier, carrierText, file, row, uCol);
    const fv = feed > 0 ? canonical(ctx, feed, u, cr.carrier, carrierText, file, row, uCol) : { value: 0 };
    if ('reason' in v) bad(iUnit, v.reason);
    else if ('reason' in fv) bad(iUnit, fv.reason);
    else if (v.value > IMPLAUSIBLE_AMOUNT) bad(iAmount, implausible(amount, u.unit.code, cr.carrier));
    if (ctx.problems.errors > before) {
      ctx.rejected++;
      return;
    }
    if (amount === 0 && feed === 0 && !ctx.asGiven) return;
    const plain = feed === 0 && u.scale === 1 && !('steam' in v);
    entries.push(
      entId(ctx, ent),
      year!,
      from,
      to,
      CARRIER_INDEX.get(cr.carrier)!,
      (v as { value: number }).value,
      (fv as { value: number }).value,
      plain ? entries.unitId(u.unit.code) : -1,
      plain ? amount : 0,
      row,
      placeOf(iAmount),
      plan.layout === 'p201' ? key(carrierText) : '',
    );
  };
  // A row's problems are said in the order of its columns.
  const rowProblems: { i: number; reason: string }[] = [];
  const bad = (i: number, reason: string) => {
    rowProblems.push({ i, reason });
    ctx.problems.errors++;
  };
  const each = (cells: Cell[], row: number, r: number) => {
    one(cells, row, r);
    if (rowProblems.length === 0) return;
    ctx.problems.errors -= rowProblems.length;
    rowProblems.sort((a, b) => a.i - b.i);
    for (const p of rowProblems) ctx.problems.error({ file, row, column: label(p.i), reason: p.reason });
    rowProblems.length = 0;
  };
  for (let r = plan.headerIndex + 1; r < grid.rows.length; r++) each(grid.rows[r], grid.rowNumbers[r], r);
  const tail = grid.tail;
  if (tail) {
    // The rest of a large CSV, parsed row by row as it is read (no array of every row kept).
    let r = grid.rows.length;
    try {
      csvScan(tail.text, tail.delimiter, file, tail.cursor, (cells, line) => each(cells, line, r++));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      for (const p of e.problems) ctx.problems.error({ ...p, reason: p.reason + tail.note });
    }
  }
  return read;
}

/** A line of notes under a table: only labelled cells ("单位负责人：", "填表人：张三", "说明: …"). */
function isNoteRow(cells: readonly Cell[]): boolean {
  let filled = 0;
  for (const c of cells) {
    const t = cellText(c);
    if (t === '') continue;
    filled++;
    if (!/[:：]/.test(t) && !/^(注|说明|备注)/.test(t)) return false;
  }
  return filled > 0;
}

function implausible(amount: number, unit: string, carrier: string): string {
  const info = carrierInfo(carrier)!;
  return `${amount} ${unit} of ${info.zh} (${carrier}) is not plausible for one enterprise in a year (more than ${IMPLAUSIBLE_AMOUNT.toExponential(0)} ${info.unit}); check the unit`;
}

// ---------------------------------------------------------------- keys

const CARRIER_CODES = [...new Set(Object.values(CARRIERS).map((c) => c.code))].sort();
const CARRIER_INDEX = new Map<string, number>(CARRIER_CODES.map((c, i) => [c, i]));
const NC = 32;
const NY = 256;

/** The interned index of an enterprise id (its order of first appearance). */
function entId(ctx: Ctx, ent: string): number {
  let i = ctx.entIndex.get(ent);
  if (i === undefined) {
    i = ctx.entNames.length;
    ctx.entIndex.set(ent, i);
    ctx.entNames.push(ent);
  }
  return i;
}

// ---------------------------------------------------------------- periods → years

/** Two names of one carrier in one enterprise-year (烟煤 and 无烟煤) are summed; the sum is said. */
function sameCarrier(ctx: Ctx, byCarrier: Map<string, Entry>, e: Entry): void {
  const k = `${e.ent}\u0000${e.year}\u0000${e.from}\u0000${e.carrier}`;
  const first = byCarrier.get(k);
  if (!first) byCarrier.set(k, e);
  else
    ctx.problems.warn({
      file: e.file,
      row: e.row,
      column: e.column,
      reason: `counted as ${e.carrier} together with ${where(first)} (another name of the same carrier): summed; if both rows are the same energy, keep one`,
    });
}

const where = (e: Entry) => `${e.file} row ${e.row}`;

/**
 * The first `n` keys (non-negative integers) each packed with its index as key × n + index and sorted,
 * or undefined when that would not be exact in a double.
 */
function packSorted(keys: Float64Array, n: number, at?: Int32Array): Float64Array | undefined {
  let max = 0;
  for (let j = 0; j < n; j++) {
    const k = keys[at ? at[j] : j];
    if (k > max) max = k;
  }
  if ((max + 1) * n >= Number.MAX_SAFE_INTEGER) return undefined;
  const packed = new Float64Array(n);
  for (let j = 0; j < n; j++) packed[j] = keys[at ? at[j] : j] * n + j;
  packed.sort();
  return packed;
}

/**
 * Sums entries to (enterprise, year, carrier). Annual rows: one per key (a second is an error naming
 * both rows). Periods: per enterprise and year, the longest cumulative 1–n月 period counts, monthly
 * data after month n is added, data already inside 1–n is not added again (a note says so), overlapping
 * ranges are an error, and a year not covered to December gets a warning.
 */
function sumToYears(store: EntryStore, ctx: Ctx): Int32Array {
  if (store.annualOnly) {
    // Annual rows only (the common case): a repeated key is an error naming both rows. Names are
    // empty outside P201 forms, so the key alone finds duplicates. Keys are sorted with their entry
    // index packed in (no map of a million keys); the first of equal keys is the original.
    const n = store.n;
    const dup = new Uint8Array(n);
    const firstOf = new Int32Array(n);
    const packed = packSorted(store.k, n);
    if (packed) {
      // The original is the first of each run of equal keys.
      let runKey = -1;
      let runFirst = 0;
      for (let j = 0; j < n; j++) {
        const key = Math.floor(packed[j] / n);
        const i = packed[j] - key * n;
        if (key !== runKey) {
          runKey = key;
          runFirst = i;
        } else {
          dup[i] = 1;
          firstOf[i] = runFirst;
        }
      }
    } else {
      const seen = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const prev = seen.get(store.k[i]);
        if (prev === undefined) seen.set(store.k[i], i);
        else {
          dup[i] = 1;
          firstOf[i] = prev;
        }
      }
    }
    const out = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (!dup[i]) {
        out[m++] = i;
        continue;
      }
      const e = store.entry(i);
      const first = store.entry(firstOf[i]);
      const same = e.amount === first.amount && e.feedstock === first.feedstock;
      ctx.problems.error({
        file: e.file,
        row: e.row,
        column: e.column,
        reason: same
          ? `duplicate row: the same as ${where(first)} (${e.ent}, ${e.year}, ${e.carrier}); remove one`
          : `duplicate: ${e.ent}, ${e.year}, ${e.carrier} is already on ${where(first)} (sum them in the file if both are meant)`,
      });
      ctx.rejected++;
    }
    return out.subarray(0, m);
  }
  const entries: Entry[] = new Array<Entry>(store.n);
  for (let i = 0; i < store.n; i++) entries[i] = store.entry(i);
  return Int32Array.from(sumPeriods(entries, ctx), (e) => e.i);
}

/** The period rules, on entry objects (P201 forms and monthly data: small). */
function sumPeriods(entries: readonly Entry[], ctx: Ctx): Entry[] {
  const byEntYear = new Map<string, Entry[]>();
  for (const e of entries) {
    const k = `${e.ent}\u0000${e.year}`;
    const list = byEntYear.get(k);
    if (list) list.push(e);
    else byEntYear.set(k, [e]);
  }
  const out: Entry[] = [];
  for (const list of byEntYear.values()) {
    // Distinct periods in this enterprise-year, each with its rows.
    const periods = new Map<string, Entry[]>();
    for (const e of list) {
      const k = `${e.from}-${e.to}${e.sheet ? `\u0000${e.sheet}` : ''}`;
      const l = periods.get(k);
      if (l) l.push(e);
      else periods.set(k, [e]);
    }
    // Duplicate keys inside one period (same enterprise, year, months, carrier).
    const byCarrier = new Map<string, Entry>();
    const clean = new Map<string, Entry[]>();
    const dupPeriods = new Map<string, Entry[]>(); // same months in two sheets
    for (const [pk, rows] of periods) {
      const seen = new Map<string, Entry>();
      const kept: Entry[] = [];
      for (const e of rows) {
        const prev = seen.get(`${e.carrier}\u0000${e.name}`);
        if (prev) {
          ctx.problems.error({
            file: e.file,
            row: e.row,
            column: e.column,
            reason: `duplicate: ${e.ent}, ${periodText(e)}, ${e.carrier} is already on ${where(prev)} (sum them in the file if both are meant)`,
          });
          ctx.rejected++;
        } else {
          seen.set(`${e.carrier}\u0000${e.name}`, e);
          kept.push(e);
          sameCarrier(ctx, byCarrier, e);
        }
      }
      const months = pk.split('\u0000')[0];
      const other = dupPeriods.get(months);
      if (other && rows[0].sheet) {
        const e = kept[0] ?? rows[0];
        ctx.problems.error({
          file: e.file,
          row: e.row,
          reason: `the period ${periodText(e)} of ${e.ent} is also given in ${other[0].file}; keep one`,
        });
        ctx.rejected += kept.length;
        continue;
      }
      dupPeriods.set(months, kept);
      clean.set(pk, kept);
    }
    const sets = [...clean.values()].filter((s) => s.length > 0);
    const annual = sets.filter((s) => s[0].from === 1 && s[0].to === 12);
    if (sets.length === 1) {
      const e = sets[0][0];
      if (e.from !== 1 || e.to !== 12) {
        ctx.problems.warn({
          file: e.file,
          row: e.row,
          reason: `${e.ent} ${e.year}: the data cover ${periodText(e)} only; the year's total is partial`,
        });
      }
      for (const item of sets[0]) out.push(item);
      continue;
    }
    if (annual.length >= 1 && sets.length > annual.length) {
      // A whole year plus parts of it: the year counts; the parts are already in it.
      const a = annual[0][0];
      const part = sets.find((s) => s !== annual[0])![0];
      ctx.problems.warn({
        file: part.file,
        row: part.row,
        reason: `${part.ent} ${a.year}: the whole year is given (${where(a)}); ${periodText(part)} is inside it and not added again`,
      });
      for (const item of annual[0]) out.push(item);
      continue;
    }
    // Cumulative ranges starting in January: the longest counts.
    const cumulative = sets.filter((s) => s[0].from === 1 && s[0].to > 1).sort((x, y) => y[0].to - x[0].to);
    let covered = cumulative.length ? cumulative[0][0].to : 0;
    const chosen: Entry[][] = cumulative.length ? [cumulative[0]] : [];
    for (const c of cumulative.slice(1)) {
      const e = c[0];
      ctx.problems.warn({
        file: e.file,
        row: e.row,
        reason: `${e.ent} ${e.year}: ${periodText(e)} is cumulative and inside ${periodText(cumulative[0][0])} (${where(cumulative[0][0])}); not added again`,
      });
    }
    const rest = sets.filter((s) => !(s[0].from === 1 && s[0].to > 1)).sort((x, y) => x[0].from - y[0].from);
    for (const s of rest) {
      const e = s[0];
      if (e.to <= covered && cumulative.length) {
        ctx.problems.warn({
          file: e.file,
          row: e.row,
          reason: `${e.ent} ${e.year}: ${periodText(e)} is inside the cumulative ${periodText(cumulative[0][0])} and not added again`,
        });
        continue;
      }
      if (e.from <= covered) {
        ctx.problems.error({
          file: e.file,
          row: e.row,
          reason: `${e.ent} ${e.year}: ${periodText(e)} overlaps months already given (1–${covered}月); the sum would count them twice`,
        });
        ctx.rejected += s.length;
        continue;
      }
      if (e.from > covered + 1) {
        ctx.problems.warn({
          file: e.file,
          row: e.row,
          reason: `${e.ent} ${e.year}: months ${covered + 1}–${e.from - 1} are missing before ${periodText(e)}`,
        });
      }
      chosen.push(s);
      covered = e.to;
    }
    if (covered < 12 && chosen.length) {
      const e = chosen[chosen.length - 1][0];
      ctx.problems.warn({
        file: e.file,
        row: e.row,
        reason: `${e.ent} ${e.year}: the data cover months up to ${covered} only; the year's total is partial`,
      });
    }
    for (const item of chosen.flat()) out.push(item);
  }
  return out;
}

// ---------------------------------------------------------------- output

function toColumns(
  store: EntryStore,
  kept: Int32Array,
  values: Float64Array,
  ctx: Ctx,
  asGiven = false,
): ActivityColumns {
  // One slot per (enterprise, year, carrier), in the order first met. Annual rows have one entry per
  // key already (duplicates were refused), so they need no map.
  const slotOf = store.annualOnly ? undefined : new Map<number, number>();
  const first = new Int32Array(kept.length);
  const sum = new Float64Array(kept.length);
  const count = new Int32Array(kept.length);
  let n = 0;
  for (let j = 0; j < kept.length; j++) {
    const i = kept[j];
    const v = values[i];
    if (v === 0 && !asGiven) continue;
    const s = slotOf?.get(store.k[i]);
    if (s === undefined) {
      slotOf?.set(store.k[i], n);
      first[n] = i;
      sum[n] = v;
      count[n] = 1;
      n++;
    } else {
      sum[s] += v;
      count[s]++;
    }
  }
  const out: ActivityColumns = {
    length: n,
    enterprise_id: new Array<string>(n),
    year: new Int32Array(n),
    carrier: new Array<string>(n),
    amount: new Float64Array(n),
    unit: new Array<string>(n),
  };
  const units = CARRIER_CODES.map((c) => carrierInfo(c)!.unit);
  const put = (o: number, s: number) => {
    const i = first[s];
    out.enterprise_id[o] = ctx.entNames[store.ent[i]];
    out.year[o] = store.year[i];
    const c = store.carrier[i];
    out.carrier[o] = CARRIER_CODES[c];
    if (asGiven && count[s] === 1 && store.givenUnit[i] >= 0) {
      out.amount[o] = store.given[i];
      out.unit[o] = store.units[store.givenUnit[i]];
    } else {
      out.amount[o] = sum[s];
      out.unit[o] = units[c];
    }
  };
  if (asGiven) {
    // The file's order (first row of each key).
    const rows = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      rows[s] = store.row[first[s]];
      put(s, s);
    }
    out.sourceRow = rows;
    return out;
  }
  // Sort by (enterprise id, year, carrier): rank the interned ids once, then sort numbers.
  const ids = ctx.entNames;
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const rank = new Float64Array(ids.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r;
  const keys = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const i = first[s];
    keys[s] = (rank[store.ent[i]] * NY + (store.year[i] - 1900)) * NC + store.carrier[i];
  }
  const packed = packSorted(keys, n);
  if (packed) for (let o = 0; o < n; o++) put(o, packed[o] - Math.floor(packed[o] / n) * n);
  else {
    const order = Array.from({ length: n }, (_, s) => s).sort((a, b) => keys[a] - keys[b]);
    for (let o = 0; o < n; o++) put(o, order[o]);
  }
  return out;
}

/**
 * Flags likely unit slips (kWh given as 万kWh, m3 as 万m3) as warnings: a year more than
 * OUTLIER_RATIO times the median of the same enterprise's other years of that carrier (three years or
 * more), or more than 10^4 times the file's median of the carrier, whatever the enterprise's size.
 */
function outliers(store: EntryStore, kept: Int32Array, ctx: Ctx): void {
  const median = (xs: Float64Array) => {
    xs.sort();
    const n = xs.length;
    return n % 2 ? xs[n >> 1] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
  };
  /** Entries grouped by a key (counting sort): each group's entry indexes and amounts side by side. */
  const grouped = (keyOf: (i: number) => number) => {
    const groupOf = new Map<number, number>();
    const g = new Int32Array(kept.length);
    const sizes: number[] = [];
    for (let j = 0; j < kept.length; j++) {
      const key = keyOf(kept[j]);
      let id = groupOf.get(key);
      if (id === undefined) {
        id = sizes.length;
        groupOf.set(key, id);
        sizes.push(0);
      }
      g[j] = id;
      sizes[id]++;
    }
    const start = new Int32Array(sizes.length + 1);
    for (let i = 0; i < sizes.length; i++) start[i + 1] = start[i] + sizes[i];
    const fill = start.slice(0, sizes.length);
    const members = new Int32Array(kept.length);
    for (let j = 0; j < kept.length; j++) members[fill[g[j]]++] = kept[j];
    return { start, members, groups: sizes.length };
  };
  const flagged = new Set<number>();
  const flag = (i: number, m: number, what: (e: Entry) => string) => {
    if (flagged.has(i)) return;
    flagged.add(i);
    const e = store.entry(i);
    ctx.problems.warn({
      file: e.file,
      row: e.row,
      column: e.column,
      reason: `${e.amount.toPrecision(4)} ${carrierInfo(e.carrier)!.unit} of ${e.carrier} is over ${what(e)} (${m.toPrecision(3)}); check the unit`,
    });
  };
  const check = (
    keyOf: (i: number) => number,
    minSize: number,
    ratio: number,
    what: (e: Entry) => string,
  ) => {
    const { start, members, groups } = grouped(keyOf);
    for (let g = 0; g < groups; g++) {
      const a = start[g];
      const b = start[g + 1];
      if (b - a < minSize) continue;
      const xs = new Float64Array(b - a);
      for (let j = a; j < b; j++) xs[j - a] = store.amount[members[j]];
      const m = median(xs);
      if (!(m > 0)) continue;
      for (let j = a; j < b; j++) if (store.amount[members[j]] > ratio * m) flag(members[j], m, what);
    }
  };
  // The same enterprise's years of a carrier (three or more), then the file's median of the carrier.
  check(
    (i) => store.ent[i] * NC + store.carrier[i],
    3,
    OUTLIER_RATIO,
    (e) => `${OUTLIER_RATIO} times the median of ${e.ent}'s years`,
  );
  check(
    (i) => store.carrier[i],
    10,
    1e4,
    (e) => `10^4 times the file's median of ${e.carrier}`,
  );
}

/** Imports activity from the grids of one or more files. */
export function importActivity(grids: readonly Grid[], options: ActivityOptions = {}): ActivityImport {
  const mapping = options.mapping ?? {};
  const ctx: Ctx = {
    mapping,
    carriers: userCarriers(mapping),
    problems: new Problems(options.maxProblems),
    yearRange: mapping.year_range ?? DEFAULT_YEAR_RANGE,
    steamNoted: new Set(),
    names: new Map(),
    rejected: 0,
    carrierCache: new Map(),
    unitCache: new Map(),
    yearCache: new Map(),
    steamCache: new Map(),
    entIndex: new Map(),
    entNames: [],
    nameRows: new Map(),
    convertCache: new Map(),
    asGiven: options.asGiven ?? false,
  };
  const plans: SheetPlan[] = [];
  const entries = new EntryStore(ctx.entNames);
  let rowsRead = 0;
  const total = grids.reduce((a, g) => a + gridSize(g), 0);
  let done = 0;
  for (const grid of grids) {
    if (grid.rows.length === 0) {
      // An empty sheet beside others is not an error; an empty only sheet is.
      if (grids.length === 1) ctx.problems.error({ file: grid.file, reason: 'the file is empty (no rows)' });
      continue;
    }
    const { plan, problems } = planSheet(grid, mapping);
    if (!plan) {
      // Workbooks: sheets without a header (notes, instructions) are skipped when another sheet has one.
      if (grids.length === 1 || !grids.some((g) => g !== grid && findable(g, mapping)))
        ctx.problems.addAll(problems);
      continue;
    }
    ctx.problems.addAll(problems);
    plans.push(plan);
    const base = done;
    rowsRead += readRows(plan, ctx, entries, (r) => options.progress?.(base + r, total));
    done += gridSize(grid);
    options.progress?.(done, total);
  }
  if (plans.length > 0 && rowsRead === 0 && ctx.problems.errors === 0) {
    ctx.problems.error({
      file: plans[0].grid.file,
      row: plans[0].headerRow,
      reason: 'no data rows under the header',
    });
  }
  const kept = sumToYears(entries, ctx);
  outliers(entries, kept, ctx);
  const activity = toColumns(entries, kept, entries.amount, ctx, ctx.asGiven);
  const feedstock = toColumns(entries, kept, entries.feedstock, ctx);
  return {
    activity,
    feedstock,
    problems: ctx.problems.list,
    errorCount: ctx.problems.errors,
    warningCount: ctx.problems.warnings,
    rowsRead,
    rowsRejected: ctx.rejected,
    plans,
    names: ctx.names,
  };
}

function findable(grid: Grid, mapping: MappingDoc): boolean {
  return planSheet(grid, mapping).plan !== undefined;
}

export type { UnitDef };
