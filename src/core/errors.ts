/**
 * The one located-error type: every reader (CSV, XLSX, Parquet, Arrow, JSON, manifest, scenario
 * documents, options) reports a problem as where (file, row, column or field path) and why, and
 * throws an InputError carrying all problems found so far. Rows are numbered as the user's file
 * numbers them (the header of a CSV is row 1).
 */

export interface Problem {
  /** File name (or "option --x", "scenario", "share link" …). */
  file: string;
  /** 1-based row as the user's file numbers it; absent for non-tabular inputs. */
  row?: number;
  /** Column name as the user's file spells it. */
  column?: string;
  /** Field path inside a document, e.g. "levers.ccus.capture_rate". */
  field?: string;
  reason: string;
  /** 'error' (default) blocks the load; 'warning' is shown and the data still loads. */
  severity?: 'error' | 'warning';
}

/** "file: row N, column C: reason" (or "file: field a.b: reason"). */
export function formatProblem(p: Problem): string {
  const where = [p.file];
  if (p.row !== undefined) where.push(`row ${p.row}`);
  if (p.column !== undefined) where.push(`column ${p.column}`);
  if (p.field !== undefined) where.push(`field ${p.field}`);
  return `${where.join(', ').replace(', ', ': ')}: ${p.reason}`;
}

/** Lists at most `limit` problems, then says how many more there were. */
export function formatProblems(problems: readonly Problem[], limit = 20): string {
  const shown = problems.slice(0, limit).map(formatProblem);
  if (problems.length > limit) shown.push(`… and ${problems.length - limit} more problems`);
  return shown.join('\n');
}

export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly problems: readonly Problem[]) {
    super(formatProblems(problems));
  }
}

/** Throws an InputError for one problem. */
export function fail(problem: Problem): never {
  throw new InputError([problem]);
}
