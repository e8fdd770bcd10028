/** Collects problems up to a limit while counting all of them, and remembers which rows failed. */
import type { Problem } from '../errors';

export const DEFAULT_MAX_PROBLEMS = 1000;

export class Problems {
  readonly list: Problem[] = [];
  errors = 0;
  warnings = 0;
  constructor(readonly max = DEFAULT_MAX_PROBLEMS) {}

  add(p: Problem): void {
    if (p.severity === 'warning') this.warnings++;
    else this.errors++;
    if (this.list.length < this.max) this.list.push(p);
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

  /** Total problems found, shown or not. */
  get total(): number {
    return this.errors + this.warnings;
  }
}
