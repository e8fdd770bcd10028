/**
 * What the SQL console may run. The park's tables are read-only to it; the user's own tables live in
 * the schema `scratch` (create, fill, change and drop them freely); nothing reaches files, the network
 * or extensions, and the database's settings stay as the app set them. The check reads the statement's
 * tokens (comments, strings and quoted names understood), so `'DROP TABLE activity'` in a string is
 * text, not a statement. It is a gate in front of the database, which also runs with external access
 * switched off (src/data/duckdb-browser.ts).
 */

/** The schema the console's own tables live in. */
export const SCRATCH_SCHEMA = 'scratch';

export type RefusalKind = 'readonly' | 'extension' | 'external' | 'settings' | 'schema';

export interface Refusal {
  kind: RefusalKind;
  /** The statement's verb as written (e.g. `DROP TABLE`, `INSTALL`). */
  verb: string;
  /** The object it names, when there is one (e.g. `activity`, `read_csv`, a URL). */
  target?: string;
  /** 1-based index of the statement in the script. */
  statement: number;
}

interface Token {
  kind: 'word' | 'quoted' | 'string' | 'symbol';
  text: string;
}

/** Splits a script into statements of tokens (comments dropped, strings and quoted names kept whole). */
export function tokenize(sql: string): { tokens: Token[]; text: string }[] {
  const out: { tokens: Token[]; text: string }[] = [];
  let tokens: Token[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const text = sql.slice(start, end).trim();
    if (tokens.length > 0) out.push({ tokens, text });
    tokens = [];
    start = end + 1;
  };
  while (i < sql.length) {
    const c = sql[i];
    if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      while (j < sql.length) {
        if (sql[j] === c && sql[j + 1] === c) {
          text += c;
          j += 2;
        } else if (sql[j] === c) break;
        else text += sql[j++];
      }
      tokens.push({ kind: c === "'" ? 'string' : 'quoted', text });
      i = j + 1;
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      tokens.push({ kind: 'string', text: sql.slice(i + tag.length, end < 0 ? sql.length : end) });
      i = end < 0 ? sql.length : end + tag.length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[j])) j++;
      tokens.push({ kind: 'word', text: sql.slice(i, j) });
      i = j;
    } else if (c === ';') {
      push(i);
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else {
      tokens.push({ kind: 'symbol', text: c });
      i++;
    }
  }
  push(sql.length);
  return out;
}

const up = (t: Token | undefined) => (t?.kind === 'word' ? t.text.toUpperCase() : '');

const READS = new Set([
  'SELECT',
  'FROM',
  'VALUES',
  'TABLE',
  'DESCRIBE',
  'DESC',
  'SHOW',
  'SUMMARIZE',
  'PIVOT',
  'UNPIVOT',
  'PIVOT_WIDER',
  'PIVOT_LONGER',
]);
const WRITES = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'CREATE',
  'DROP',
  'ALTER',
  'TRUNCATE',
  'COMMENT',
  'MERGE',
]);
const EXTENSIONS = new Set(['INSTALL', 'LOAD', 'FORCE']);
const EXTERNAL = new Set(['ATTACH', 'DETACH', 'COPY', 'EXPORT', 'IMPORT']);
const SETTINGS = new Set([
  'SET',
  'RESET',
  'PRAGMA',
  'CALL',
  'USE',
  'BEGIN',
  'START',
  'COMMIT',
  'ROLLBACK',
  'ABORT',
  'END',
  'CHECKPOINT',
  'VACUUM',
  'ANALYZE',
  'PREPARE',
  'EXECUTE',
  'DEALLOCATE',
]);

/** Table functions that read files or URLs. */
const FILE_FUNCTION = /^(read_\w+|parquet_\w+|sniff_csv|glob|\w+_scan|load_\w+|iceberg_\w+|delta_\w+)$/i;
/** A string that names a URL (a replacement scan would fetch it; files are closed by the database). */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Reads a possibly qualified name from position `at`: its parts and the position after it. */
function nameAt(tokens: readonly Token[], at: number): { parts: string[]; next: number } {
  const parts: string[] = [];
  let i = at;
  while (tokens[i] && (tokens[i].kind === 'word' || tokens[i].kind === 'quoted')) {
    parts.push(tokens[i].text);
    if (tokens[i + 1]?.kind === 'symbol' && tokens[i + 1].text === '.') i += 2;
    else {
      i++;
      break;
    }
  }
  return { parts, next: i };
}

const inScratch = (parts: readonly string[]) =>
  parts.length >= 2 && parts[parts.length - 2].toLowerCase() === SCRATCH_SCHEMA;

/** The index of the statement's verb: the first top-level keyword after WITH's definitions and EXPLAIN. */
function verbAt(tokens: readonly Token[]): number {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'symbol' && t.text === '(') depth++;
    else if (t.kind === 'symbol' && t.text === ')') depth--;
    else if (depth === 0 && t.kind === 'word') {
      const w = up(t);
      if (i === 0 && w === 'WITH') continue;
      if (w === 'EXPLAIN' || (w === 'ANALYZE' && up(tokens[i - 1]) === 'EXPLAIN')) continue;
      if (READS.has(w) || WRITES.has(w) || EXTENSIONS.has(w) || EXTERNAL.has(w) || SETTINGS.has(w)) return i;
      if (i === 0) return i;
    }
  }
  return tokens[0]?.kind === 'symbol' && tokens[0].text === '(' ? -1 : 0;
}

