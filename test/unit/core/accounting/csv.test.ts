import { describe, expect, it } from 'vitest';
import { csvObjects, parseCsv } from '../../../../src/cli/csv';
import { InputError } from '../../../../src/core/errors';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, a BOM and CRLF', () => {
    const t = parseCsv('\uFEFFid,name,note\r\n1,"Alpha, Ltd.","say ""hi"""\r\n2,乙,\r\n');
    expect(t.header).toEqual(['id', 'name', 'note']);
    expect(t.rows).toEqual([
      ['1', 'Alpha, Ltd.', 'say "hi"'],
      ['2', '乙', ''],
    ]);
    expect(t.lines).toEqual([2, 3]);
    expect(csvObjects(t)[0]).toEqual({ id: '1', name: 'Alpha, Ltd.', note: 'say "hi"' });
  });

  it('keeps line breaks inside quotes and counts lines for the rows after them', () => {
    const t = parseCsv('a,b\n"x\ny",1\n\nz,2\rw,3');
    expect(t.rows).toEqual([
      ['x\ny', '1'],
      ['z', '2'],
      ['w', '3'],
    ]);
    expect(t.lines).toEqual([2, 5, 6]); // blank line 4 skipped; a lone CR ends line 5
  });

  it('accepts a quoted empty field and no final newline', () => {
    expect(parseCsv('a\n""').rows).toEqual([['']]);
    expect(parseCsv('a,b\n1,2').rows).toEqual([['1', '2']]);
  });

  it('rejects malformed input, naming the line', () => {
    const err = (text: string) => {
      try {
        parseCsv(text);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        const [p] = (e as InputError).problems;
        return `${p.row}: ${p.reason}`;
      }
      throw new Error('no error');
    };
    expect(err('')).toBe('1: the file is empty (no header row)');
    expect(err('a,b\n1,2\n3\n')).toBe('3: row has 1 fields but the header has 2');
    expect(err('a,b\n1,"2\n')).toBe('2: a quoted field is not closed');
    expect(err('a,b\n"1"x,2\n')).toBe('2: unexpected "x" after a closing quote');
    expect(err('a,a\n')).toBe('1: the header names column "a" twice');
  });
});
