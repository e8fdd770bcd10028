/**
 * Cell text as people type it: full-width digits and punctuation, thousands separators, stray spaces.
 * Numbers are normalised, not rejected; what cannot be read is said plainly. Echoed values are cut short.
 */

/** A cell value cut to a readable length for messages. */
export function echo(value: string, max = 40): string {
  const s = value.length > max ? `${value.slice(0, max)}… (${value.length} characters)` : value;
  return `"${s}"`;
}

/** A key for matching names: NFKC, lower case, no spaces, brackets, punctuation or underscores. */
export function key(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-–—·.:：,，、/\\()[\]{}（）【】<>《》"'“”‘’]/g, '');
}

export type NumberResult = { ok: true; value: number } | { ok: false; reason: string } | { ok: 'empty' };

/** Digits with at most one point and at most 20 characters: the common case, read without normalising. */
function plainDecimal(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 20) return false;
  let point = false;
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !point) point = true;
    else return false;
  }
  return digits > 0;
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const SPACE_GROUPED = /^[+-]?\d{1,3}( \d{3})+(\.\d+)?$/;

/**
 * Reads a number as a spreadsheet user writes it: `1,234.5`, `１２３４`, ` 12 ` are fine; `1,23`
 * (a decimal comma?) is ambiguous and refused with the reason; so are overflowing values (`1e400`).
 * Statistics forms write "-" or "—" for "none": read as empty.
 */
export function readNumber(raw: unknown): NumberResult {
  if (typeof raw === 'number') {
    return Number.isFinite(raw)
      ? { ok: true, value: raw }
      : { ok: false, reason: `${raw} is not a finite number` };
  }
  if (raw === null || raw === undefined) return { ok: 'empty' };
  if (typeof raw === 'bigint') return { ok: true, value: Number(raw) };
  if (typeof raw !== 'string') return { ok: false, reason: `${echo(String(raw))} is not a number` };
  if (plainDecimal(raw)) return { ok: true, value: Number(raw) };
  let s = raw
    .normalize('NFKC')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .trim();
  if (s === '' || s === '-' || s === '—' || s === '--' || s === '/') return { ok: 'empty' };
  if (s.length > 60) return { ok: false, reason: `${echo(raw)} is not a number (too long)` };
  s = s.replace(/。/g, '.');
  if (GROUPED.test(s)) s = s.replaceAll(',', '');
  else if (SPACE_GROUPED.test(s)) s = s.replaceAll(' ', '');
  else if (/^[+-]?[\d.]+,\d+$/.test(s) || /\d,\d/.test(s)) {
    return {
      ok: false,
      reason: `${echo(raw)} is ambiguous: a comma here is not a thousands separator (write decimals with a point)`,
    };
  }
  if (!PLAIN.test(s)) return { ok: false, reason: `${echo(raw)} is not a number` };
  const v = Number(s);
  if (!Number.isFinite(v)) return { ok: false, reason: `${echo(raw)} is too large to be an amount` };
  return { ok: true, value: v };
}

/** Levenshtein distance on code points, stopping early above `max`. */
function distance(a: string, b: string, max = 8): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[y.length];
}

/**
 * The closest of `candidates` (display text, match key) to `value`, when close enough to be a likely
 * typo or variant: edit distance at most a third of the length (at least 1), or one contains the other.
 */
export function closest(
  value: string,
  candidates: readonly { show: string; key: string }[],
): string | undefined {
  const k = key(value);
  if (k === '' || k.length > 40) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  let bestPrefix = -1;
  const prefix = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  for (const c of candidates) {
    if (c.key === '') continue;
    const limit = Math.max(1, Math.floor(Math.max([...k].length, [...c.key].length) / 3));
    let d = distance(k, c.key, limit);
    if (d > limit && (c.key.includes(k) || k.includes(c.key)) && Math.min(k.length, c.key.length) >= 2)
      d = limit;
    // Ties go to the candidate that starts like the value (蒸气 → 蒸汽 rather than 燃气).
    if (d <= limit && (d < bestScore || (d === bestScore && prefix(k, c.key) > bestPrefix))) {
      best = c.show;
      bestScore = d;
      bestPrefix = prefix(k, c.key);
    }
  }
  return best;
}
