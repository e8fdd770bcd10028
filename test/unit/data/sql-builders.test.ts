import { describe, expect, it } from 'vitest';
import { quoteIdent, sqlLiteral } from '../../../src/data/port';
import { previewSql, rowCountsSql } from '../../../src/data/sql/catalog-sql';

describe('SQL quoting', () => {
  it('quotes identifiers, doubling embedded quotes', () => {
    expect(quoteIdent('activity')).toBe('"activity"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
  it('writes literals safely', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral(3.5)).toBe('3.5');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(true)).toBe('TRUE');
    expect(() => sqlLiteral(NaN)).toThrow(/NaN/);
  });
  it('builds row counts and previews from quoted names', () => {
    expect(rowCountsSql(['a', 'x"y'])).toBe(
      `SELECT 'a' AS table_name, count(*) AS row_count FROM "a"\nUNION ALL\nSELECT 'x"y' AS table_name, count(*) AS row_count FROM "x""y"`,
    );
    expect(rowCountsSql([])).toMatch(/WHERE false/);
    expect(previewSql('enterprises')).toBe('SELECT * FROM "enterprises" LIMIT ? OFFSET ?');
  });
});
