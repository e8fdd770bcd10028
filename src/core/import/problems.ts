/**
 * Collects problems up to a limit while counting all of them. Problems of one kind (the same reason
 * once values and numbers are set aside, in the same column) are listed up to PER_KIND times; the rest
 * are counted and said in one line ("… and 99,980 more like this"), so a file with the same mistake on
 * every row gives a short, readable list.
 */
import type { Problem } from '../errors';

export const DEFAULT_MAX_PROBLEMS = 1000;
/** Problems of one kind listed before the rest are only counted. */
const PER_KIND = 20;

/** A problem's kind: severity, column and reason with quoted values and numbers set aside. */
function kindOf(p: Problem): string {
  const reason = p.reason.replace(/"[^"]*"|“[^”]*”|\d+(\.\d+)?/g, '#');
  return `${p.severity ?? 'error'}\u0000${p.column ?? ''}\u0000${reason}`;
}

/** Problems stood for by a summary line (beyond the one shown). */
const summarised = new WeakMap<Problem, number>();

/** How many problems a listed problem stands for: 1, or the count of a "… and n more like this" line. */
export function represented(p: Problem): number {
  return summarised.get(p) ?? 1;
}

export class Problems {
  private readonly shown: Problem[] = [];
  private readonly kinds = new Map<string, { n: number; first: Problem }>();
  errors = 0;
  warnings = 0;
  constructor(readonly max = DEFAULT_MAX_PROBLEMS) {}

  add(p: Problem): void {
    if (p.severity === 'warning') this.warnings++;
    else this.errors++;
    const k = kindOf(p);
    const seen = this.kinds.get(k);
    if (seen) seen.n++;
    else this.kinds.set(k, { n: 1, first: p });
    if ((seen?.n ?? 1) > PER_KIND) return;
    if (this.shown.length < this.max) this.shown.push(p);
  }

  error(p: Omit<Problem, 'severity'>): void {
    this.add(p);
  }

  warn(p: Omit<Problem, 'severity'>): void {
    this.add({ ...p, severity: 'warning' });
  }

  addAll(ps: readonly Problem[]): void {
    for (const p of ps) this.add(p);
  }

  /** The problems listed, then one line per kind that had more than PER_KIND. */
  get list(): Problem[] {
    const out = this.shown.slice();
    for (const { n, first } of this.kinds.values()) {
      if (n <= PER_KIND) continue;
      const line: Problem = {
        file: first.file,
        column: first.column,
        severity: first.severity,
        reason: `… and ${(n - PER_KIND).toLocaleString('en')} more like this (${n.toLocaleString('en')} in all), e.g. ${first.reason}`,
      };
      summarised.set(line, n - PER_KIND);
      out.push(line);
    }
    return out;
  }

  /** Total problems found, shown or not. */
  get total(): number {
    return this.errors + this.warnings;
  }
}
