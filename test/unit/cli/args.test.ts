import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { formatTable } from '../../../src/cli/format';

describe('CLI option parsing', () => {
  it('reads values, --name=value, flags and positionals', () => {
    const a = parseArgs(['select 1', '--park', 'workshop', '--format=json', '--verbose'], {
      values: ['park', 'format'],
      flags: ['verbose'],
      positionals: true,
    });
    expect(a.positionals).toEqual(['select 1']);
    expect(a.options.get('park')).toBe('workshop');
    expect(a.options.get('format')).toBe('json');
    expect(a.flags.has('verbose')).toBe(true);
  });
  it('rejects unknown options and missing values with the option name', () => {
    expect(() => parseArgs(['--nope'], { values: ['park'] })).toThrow(/Unknown option --nope.*--park/);
    expect(() => parseArgs(['--park'], { values: ['park'] })).toThrow(/--park needs a value/);
  });
  it('refuses a bare argument, naming it, unless the command takes them', () => {
    expect(() => parseArgs(['--park', 'x', 'stray.csv'], { values: ['park'] })).toThrow(
      'unexpected argument "stray.csv" (options start with --)',
    );
    expect(() => parseArgs(['z'.repeat(1000)], {})).toThrow(/^unexpected argument "z{60}…"/);
  });
  it('aligns a text table and counts rows', () => {
    expect(
      formatTable(
        ['name', 'n'],
        [
          ['a', 1],
          ['bbb', 22],
        ],
      ),
    ).toBe(['name   n', '----  --', 'a      1', 'bbb   22', '(2 rows)'].join('\n'));
  });
});
