import { describe, expect, it } from 'vitest';
import { command } from '../../../src/cli/commands/query';
import { limitedSql, limitedStatements } from '../../../src/cli/query-thread';

async function query(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => void (stdout += s),
    stderr: (s: string) => void (stderr += s),
    cwd: process.cwd(),
  };
  const code = await command.run(argv, io);
  return { code, stdout, stderr };
}

describe('query: limits and lockdown', () => {
  it.each([
    [
      'a plain count',
      ['select count(*) as n from enterprises'],
      0,
      /^\s*n\n-+\n\s*[1-9]\d*\n\(1 row\)\n$/,
      '',
    ],
    [
      'INSTALL of an extension',
      ['INSTALL httpfs'],
      1,
      /^$/,
      /extensions cannot be installed or loaded here \(no network or file access\)/,
    ],
    ['LOAD of an extension', ['load', 'httpfs'], 1, /^$/, /extensions cannot be installed or loaded/],
    [
      'a file outside the loaded tables',
      ["select * from read_csv('/etc/passwd')"],
      1,
      /^$/,
      /file system operations are disabled/,
    ],
    [
      'a URL',
      ["select * from read_csv('https://example.com/x.csv')"],
      1,
      /^$/,
      /file system operations are disabled/,
    ],
    [
      'turning access back on',
      ['SET enable_external_access = true'],
      1,
      /^$/,
      /configuration has been locked/,
    ],
    [
      'a result over the row limit',
      ['select * from range(20)', '--max-rows', '10'],
      1,
      /^$/,
      /more than 10 rows; nothing was printed\. .*--max-rows <n>/,
    ],
    [
      'a result at the row limit',
      ['select * from range(20)', '--max-rows', '20', '--format', 'csv'],
      0,
      /^range\r\n0\r\n/,
      '',
    ],
    [
      'a query that never ends',
      [
        'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t',
        '--timeout',
        '2',
      ],
      1,
      /^$/,
      /ran longer than 2 s and was stopped; allow more with --timeout <seconds>/,
    ],
  ] as const)(
    '%s',
    async (_, argv, code, stdout, stderr) => {
      const r = await query(...argv);
      expect(r.stdout).toMatch(stdout);
      if (stderr) expect(r.stderr).toMatch(stderr);
      else expect(r.stderr).toBe('');
      expect(r.code).toBe(code);
    },
    120_000,
  );

  it.each([
    ['--max-rows', '0'],
    ['--max-rows', 'lots'],
    ['--timeout', '-1'],
  ])('refuses %s %s before starting', async (option, value) => {
    await expect(query('select 1', option, value)).rejects.toThrow(
      new RegExp(`^command line: ${option} must be an integer 1–`),
    );
  });

  it('wraps only plain queries in a row limit', () => {
    expect(limitedSql('select 1;', 11)).toBe('SELECT * FROM (select 1\n) LIMIT 11');
    expect(limitedSql(' WITH a AS (select 1) select * from a', 3)).toMatch(/^SELECT \* FROM \(WITH/);
    expect(limitedSql('PRAGMA version', 5)).toBe('PRAGMA version');
    // A comment in front does not let a query past the limit.
    expect(limitedSql('-- note\n/* more */ select * from range(9)', 3)).toBe(
      'SELECT * FROM (-- note\n/* more */ select * from range(9)\n) LIMIT 3',
    );
  });

  it('wraps each statement of a script on its own', () => {
    expect(limitedStatements("select ';' as a; -- x\nPRAGMA version;\nfrom range(9);", 4)).toEqual([
      "SELECT * FROM (select ';' as a\n) LIMIT 4",
      '-- x\nPRAGMA version',
      'SELECT * FROM (from range(9)\n) LIMIT 4',
    ]);
    expect(limitedStatements('-- only a note', 4)).toEqual([]);
  });
});
