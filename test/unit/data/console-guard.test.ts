/**
 * The SQL console's gate (src/data/sql/console-guard.ts): the park's tables are read-only, scratch tables
 * are the user's, and nothing reaches extensions, files, the network or the settings.
 */
import { describe, expect, it } from 'vitest';
import { checkConsoleSql, errorHint, tokenize } from '../../../src/data/sql/console-guard';

const ALLOWED = [
  'SELECT * FROM activity',
  'select sector, count(*) from enterprises group by 1',
  'FROM activity LIMIT 5',
  "WITH a AS (SELECT * FROM activity WHERE carrier = 'DROP TABLE activity') SELECT count(*) FROM a",
  'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r',
  '(SELECT 1) UNION ALL (SELECT 2)',
  'DESCRIBE activity',
  'SHOW TABLES',
  'SUMMARIZE economics',
  'EXPLAIN SELECT * FROM activity',
  "SELECT extract(year FROM DATE '2024-01-01')",
  '-- a comment: DROP TABLE activity\nSELECT 1',
  '/* INSTALL httpfs */ SELECT 1',
  'CREATE TABLE scratch.mine AS SELECT * FROM activity WHERE year = 2024',
  'CREATE OR REPLACE TABLE "scratch"."My table" (a INTEGER)',
  'CREATE VIEW IF NOT EXISTS scratch.v AS SELECT 1',
  'INSERT INTO scratch.mine SELECT * FROM activity',
  'INSERT OR REPLACE INTO scratch.mine VALUES (1)',
  "UPDATE scratch.mine SET carrier = 'x' FROM enterprises e WHERE e.enterprise_id = mine.enterprise_id",
  'DELETE FROM scratch.mine WHERE year < 2020',
  'ALTER TABLE scratch.mine ADD COLUMN note VARCHAR',
  'DROP TABLE scratch.mine',
  'DROP TABLE IF EXISTS scratch.a, scratch.b',
  'TRUNCATE scratch.mine',
  'CREATE TABLE scratch.t AS SELECT 1; SELECT * FROM scratch.t;',
  "SELECT 'see https://example.org' AS note_without_scheme_start",
];

const REFUSED: [string, string, string?][] = [
  ['DROP TABLE activity', 'readonly', 'activity'],
  ['drop table if exists enterprises', 'readonly', 'enterprises'],
  ['DROP TABLE scratch.a, activity', 'readonly', 'activity'],
  ['DELETE FROM activity', 'readonly', 'activity'],
  ['INSERT INTO economics VALUES (1)', 'readonly', 'economics'],
  ['UPDATE activity SET amount = 0', 'readonly', 'activity'],
  ['ALTER TABLE activity RENAME TO x', 'readonly', 'activity'],
  ['TRUNCATE activity', 'readonly', 'activity'],
  ['CREATE OR REPLACE TABLE activity AS SELECT 1', 'readonly', 'activity'],
  ['CREATE TEMP TABLE t AS SELECT 1', 'readonly', 't'],
  ['CREATE TABLE main.t (a INT)', 'readonly', 'main.t'],
  ['WITH x AS (SELECT 1) DELETE FROM activity', 'readonly', 'activity'],
  ['EXPLAIN ANALYZE DROP TABLE activity', 'readonly', 'activity'],
  ['SELECT 1; DROP TABLE activity', 'readonly', 'activity'],
  ['CREATE SCHEMA evil', 'schema'],
  ['DROP SCHEMA scratch CASCADE', 'schema'],
  ['INSTALL httpfs', 'extension', 'httpfs'],
  ['install httpfs; load httpfs', 'extension', 'httpfs'],
  ['FORCE INSTALL spatial', 'extension', 'spatial'],
  ['LOAD parquet', 'extension', 'parquet'],
  ['UPDATE EXTENSIONS', 'extension'],
  ["SELECT * FROM read_csv('https://example.org/x.csv')", 'external', 'read_csv'],
  ["SELECT * FROM 'https://example.org/x.parquet'", 'external'],
  ["SELECT * FROM read_parquet('x.parquet')", 'external', 'read_parquet'],
  ["ATTACH 'x.db' AS x", 'external'],
  ["COPY activity TO 'x.csv'", 'external'],
  ["EXPORT DATABASE 'dir'", 'external'],
  ['SET threads = 4', 'settings'],
  ['PRAGMA enable_profiling', 'settings'],
  ['BEGIN TRANSACTION', 'settings'],
  ['CALL dbgen(sf = 1)', 'settings'],
];

describe('the SQL console gate', () => {
  it.each(ALLOWED)('runs %s', (sql) => {
    expect(checkConsoleSql(sql)).toBeNull();
  });

  it.each(REFUSED)('refuses %s', (sql, kind, target) => {
    const r = checkConsoleSql(sql);
    expect(r?.kind).toBe(kind);
    if (target) expect(r?.target).toBe(target);
  });

  it('names the statement of a script that is refused', () => {
    expect(checkConsoleSql('SELECT 1;\nSELECT 2;\nINSTALL httpfs')?.statement).toBe(3);
  });

  it('splits statements outside strings, quoted names and comments', () => {
    const s = tokenize('SELECT \';\' AS a; -- ; here\nSELECT "x;y" FROM t; /* ; */');
    expect(s.map((x) => x.text)).toEqual(["SELECT ';' AS a", '-- ; here\nSELECT "x;y" FROM t']);
  });
});

describe('console error hints', () => {
  it('tells how to get sim_runs', () => {
    expect(errorHint('Catalog Error: Table with name sim_runs does not exist!\nDid you mean "x"?')).toEqual({
      hint: 'simRuns',
      table: 'sim_runs',
    });
  });
  it('recognises a missing table, a syntax error, a cancellation', () => {
    expect(errorHint('Catalog Error: Table with name foo does not exist!').hint).toBe('missingTable');
    expect(errorHint('Parser Error: syntax error at or near "SELEC"').hint).toBe('syntax');
    expect(errorHint('INTERRUPT Error: Interrupted!').hint).toBe('cancelled');
    expect(errorHint('Binder Error: column x not found').hint).toBeNull();
  });
});
