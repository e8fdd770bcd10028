import { describe, expect, it } from 'vitest';
import { csvObjects, parseCsv } from '../../../src/cli/csv';
import { csvField, numericCsvPieces, recordsToCsv, toCsv } from '../../../src/core/csv-write';

describe('the CSV writer (RFC 4180)', () => {
  it.each([
    ['plain', 'abc', 'abc'],
    ['comma', 'a,b', '"a,b"'],
    ['quote', 'say "hi"', '"say ""hi"""'],
    ['line feed', 'x\ny', '"x\ny"'],
    ['carriage return', 'x\ry', '"x\ry"'],
    ['leading space', ' lead', '" lead"'],
    ['trailing space', 'trail ', '"trail "'],
    ['empty string', '', ''],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['number', 1.5, '1.5'],
    ['negative number', -2, '-2'],
    ['NaN', NaN, ''],
    ['Infinity', Infinity, ''],
    ['boolean', true, 'true'],
    ['Chinese', '甲化工', '甲化工'],
  ] as const)('writes a field: %s', (_, value, text) => {
    expect(csvField(value)).toBe(text);
  });

  it('quotes a field holding another delimiter', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
  });

  it('ends every line with CRLF, adds the BOM on request, and round-trips through the reader', () => {
    const rows = [
      { id: 'E1', name: 'Alpha, "A"', v: 1.5, n: null },
      { id: 'E2', name: ' lead', v: -2, n: 'x\ny' },
    ];
    const text = recordsToCsv(['id', 'name', 'v', 'n'], rows);
    expect(text).toBe('id,name,v,n\r\nE1,"Alpha, ""A""",1.5,\r\nE2," lead",-2,"x\ny"\r\n');
    expect(csvObjects(parseCsv(text))).toEqual([
      { id: 'E1', name: 'Alpha, "A"', v: '1.5', n: '' },
      { id: 'E2', name: ' lead', v: '-2', n: 'x\ny' },
    ]);
    expect(toCsv(['a'], [[1]], { bom: true })).toBe('\uFEFFa\r\n1\r\n');
  });

  it('writes numeric columns in pieces with the same text as one piece, and refuses a non-finite value', () => {
    const columns = { run: Int32Array.from([0, 1, 2, 3, 4]), v: Float64Array.from([0.5, 1, 2, 3, 4.25]) };
    const pieces = [...numericCsvPieces(columns, { rowsPerPiece: 2 })];
    expect(pieces).toHaveLength(3);
    expect(pieces.join('')).toBe([...numericCsvPieces(columns)].join(''));
    expect(pieces.join('')).toBe('run,v\r\n0,0.5\r\n1,1\r\n2,2\r\n3,3\r\n4,4.25\r\n');
    expect([...numericCsvPieces({ a: new Int32Array(0) })].join('')).toBe('a\r\n');
    const bad = { run: Int32Array.from([0, 1]), v: Float64Array.from([1, NaN]) };
    expect(() => [...numericCsvPieces(bad)]).toThrow('column v, row 2: NaN is not a finite number');
  });
});