/** The object a write statement changes (a possibly qualified name), or null when it names none. */
function writeTarget(tokens: readonly Token[], v: number): { verb: string; parts: string[] } | null {
  const w = up(tokens[v]);
  let i = v + 1;
  const skip = (...words: string[]) => {
    while (words.includes(up(tokens[i]))) i++;
  };
  if (w === 'INSERT') {
    skip('OR', 'REPLACE', 'IGNORE', 'INTO');
  } else if (w === 'DELETE') {
    skip('FROM');
  } else if (w === 'TRUNCATE') {
    skip('TABLE');
  } else if (w === 'COMMENT') {
    skip('ON', 'TABLE', 'VIEW', 'COLUMN', 'MACRO', 'SEQUENCE', 'TYPE', 'SCHEMA', 'INDEX');
  } else if (w === 'MERGE') {
    skip('INTO');
  } else if (w === 'CREATE' || w === 'DROP' || w === 'ALTER') {
    skip('OR', 'REPLACE', 'TEMP', 'TEMPORARY', 'PERSISTENT', 'UNIQUE');
    const kind = up(tokens[i]);
    if (kind === 'SCHEMA' || kind === 'DATABASE' || kind === 'SECRET')
      return { verb: `${w} ${kind}`, parts: [] };
    i++;
    if (kind === 'INDEX') {
      // CREATE INDEX name ON table: the table is what changes.
      skip('IF', 'NOT', 'EXISTS');
      const n = nameAt(tokens, i);
      i = up(tokens[n.next]) === 'ON' ? n.next + 1 : n.next;
      if (w !== 'CREATE') return { verb: `${w} INDEX`, parts: n.parts };
    }
    skip('IF', 'NOT', 'EXISTS');
    return { verb: `${w} ${kind}`, parts: nameAt(tokens, i).parts };
  }
  return { verb: w, parts: nameAt(tokens, i).parts };
}

/** Checks one statement's tokens; null when the console may run it. */
function checkStatement(tokens: readonly Token[], statement: number): Refusal | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'word' && tokens[i + 1]?.text === '(' && FILE_FUNCTION.test(t.text)) {
      return { kind: 'external', verb: 'SELECT', target: t.text, statement };
    }
    if (t.kind === 'string' && URL_LIKE.test(t.text.trim())) {
      return { kind: 'external', verb: 'SELECT', target: t.text.slice(0, 80), statement };
    }
  }
  const v = verbAt(tokens);
  if (v < 0) return null;
  const w = up(tokens[v]);
  if (READS.has(w)) return null;
  if (
    (EXTENSIONS.has(w) && (w !== 'FORCE' || up(tokens[v + 1]) === 'INSTALL')) ||
    (w === 'UPDATE' && up(tokens[v + 1]) === 'EXTENSIONS')
  ) {
    const target = tokens.slice(v + 1).find((x) => x.kind !== 'symbol' && up(x) !== 'INSTALL')?.text;
    return { kind: 'extension', verb: w, target, statement };
  }
  if (EXTERNAL.has(w)) return { kind: 'external', verb: w, statement };
  if (SETTINGS.has(w) || w === 'FORCE') return { kind: 'settings', verb: w, statement };
  if (WRITES.has(w)) {
    const target = writeTarget(tokens, v);
    if (!target) return null;
    if (/ (SCHEMA|DATABASE|SECRET)$/.test(target.verb))
      return { kind: 'schema', verb: target.verb, statement };
    if (inScratch(target.parts)) {
      // DROP TABLE scratch.a, b: every name must be a scratch one.
      if (up(tokens[v]) === 'DROP') {
        for (let i = v + 1; i < tokens.length; i++) {
          if (tokens[i].text === ',') {
            const n = nameAt(tokens, i + 1);
            if (!inScratch(n.parts)) {
              return { kind: 'readonly', verb: target.verb, target: n.parts.join('.'), statement };
            }
          }
        }
      }
      return null;
    }
    return { kind: 'readonly', verb: target.verb, target: target.parts.join('.') || undefined, statement };
  }
  // Anything else the console does not know: not run.
  return { kind: 'settings', verb: tokens[v]?.text.toUpperCase() ?? '', statement };
}

/** The first statement of the script the console must not run, or null when it may run all of them. */
export function checkConsoleSql(sql: string): Refusal | null {
  const statements = tokenize(sql);
  for (let s = 0; s < statements.length; s++) {
    const r = checkStatement(statements[s].tokens, s + 1);
    if (r) return r;
  }
  return null;
}

/** What a database error means for the console's user. */
export type ErrorHint = 'simRuns' | 'missingTable' | 'syntax' | 'memory' | 'cancelled' | null;

/** Recognises the errors the console can say more about; `message` is DuckDB's own. */
export function errorHint(message: string): { hint: ErrorHint; table?: string } {
  const missing = /Table with name ([^\s]+) does not exist/i.exec(message);
  if (missing) {
    const table = missing[1].replace(/^"|"$/g, '');
    return { hint: table.toLowerCase() === 'sim_runs' ? 'simRuns' : 'missingTable', table };
  }
  if (/interrupt|cancel/i.test(message)) return { hint: 'cancelled' };
  if (/Parser Error|syntax error/i.test(message)) return { hint: 'syntax' };
  if (/out of memory|memory limit|Out of Memory/i.test(message)) return { hint: 'memory' };
  return { hint: null };
}
