/**
 * The robustness corpus: bad and awkward inputs to every reader, option and command of the CLI, each
 * with the outcome it must have — refused with a message that says where (file and row and column, or
 * field path, or option) and why, or accepted with the exact output of the plain input. Generated from
 * the small files in test/fixtures/robustness, the bundled workshop park and the policy preset, so a
 * case says only what it changes. robustness.test.ts runs them, each in a folder of its own.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { CFB } from '@e965/xlsx';
import { Table as WasmTable, writeParquet } from 'parquet-wasm/node';
import { presetScenario } from '../../../src/core/scenario/presets';
import { gbk, xlsx } from '../../fixtures/import/encode';

type Bytes = string | Uint8Array;
export type Files = Record<string, Bytes>;
/** A string must occur in the text; a RegExp must match it. */
type Match = string | RegExp;

export interface Case {
  /** Unique; also the name of the case's folder. */
  id: string;
  argv: string[];
  /** Written into the case's folder before the command runs. */
  files?: () => Files;
  code: number;
  /** What stderr must say (every entry); `''` means nothing at all. */
  err?: Match | Match[];
  out?: Match | Match[];
  /** Output files that must equal, byte for byte, the same file of an earlier case (its id). */
  same?: { file: string; as: string }[];
  /** Files that must not exist afterwards (nothing written, not even half). */
  absent?: string[];
  /** Still wrong: who owns the fix. Run as an expected failure, so it is seen when it gets fixed. */
  pending?: string;
}

/** CPUs here: simulate lowers --workers to it (workers/node-pool.ts cpuCount). */
const CPUS = availableParallelism();
const FIXTURES = join(import.meta.dirname, '../../fixtures/robustness');
const WORKSHOP = join(import.meta.dirname, '../../../datasets/workshop');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const workshop = (name: string) => readFileSync(join(WORKSHOP, name));

const ACTIVITY = fixture('activity.csv');
const ENTERPRISES = fixture('enterprises.csv');
const FACTORS = fixture('factors.csv');
const HEADER = 'enterprise_id,year,carrier,amount,unit\n';

const utf16le = (s: string) => {
  const b = new Uint8Array(2 + s.length * 2);
  b.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    b[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    b[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return b;
};
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : p)));

/** A command that must be refused with `err` and leave no `out` file behind (exit 1 unless `code` says). */
const refused = (
  id: string,
  argv: string[],
  files: (() => Files) | undefined,
  err: Match,
  { code = 1, out = 'o.json', pending }: { code?: number; out?: string; pending?: string } = {},
): Case => ({ id, argv, files, code, err, absent: [out], pending });
/** The files of one case: `name` holding `content`, made when the case runs. */
const only = (name: string, content: () => Bytes) => () => ({ [name]: content() });

// ---------------------------------------------------------------------------------------------------
// The command line itself

const COMMANDS = [
  'account',
  'simulate',
  'compare',
  'goal',
  'query',
  'validate',
  'import',
  'footprint',
  'datasets',
];

const mainCases: Case[] = [
  { id: 'no-command', argv: [], code: 1, out: 'Usage: npm run cli -- <command> [options]' },
  {
    id: 'unknown-command',
    argv: ['acount'],
    code: 2,
    err: /^Unknown command "acount"\. Commands: datasets, query, account, simulate, compare, goal, validate, import, footprint\./,
  },
  {
    id: 'unknown-command-huge',
    argv: ['x'.repeat(100_000)],
    code: 2,
    err: /^Unknown command "x{60}…"\. Commands: /,
  },
  ...COMMANDS.map((c): Case => ({
    id: `${c}-help`,
    argv: [c, '--help'],
    code: 0,
    out: `Usage: npm run cli -- ${c}`,
  })),
  ...COMMANDS.map((c): Case => ({
    id: `${c}-unknown-option`,
    argv: [c, '--bogus', '1'],
    code: 2,
    err: new RegExp(`^${c}: Unknown option --bogus\\. Known options: --`),
  })),
  ...COMMANDS.filter((c) => c !== 'query').map((c): Case => ({
    id: `${c}-stray-argument`,
    argv: [c, 'stray.csv', '--out', 'o.json'],
    code: 2,
    err: new RegExp(`^${c}: (command line: )?[Uu]nexpected argument "stray\\.csv"`),
  })),
  {
    id: 'single-dash-option',
    argv: ['account', '-activity', 'activity.csv', '--out', 'o.json'],
    code: 2,
    err: /^account: (command line: )?[Uu]nexpected argument "-activity"/,
  },
  {
    id: 'unknown-option-huge-name',
    argv: ['account', `--${'y'.repeat(100_000)}`],
    code: 2,
    err: /^account: Unknown option --y{60}…\. Known options: /,
  },
  {
    id: 'option-missing-value-at-end',
    argv: ['account', '--out', 'o.json', '--activity'],
    code: 2,
    err: /^account: Option --activity needs a value/,
  },
  {
    id: 'option-value-is-an-option',
    argv: ['simulate', '--summary', '--runs', '10'],
    code: 2,
    err: /^simulate: Option --summary needs a value/,
  },
];

// ---------------------------------------------------------------------------------------------------
// account: activity, enterprises and factor CSVs, options, output paths

const accountFiles =
  (extra: Files = {}): (() => Files) =>
  () => ({ 'activity.csv': ACTIVITY, 'enterprises.csv': ENTERPRISES, 'factors.csv': FACTORS, ...extra });
const account = (...extra: string[]) => ['account', '--activity', 'activity.csv', ...extra];
const ACCOUNT_OK = 'Wrote 4 rows (3 enterprises, 2022–2023) to o.json\n';

/** A run that must give exactly the reference inventory, quietly. */
const sameInventory = (id: string, argv: string[], files: () => Files): Case => ({
  id,
  argv,
  files,
  code: 0,
  err: '',
  out: ACCOUNT_OK,
  same: [{ file: 'o.json', as: 'account-ref' }],
});
/** The account run with only the activity file given, named `name`. */
const accountOf = (name: string) => ['account', '--activity', name, '--out', 'o.json'];

/** An activity file that must give exactly the reference inventory. */
const sameActivity = (id: string, activity: Bytes) =>
  sameInventory(id, account('--out', 'o.json'), accountFiles({ 'activity.csv': activity }));
/** An activity file that must be refused with this message. */
const badActivity = (id: string, activity: Bytes, err: Match, pending?: string) =>
  refused(id, account('--out', 'o.json'), accountFiles({ 'activity.csv': activity }), err, { pending });
/** A factors file that must be refused with this message. */
const badFactors = (id: string, factors: Bytes, err: Match, pending?: string) =>
  refused(id, account('--factors', 'f.csv', '--out', 'o.json'), accountFiles({ 'f.csv': factors }), err, {
    pending,
  });
const F_HEAD = 'carrier,unit,tco2_per_unit,tce_per_unit\n';
/** An enterprises file that must be refused with this message. */
const badEnterprises = (id: string, enterprises: Bytes, err: Match) =>
  refused(
    id,
    account('--enterprises', 'e.csv', '--out', 'o.json'),
    accountFiles({ 'e.csv': enterprises }),
    err,
  );
const badAccountOption = (id: string, options: string[], err: Match, code = 1, pending?: string) =>
  refused(id, account(...options, '--out', 'o.json'), accountFiles(), err, { code, pending });

/** account.ts's own readers. */
const lines = ACTIVITY.trimEnd().split('\n');
const rows = lines.slice(1);

/** The activity fixture's rows as columns (amounts as numbers, years as integers). */
const activityColumns = () => {
  const cells = rows.map((l) => l.split(','));
  return {
    enterprise_id: cells.map((c) => c[0]),
    year: Int32Array.from(cells, (c) => Number(c[1])),
    carrier: cells.map((c) => c[2]),
    amount: Float64Array.from(cells, (c) => Number(c[3])),
    unit: cells.map((c) => c[4]),
  };
};
const activityParquet = () =>
  new Uint8Array(
    writeParquet(WasmTable.fromIPCStream(tableToIPC(tableFromArrays(activityColumns()), 'stream'))),
  );
const activityXlsx = () =>
  xlsx([
    {
      name: 'activity',
      rows: lines.map((l, i) =>
        i === 0 ? l.split(',') : l.split(',').map((c, j) => (j === 1 || j === 3 ? Number(c) : c)),
      ),
    },
  ]);

/**
 * A workbook whose sheet says it spans every row and column (`<dimension ref="A1:XFD1048576">`, as a
 * hand-edited or hostile file may): the cells are those of `bytes`.
 */
const claimingEverything = (bytes: Uint8Array): Uint8Array => {
  const zip = CFB.read(bytes, { type: 'array' });
  const i = (zip.FullPaths as string[]).findIndex((p) => p.endsWith('worksheets/sheet1.xml'));
  const entry = zip.FileIndex[i] as { content: Uint8Array };
  entry.content = Buffer.from(
    Buffer.from(entry.content)
      .toString('utf8')
      .replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:XFD1048576"'),
  );
  return new Uint8Array(CFB.write(zip, { fileType: 'zip', type: 'array' }) as ArrayLike<number>);
};

/** The activity in another format: the same inventory, byte for byte. */
const sameActivityAs = (id: string, name: string, content: () => Bytes) =>
  sameInventory(id, accountOf(name), only(name, content));
const badActivityAs = (id: string, name: string, content: () => Bytes, err: Match) =>
  refused(id, accountOf(name), only(name, content), err);

const accountCases: Case[] = [
  {
    id: 'account-ref',
    argv: account('--out', 'o.json'),
    files: accountFiles(),
    code: 0,
    err: '',
    out: ACCOUNT_OK,
  },
  {
    id: 'account-ref-csv',
    argv: account('--out', 'o.csv'),
    files: accountFiles(),
    code: 0,
    out: 'Wrote 4 rows (3 enterprises, 2022–2023) to o.csv\n',
  },
  sameActivity('activity-bom', '\ufeff' + ACTIVITY),
  sameActivity('activity-crlf', ACTIVITY.replaceAll('\n', '\r\n')),
  sameActivity('activity-no-final-newline', ACTIVITY.trimEnd()),
  sameActivity('activity-blank-lines-at-end', ACTIVITY + '\n\n'),
  sameActivity(
    'activity-all-quoted',
    lines
      .map((l) =>
        l
          .split(',')
          .map((c) => `"${c}"`)
          .join(','),
      )
      .join('\n') + '\n',
  ),
  sameActivity('activity-extra-column', lines.map((l, i) => `${l},${i ? 'note' : 'comment'}`).join('\n')),
  sameActivity(
    'activity-columns-reordered',
    lines
      .map((l) => l.split(','))
      .map(([id, year, carrier, amount, unit]) => [unit, amount, carrier, year, id].join(','))
      .join('\n') + '\n',
  ),
  sameActivityAs('activity-parquet', 'a.parquet', activityParquet),
  sameActivityAs('activity-xlsx', 'a.xlsx', activityXlsx),
  // Laid out in full, the claimed range is billions of empty cells: it hung for minutes at 2 GB.
  sameActivityAs('activity-xlsx-claims-every-cell', 'a.xlsx', () => claimingEverything(activityXlsx())),
  sameActivityAs('activity-json-records', 'a.json', () =>
    JSON.stringify(
      rows.map((l) =>
        Object.fromEntries(
          l.split(',').map((c, j) => [lines[0].split(',')[j], j === 1 || j === 3 ? Number(c) : c]),
        ),
      ),
    ),
  ),
  sameActivityAs('activity-gbk', 'a.csv', () => gbk(ACTIVITY)),
  badActivityAs('activity-parquet-corrupted', 'a.parquet', corruptParquet, /^account: a\.parquet: .*Parquet/),
  badActivityAs(
    'activity-parquet-truncated',
    'a.parquet',
    () => activityParquet().subarray(0, 40),
    /^account: a\.parquet: .*Parquet/,
  ),
  badActivityAs(
    'activity-xlsx-not-a-workbook',
    'a.xlsx',
    () => bytes('PK', [3, 4], 'no zip here'),
    /^account: a\.xlsx: .*(Excel|workbook)/,
  ),
  badActivityAs(
    'activity-json-not-json',
    'a.json',
    () => '[{"enterprise_id": "A01",',
    /^account: a\.json: not valid JSON/,
  ),
  sameActivity('activity-bom-crlf', '\ufeff' + ACTIVITY.replaceAll('\n', '\r\n')),
  badActivity(
    'activity-missing-column',
    'enterprise_id,year,carrier,unit\nA01,2022,electricity,10^4 kWh\n',
    /activity\.csv: row 1, column amount: missing column/,
  ),
  badActivity(
    'activity-unit-wrong-dimension',
    HEADER + 'A01,2022,raw_coal,10,kWh\n',
    /activity\.csv: row 2, column unit: /,
  ),
  badActivity(
    'activity-unknown-carrier',
    HEADER + 'A01,2022,unobtanium,10,t\n',
    /activity\.csv: row 2, column carrier: .*unobtanium/,
  ),
  badActivity(
    'activity-unknown-carrier-1mb',
    HEADER + `A01,2022,${'q'.repeat(1_000_000)},10,t\n`,
    /^account: activity\.csv: row 2, column carrier: .{0,200}\n$/s,
  ),
  badActivity(
    'activity-empty-id',
    HEADER + ',2022,diesel,1,t\n',
    /activity\.csv: row 2, column enterprise_id: /,
  ),
  badActivity('activity-year-text', HEADER + 'A01,abc,diesel,1,t\n', /activity\.csv: row 2, column year: /),
  badActivity('activity-year-1850', HEADER + 'A01,1850,diesel,1,t\n', /activity\.csv: row 2, column year: /),
  badActivity(
    'activity-year-fraction',
    HEADER + 'A01,2022.5,diesel,1,t\n',
    /activity\.csv: row 2, column year: /,
  ),
  badActivity(
    'activity-year-exponent',
    HEADER + 'A01,2e3,diesel,1,t\n',
    /activity\.csv: row 2, column year: /,
  ),
  badActivity(
    'activity-amount-text',
    HEADER + 'A01,2022,diesel,lots,t\n',
    /activity\.csv: row 2, column amount: /,
  ),
  badActivity(
    'activity-amount-1e400',
    HEADER + 'A01,2022,diesel,1e400,t\n',
    /activity\.csv: row 2, column amount: /,
  ),
  badActivity(
    'activity-amount-megabyte-of-digits',
    HEADER + `A01,2022,diesel,${'9'.repeat(1_000_000)},t\n`,
    /activity\.csv: row 2, column amount: .{0,200}\n$/s,
  ),
  badActivity(
    'activity-amount-infinity-word',
    HEADER + 'A01,2022,diesel,Infinity,t\n',
    /activity\.csv: row 2, column amount: /,
  ),
  badActivity(
    'activity-amount-nan-word',
    HEADER + 'A01,2022,diesel,NaN,t\n',
    /activity\.csv: row 2, column amount: /,
  ),
  badActivity(
    'activity-amount-1e308-coal',
    HEADER + 'A01,2022,raw_coal,1e308,t\n',
    /activity\.csv: row 2, column amount: /,
  ),
  badActivity(
    'activity-exact-duplicate-rows',
    HEADER + 'A01,2022,diesel,1,t\nA01,2022,diesel,1,t\n',
    /activity\.csv: row 3.*row 2/,
  ),
  badActivity(
    'activity-same-key-two-amounts',
    HEADER + 'A01,2022,diesel,1,t\nA01,2022,diesel,2,t\n',
    /activity\.csv: row 3.*row 2/,
  ),
  sameActivity('activity-utf16-with-bom', utf16le(ACTIVITY)),
  badActivity(
    'activity-nul-in-id',
    HEADER + 'A\u000001,2022,diesel,1,t\n',
    /activity\.csv: row 2(, column enterprise_id)?: control character U\+0000 /,
  ),
  badActivity(
    'activity-invalid-utf8',
    bytes(HEADER, 'A', [0xff, 0xfe], '1,2022,diesel,1,t\n'),
    /activity\.csv: row 2.*(UTF-8|byte)/,
  ),
  badActivity('activity-header-only', HEADER, /activity\.csv: (row 1: )?no data rows/),
  badActivity('activity-empty-file', '', /activity\.csv: /),
  badActivity('activity-unclosed-quote', HEADER + 'A01,2022,"diesel,1,t\n', /activity\.csv: row 2: /),
  badActivity(
    'activity-absurd-total-not-written',
    HEADER + 'A01,2022,raw_coal,1e300,t\nA01,2022,diesel,1e300,t\n',
    /o\.json: field \[0\]\.\w+: Infinity is not a finite number; nothing was written|activity\.csv: row 2, column amount: /,
  ),
  refused(
    'activity-missing-file',
    accountOf('nope.csv'),
    accountFiles(),
    /nope\.csv: cannot read the file \(ENOENT/,
  ),
  // A device never ends: reading /dev/zero filled memory until the process was killed.
  refused(
    'activity-is-a-device',
    accountOf('/dev/zero'),
    accountFiles(),
    'account: /dev/zero: cannot read the file (a device, not a file)\n',
  ),
  refused(
    'activity-is-a-folder',
    accountOf('sub'),
    accountFiles({ 'sub/x.csv': ACTIVITY }),
    /sub: cannot read the file \(EISDIR/,
  ),
  // enterprises
  {
    id: 'enterprises-names-in-output',
    argv: account('--enterprises', 'enterprises.csv', '--out', 'o.json'),
    files: accountFiles(),
    code: 0,
    err: '',
    out: ACCOUNT_OK,
  },
  {
    id: 'enterprises-bom-crlf',
    argv: account('--enterprises', 'e.csv', '--out', 'o.json'),
    files: accountFiles({ 'e.csv': '\ufeff' + ENTERPRISES.replaceAll('\n', '\r\n') }),
    code: 0,
    err: '',
    same: [{ file: 'o.json', as: 'enterprises-names-in-output' }],
  },
  {
    id: 'enterprises-unknown-ids-warned',
    argv: account('--enterprises', 'e.csv', '--out', 'o.json'),
    files: accountFiles({ 'e.csv': 'enterprise_id,name_en\nCHP,Park CHP\n' }),
    code: 0,
    err: 'account: warning: 2 enterprise id(s) not in e.csv: A01, B02\n',
  },
  badEnterprises(
    'enterprises-no-id-column',
    'name,sector\nx,food\n',
    'account: e.csv: row 1, column id: missing column\n',
  ),
  badEnterprises(
    'enterprises-empty-id',
    'enterprise_id,name_en\n,Nobody\n',
    'account: e.csv: row 2, column enterprise_id: empty\n',
  ),
  badEnterprises(
    'enterprises-duplicate-id-two-names',
    'enterprise_id,name_en\nA01,Alpha\nA01,Beta\n',
    /e\.csv: row 3, column enterprise_id: .*row 2/,
  ),
  {
    id: 'enterprises-utf16',
    argv: account('--enterprises', 'e.csv', '--out', 'o.json'),
    files: accountFiles({ 'e.csv': utf16le(ENTERPRISES) }),
    code: 0,
    err: '',
    same: [{ file: 'o.json', as: 'enterprises-names-in-output' }],
  },
  badEnterprises(
    'enterprises-invalid-utf8',
    bytes('enterprise_id,name_en\nA01,Al', [0xff, 0xfe], 'pha\n'),
    'account: e.csv: row 2: the file is neither UTF-8 nor GBK/GB18030: byte 28 (0xff) is not valid UTF-8; ' +
      'save it as "CSV UTF-8" or give its encoding\n',
  ),
  badEnterprises(
    'enterprises-nul-in-name',
    'enterprise_id,name_en\nA01,Al\u0000pha\n',
    /^account: e\.csv: row 2, column name_en: control character U\+0000 at character 28 /,
  ),
  badEnterprises(
    'enterprises-utf16-bad-row',
    utf16le('enterprise_id,name_en\nA01,Alpha,extra\n'),
    'account: e.csv: row 2: row has 3 fields but the header has 2 (read as UTF-16 LE)\n',
  ),
  // factor tables
  {
    id: 'factors-ok',
    argv: account('--factors', 'factors.csv', '--out', 'o.json'),
    files: accountFiles(),
    code: 0,
    err: '',
    out: ACCOUNT_OK,
  },
  {
    id: 'factors-bom-crlf',
    argv: account('--factors', 'f.csv', '--out', 'o.json'),
    files: accountFiles({ 'f.csv': '\ufeff' + FACTORS.replaceAll('\n', '\r\n') }),
    code: 0,
    err: '',
    out: ACCOUNT_OK,
  },
  badFactors(
    'factors-missing-column',
    'carrier,unit,tco2_per_unit\nnatural_gas,m3,0.002\n',
    'account: f.csv: row 1, column tce_per_unit: missing column\n',
  ),
  badFactors(
    'factors-unknown-carrier',
    F_HEAD + 'unobtanium,t,1,1\n',
    /f\.csv: row 2, column carrier: unknown carrier "unobtanium"/,
  ),
  badFactors(
    'factors-unit-wrong-dimension',
    F_HEAD + 'natural_gas,kWh,0.002,0.001\n',
    /f\.csv: row 2, column unit: /,
  ),
  badFactors(
    'factors-not-a-number',
    F_HEAD + 'natural_gas,m3,abc,0.00133\n',
    'account: f.csv: row 2, column tco2_per_unit: "abc" is not a number\n',
  ),
  badFactors(
    'factors-both-blank',
    F_HEAD + 'natural_gas,m3,,\n',
    /f\.csv: row 2, column tco2_per_unit: both tco2_per_unit and tce_per_unit are blank/,
  ),
  badFactors(
    'factors-1e400',
    F_HEAD + 'natural_gas,m3,1e400,0.00133\n',
    /f\.csv: row 2, column tco2_per_unit: /,
  ),
  badFactors(
    'factors-negative',
    F_HEAD + 'natural_gas,m3,-0.0021,0.00133\n',
    /f\.csv.*natural_gas.*tco2_per_unit.*(negative|≥ 0)/,
  ),
  badFactors(
    'factors-negative-tce',
    F_HEAD + 'natural_gas,m3,0.0021,-1\n',
    /f\.csv.*natural_gas.*tce_per_unit.*(negative|≥ 0)/,
  ),
  badFactors(
    'factors-implausible-1e300',
    F_HEAD + 'natural_gas,m3,1e300,0.00133\n',
    /f\.csv.*natural_gas.*tco2_per_unit.*(at most|implausible)/,
  ),
  badFactors(
    'factors-carrier-twice-conflicting',
    F_HEAD + 'natural_gas,m3,0.0021,0.00133\nnatural_gas,m3,0.003,0.00133\n',
    /f\.csv.*natural_gas.*(twice|more than once)/,
  ),
  badFactors(
    'factors-carrier-twice-by-two-names',
    F_HEAD + 'natural_gas,m3,0.0021,0.00133\n天然气,m3,0.0021,0.00133\n',
    /f\.csv.*natural_gas.*(twice|more than once)/,
  ),
  badFactors(
    'factors-carrier-twice-row-numbers',
    F_HEAD + 'electricity,MWh,0.6,\nnatural_gas,m3,0.0021,0.00133\nnatural_gas,m3,0.003,0.00133\n',
    /f\.csv: row 4, column carrier: .*row 3/,
  ),
  badFactors('factors-empty-file', '', /f\.csv: /),
  {
    id: 'factors-utf16',
    argv: account('--factors', 'f.csv', '--out', 'o.json'),
    files: accountFiles({ 'f.csv': utf16le(FACTORS) }),
    code: 0,
    err: '',
    same: [{ file: 'o.json', as: 'factors-ok' }],
  },
  badFactors(
    'factors-invalid-utf8',
    bytes(F_HEAD, 'natural_gas,m', [0xff], '3,0.0021,0.00133\n'),
    /^account: f\.csv: row 2: the file is neither UTF-8 nor GBK\/GB18030: byte 53 \(0xff\)/,
  ),
  // options
  badAccountOption(
    'grid-year-1850',
    ['--grid-year', '1850'],
    'account: gridYear (grid year) must be a whole year 1990–2100, not 1850\n',
  ),
  badAccountOption(
    'grid-year-3000',
    ['--grid-year', '3000'],
    'account: gridYear (grid year) must be a whole year 1990–2100, not 3000\n',
  ),
  badAccountOption('grid-year-text', ['--grid-year', 'abc'], 'account: --grid-year: "abc" is not a year\n'),
  badAccountOption(
    'grid-year-fraction',
    ['--grid-year', '2022.5'],
    'account: --grid-year: "2022.5" is not a year\n',
  ),
  badAccountOption('grid-year-exponent', ['--grid-year', '2e3'], /--grid-year: "2e3" is not a year/, 1),
  badAccountOption(
    'grid-region-1mb',
    ['--grid-region', 'r'.repeat(1_000_000)],
    /^account: Unknown grid region "r{60}… \(1000000 characters\)"\. Known: national, /,
  ),
  badAccountOption(
    'electricity-method-1mb',
    ['--electricity-method', 'm'.repeat(1_000_000)],
    /^account: electricityMethod must be "equivalent" or "equal", not "m{60}… \(1000000 characters\)"\n$/,
  ),
  badFactors(
    'factors-unknown-carrier-1mb',
    F_HEAD + `${'q'.repeat(1_000_000)},t,1,1\n`,
    /^account: f\.csv: row 2, column carrier: unknown carrier "q{1,100}[^q]/,
  ),
  badAccountOption('grid-region-unknown', ['--grid-region', 'mars'], /mars/),
  badAccountOption('electricity-method-unknown', ['--electricity-method', 'magic'], /"magic"/),
  badAccountOption('scope2-method-unknown', ['--scope2-method', 'both'], /"both"/),
  badAccountOption(
    'residual-mix-negative',
    ['--scope2-method', 'market', '--residual-mix-factor', '-1'],
    'account: residualMixFactor must be a number 0–2 tCO2/MWh, not -1\n',
  ),
  badAccountOption(
    'residual-mix-text',
    ['--residual-mix-factor', 'abc'],
    'account: --residual-mix-factor: "abc" is not a number\n',
  ),
  badAccountOption(
    'residual-mix-1e400',
    ['--residual-mix-factor', '1e400'],
    'account: residualMixFactor must be a number 0–2 tCO2/MWh, not Infinity\n',
  ),
  badAccountOption(
    'residual-mix-implausible',
    ['--residual-mix-factor', '1e300'],
    'account: residualMixFactor must be a number 0–2 tCO2/MWh, not 1e+300\n',
  ),
  badAccountOption(
    'supplier-heat-negative',
    ['--supplier-heat-factor', '-0.1'],
    'account: supplierHeatFactor must be a number 0–0.5 tCO2/GJ, not -0.1\n',
  ),
  badAccountOption(
    'supplier-heat-implausible',
    ['--supplier-heat-factor', '1e300'],
    'account: supplierHeatFactor must be a number 0–0.5 tCO2/GJ, not 1e+300\n',
  ),
  refused(
    'account-out-wrong-extension',
    account('--out', 'o.txt'),
    accountFiles(),
    'account: --out must end in .json or .csv, not "o.txt"\n',
    { code: 2, out: 'o.txt' },
  ),
  {
    id: 'account-out-under-proc',
    argv: account('--out', '/proc/pcw-robustness/o.json'),
    files: accountFiles(),
    code: 1,
    err: /^account: --out: cannot create the folder "\/proc\/pcw-robustness" \(ENOENT/,
  },
  {
    id: 'account-out-is-a-folder',
    argv: account('--out', 'o.json'),
    files: accountFiles({ 'o.json/keep': 'x' }),
    code: 1,
    err: 'account: --out: "o.json" is a folder, not a file\n',
  },
  {
    id: 'account-out-under-a-file',
    argv: account('--out', 'activity.csv/o.json'),
    files: accountFiles(),
    code: 1,
    err: /^account: --out: ".*activity\.csv" is not a folder\n$/,
  },
  {
    id: 'account-out-checked-before-reading',
    argv: ['account', '--activity', 'nope.csv', '--out', 'sub'],
    files: accountFiles({ 'sub/keep': 'x' }),
    code: 2,
    err: 'account: --out must end in .json or .csv, not "sub"\n',
  },
  {
    id: 'account-out-and-park-out-same-file',
    argv: account('--out', 'o.json', '--park-out', './o.json'),
    files: accountFiles(),
    code: 2,
    err: /^account: command line: --park-out and --out are the same file ".*\/o\.json"; give each its own\n$/,
    absent: ['o.json'],
  },
  {
    id: 'account-missing-out',
    argv: account(),
    files: accountFiles(),
    code: 2,
    err: /^account: command line: --activity and --out are required/,
  },
];

// ---------------------------------------------------------------------------------------------------
// validate and import: the importer, as far as the commands reach it

const validateCases: Case[] = [
  {
    id: 'validate-ok',
    argv: ['validate', '--activity', 'activity.csv'],
    files: accountFiles(),
    code: 0,
    out: /^15 rows would load: activity 15 \(2022–2023\)/,
  },
  {
    id: 'validate-nothing-given',
    argv: ['validate'],
    code: 2,
    err: /^validate: give at least one of --activity, --enterprises, --economics/,
  },
  {
    id: 'validate-bad-encoding-option',
    argv: ['validate', '--activity', 'activity.csv', '--encoding', 'latin9'],
    files: accountFiles(),
    code: 2,
    err: /^validate: --encoding: "latin9" is not one of (auto, )?utf-8, /,
  },
  ...['0', 'abc', '1.5', '1e400', '-3'].map((v): Case => ({
    id: `validate-max-problems-${v}`,
    argv: ['validate', '--activity', 'activity.csv', '--max-problems', v],
    files: accountFiles(),
    code: 2,
    err: `validate: --max-problems: "${v}" is not a whole number 1–1000000`,
  })),
  {
    id: 'validate-missing-file',
    argv: ['validate', '--activity', 'nope.csv'],
    code: 1,
    err: 'nope.csv::: cannot read the file (no such file)\n',
  },
  {
    id: 'validate-device-as-file',
    argv: ['validate', '--activity', '/dev/urandom'],
    code: 1,
    err: '/dev/urandom::: cannot read the file (a device, not a file)\n',
  },
  {
    id: 'validate-folder-as-file',
    argv: ['validate', '--activity', 'sub'],
    files: () => ({ 'sub/x': 'x' }),
    code: 1,
    err: 'sub::: cannot read the file (it is a folder)\n',
  },
  {
    id: 'validate-bad-row-located',
    argv: ['validate', '--activity', 'a.csv'],
    files: () => ({ 'a.csv': HEADER + 'A01,2022,diesel,lots,t\n' }),
    code: 1,
    err: /^a\.csv:2:amount: /m,
  },
  {
    id: 'validate-utf16-read',
    argv: ['validate', '--activity', 'a.csv'],
    files: () => ({ 'a.csv': utf16le(ACTIVITY) }),
    code: 0,
    out: /^15 rows would load: .*a\.csv read as utf-16le/,
  },
  {
    id: 'validate-corrupted-xlsx',
    argv: ['validate', '--activity', 'a.xlsx'],
    files: () => ({ 'a.xlsx': bytes('PK', [3, 4], 'not really a zip file at all') }),
    code: 1,
    err: /^a\.xlsx::: /,
  },
  {
    id: 'validate-corrupted-parquet',
    argv: ['validate', '--activity', 'a.parquet'],
    files: () => ({ 'a.parquet': corruptParquet() }),
    code: 1,
    err: /^a\.parquet::: /,
  },
  {
    id: 'validate-json-not-json',
    argv: ['validate', '--activity', 'a.json'],
    files: () => ({ 'a.json': '{"rows": [1, 2' }),
    code: 1,
    err: /^a\.json::: /,
  },
  {
    id: 'validate-mapping-not-json',
    argv: ['validate', '--activity', 'activity.csv', '--mapping', 'm.json'],
    files: accountFiles({ 'm.json': '{columns:' }),
    code: 1,
    err: /^m\.json::: /,
  },
  ...[
    ['2e3', '"2e3" is not a year (write it as 4 digits, e.g. 2024)'],
    ['2024.5', '"2024.5" is not a year (write it as 4 digits, e.g. 2024)'],
    ['1850', '1850 is out of range 1990–2100'],
  ].map(([year, reason]): Case => ({
    id: `validate-economics-year-${year}`,
    argv: ['validate', '--economics', 'e.csv'],
    files: () => ({ 'e.csv': `enterprise_id,year,output_value_10k_cny\nA01,${year},100\nA01,2023,100\n` }),
    code: 1,
    err: `e.csv:2:year: ${reason}\n`,
  })),
  {
    id: 'import-out-under-proc',
    argv: ['import', '--activity', 'activity.csv', '--out', '/proc/pcw-robustness'],
    files: accountFiles(),
    code: 2,
    err: /^import: --out: cannot write to "\/proc" \(ENOENT/,
  },
  {
    // An earlier import wrote enterprises and economics here: kept, they would be read with this
    // import's activity by simulate --park.
    id: 'import-again-removes-what-the-earlier-import-wrote',
    argv: ['import', '--activity', 'activity.csv', '--out', 'park'],
    files: accountFiles({
      'park/manifest.json': JSON.stringify({
        id: 'park',
        version: 'imported',
        tables: { activity: { rows: 15 }, enterprises: { rows: 3 }, economics: { rows: 3 } },
      }),
      'park/enterprises.csv': ENTERPRISES,
      'park/enterprises.arrow': 'old',
      'park/economics.csv': 'old',
      'park/economics.arrow': 'old',
    }),
    code: 0,
    out: /^Removed enterprises, economics of the earlier import into park \(not in this one\)\n15 rows written: /,
    absent: ['park/enterprises.csv', 'park/enterprises.arrow', 'park/economics.csv', 'park/economics.arrow'],
  },
  {
    id: 'import-green-space-negative',
    argv: ['import', '--activity', 'activity.csv', '--green-space-ha', '-1e6', '--out', 'park'],
    files: accountFiles(),
    code: 2,
    err: /--green-space-ha/,
    absent: ['park/manifest.json'],
  },
];

// ---------------------------------------------------------------------------------------------------
// simulate: options, scenario documents, park folders

const SIM = ['--runs', '4', '--seed', '7', '--workers', '1', '--summary', 's.json'];
const simulate = (...extra: string[]) => ['simulate', ...extra];
/** The BAU preset on the bundled workshop park. */
const bauOnWorkshop = (...extra: string[]) => simulate('--scenario', 'bau', '--park', 'workshop', ...extra);
/** What an accepted simulation may say on stderr: warnings only. */
const WARNINGS_ONLY = /^(warning: [^\n]*\n)*$/;

type Doc = Record<string, unknown>;
/** The policy preset for the workshop park, as a document, changed by `edit`. */
const scenarioDoc = (edit: (d: Doc) => void = () => {}): Doc => {
  const d = structuredClone(presetScenario('policy')) as unknown as Doc;
  d.id = 'robust';
  d.dataset = 'workshop';
  edit(d);
  return d;
};
const levers = (d: Doc) => d.levers as Doc;
const json = (v: unknown) => JSON.stringify(v, null, 1);

/**
 * A scenario file that must be refused, naming the field, before the park is read (`nowhere` would be
 * an error of its own).
 */
const badScenario = (id: string, doc: Bytes, err: Match, pending?: string) =>
  refused(
    id,
    simulate('--scenario', 'sc.json', '--park', 'nowhere', ...SIM),
    only('sc.json', () => doc),
    err,
    { code: 2, out: 's.json', pending },
  );
const badSimOption = (id: string, options: string[], err: Match) =>
  refused(id, bauOnWorkshop('--summary', 's.json', ...options), undefined, err, { code: 2, out: 's.json' });

/** The workshop park as CSV files in park/, with some files replaced or removed. */
const parkFiles =
  (edit: Record<string, Bytes | null> = {}): (() => Files) =>
  () => {
    const files: Files = {};
    for (const t of ['enterprises', 'economics', 'activity', 'pv_installations'])
      files[`park/${t}.csv`] = workshop(`${t}.csv`);
    files['park/manifest.json'] = workshop('manifest.json');
    for (const [name, content] of Object.entries(edit)) {
      if (content === null) delete files[`park/${name}`];
      else files[`park/${name}`] = content;
    }
    return files;
  };
/** Refused while the park is read, before the levers are (`warp` would be an error of its own). */
const badPark = (id: string, edit: Record<string, Bytes | null>, err: Match, pending?: string) =>
  refused(
    id,
    simulate('--scenario', 'bau', '--park', 'park', '--lever', 'warp=1', ...SIM),
    parkFiles(edit),
    err,
    { code: 2, out: 's.json', pending },
  );
const manifestWith = (edit: (m: Doc) => unknown): string =>
  json(edit(JSON.parse(workshop('manifest.json').toString('utf8')) as Doc));

/** pv_installations.arrow of the workshop park with bytes overwritten in the middle. */
const corruptArrow = (): Uint8Array => {
  const b = new Uint8Array(workshop('pv_installations.arrow'));
  b.fill(0xff, Math.floor(b.length / 3), Math.floor(b.length / 3) + 64);
  return b;
};
/** A Parquet file whose data pages are overwritten (the footer, which says where they are, is intact). */
function corruptParquet(): Uint8Array {
  const ipc = tableToIPC(tableFromIPC(workshop('activity.arrow')), 'stream');
  const b = new Uint8Array(writeParquet(WasmTable.fromIPCStream(ipc)));
  b.fill(0xa5, 4, Math.min(b.length - 1000, 4 + 4096));
  return b;
}
const enterprisesText = () => workshop('enterprises.csv').toString('utf8');
const economicsText = () => workshop('economics.csv').toString('utf8');

const simulateCases: Case[] = [
  // options
  {
    id: 'sim-missing-scenario',
    argv: simulate('--runs', '4', '--seed', '1', '--summary', 's.json'),
    code: 2,
    err: /^simulate: command line: --scenario is required/,
  },
  {
    id: 'sim-missing-summary',
    argv: simulate('--scenario', 'bau', '--runs', '4', '--seed', '1'),
    code: 2,
    err: /^simulate: command line: --summary is required/,
  },
  ...['0', '-1', '1.5', '1e3', 'abc', '', '1000001', '0x10'].map((v) =>
    badSimOption(
      `sim-runs-${v || 'blank'}`,
      ['--runs', v, '--seed', '1'],
      `simulate: command line: --runs must be an integer 1–1000000, got "${v}"`,
    ),
  ),
  ...['-1', '4294967296', '1.5', 'abc'].map((v) =>
    badSimOption(
      `sim-seed-${v}`,
      ['--runs', '4', '--seed', v],
      `simulate: command line: --seed must be an integer 0–4294967295, got "${v}"`,
    ),
  ),
  badSimOption('sim-runs-missing', ['--seed', '1'], /^simulate: command line: --runs is required/),
  ...['0', '65', 'abc'].map((v) =>
    badSimOption(
      `sim-workers-${v}`,
      ['--runs', '4', '--seed', '1', '--workers', v],
      `simulate: command line: --workers must be an integer 1–64, got "${v}"`,
    ),
  ),
  badSimOption(
    'sim-out-extension',
    ['--runs', '4', '--seed', '1', '--out', 'r.txt'],
    'simulate: command line: --out must end in .parquet or .csv, got "r.txt"',
  ),
  badSimOption(
    'sim-scenario-unknown-preset',
    ['--runs', '4', '--seed', '1', '--scenario', 'greenest'],
    /--scenario must be bau, policy, ambitious or a \.json file, got "greenest"/,
  ),
  badSimOption(
    'sim-scenario-missing-file',
    ['--runs', '4', '--seed', '1', '--scenario', 'nope.json'],
    'simulate: nope.json: cannot read the file (ENOENT)',
  ),
  badSimOption(
    'sim-park-unknown',
    ['--runs', '4', '--seed', '1', '--park', 'nowhere'],
    /option --park: "nowhere" is neither a bundled park \(.*\) nor a folder/,
  ),
  badSimOption(
    'sim-lever-unknown',
    ['--runs', '4', '--seed', '1', '--lever', 'warp=1'],
    /command line: field --lever warp=1: /,
  ),
  badSimOption(
    'sim-lever-no-equals',
    ['--runs', '4', '--seed', '1', '--lever', 'pv'],
    /command line: field --lever pv: /,
  ),
  badSimOption(
    'sim-lever-out-of-range',
    ['--runs', '4', '--seed', '1', '--lever', 'pv=1e6'],
    /command line: field --lever pv=1e6: /,
  ),
  ...['abc', '1', '1e400', ''].map((v) =>
    badSimOption(
      `sim-growth-shift-${v || 'blank'}`,
      ['--runs', '4', '--seed', '1', '--growth-shift', v],
      `--growth-shift must be a number between -0.2 and 0.2 (a fraction per year), got "${v}"`,
    ),
  ),
  {
    // More threads than CPUs only cost start-up time and memory: lowered, with a note.
    id: 'sim-workers-64-lowered',
    argv: bauOnWorkshop('--runs', '4', '--seed', '7', '--workers', '64', '--summary', 's.json'),
    code: 0,
    err:
      CPUS < 64
        ? new RegExp(`^note: --workers 64 is more than the ${CPUS} CPUs here; using ${CPUS}\\n`)
        : WARNINGS_ONLY,
    out: new RegExp(
      `^bau on workshop \\(base year 2024\\): 4 runs, seed 7, ${Math.min(CPUS, 64)} workers?\\n`,
    ),
  },
  {
    id: 'sim-summary-under-proc',
    argv: bauOnWorkshop('--runs', '4', '--seed', '1', '--summary', '/proc/s.json'),
    code: 2,
    err: /^simulate: --summary: cannot write to "\/proc" \(ENOENT/,
  },
  {
    // Written by a rename, /dev/null itself would be replaced by a file (when run as root).
    id: 'sim-summary-dev-null',
    argv: bauOnWorkshop('--runs', '4', '--seed', '1', '--summary', '/dev/null'),
    code: 2,
    err:
      'simulate: --summary: "/dev/null" is not a regular file (a device, pipe or socket); ' +
      'give the path of a file to write\n',
  },
  ...[
    ['r.csv', '--out and --summary'],
    ['r.inputs.csv', '--out (its inputs table) and --summary'],
  ].map(([summary, options]) =>
    refused(
      `sim-summary-same-as-${summary.replaceAll('.', '-')}`,
      bauOnWorkshop('--runs', '4', '--seed', '1', '--summary', summary, '--out', 'r.csv'),
      undefined,
      new RegExp(
        `^simulate: command line: ${options.replace(/[()]/g, '\\$&')} are the same file ".*/${summary.replaceAll('.', '\\.')}"; give each its own\n$`,
      ),
      { code: 2, out: summary },
    ),
  ),
  {
    id: 'sim-summary-is-a-folder',
    argv: bauOnWorkshop('--runs', '4', '--seed', '1', '--summary', 'out'),
    files: () => ({ 'out/keep': '' }),
    code: 2,
    err: 'simulate: --summary: "out" is a folder, not a file\n',
  },
  {
    id: 'sim-out-under-proc',
    argv: bauOnWorkshop(...SIM, '--out', '/proc/x/r.csv'),
    code: 2,
    err: /^simulate: --out: cannot create the folder "\/proc\/x" \(ENOENT/,
    absent: ['s.json'],
  },
  {
    id: 'sim-out-inputs-is-a-folder',
    argv: bauOnWorkshop(...SIM, '--out', 'r.csv'),
    files: () => ({ 'r.inputs.csv/keep': '' }),
    code: 2,
    err: /^simulate: --out: ".*r\.inputs\.csv" is a folder, not a file/,
    absent: ['s.json', 'r.csv'],
  },
  // scenario documents
  {
    id: 'scenario-ref',
    argv: simulate('--scenario', 'sc.json', '--park', 'workshop', ...SIM),
    files: () => ({ 'sc.json': json(scenarioDoc()) }),
    code: 0,
    err: WARNINGS_ONLY,
    out: /^robust on workshop \(base year 2024\): 4 runs, seed 7, 1 worker\n/,
  },
  {
    id: 'scenario-utf8-bom',
    argv: simulate('--scenario', 'sc.json', '--park', 'workshop', ...SIM),
    files: () => ({
      'sc.json': '\ufeff' + JSON.stringify(scenarioDoc(), null, '\t').replaceAll('\n', '\r\n'),
    }),
    code: 0,
    err: WARNINGS_ONLY,
    same: [{ file: 's.json', as: 'scenario-ref' }],
  },
  {
    id: 'scenario-upper-case-extension',
    argv: simulate('--scenario', 'SC.JSON', '--park', 'workshop', ...SIM),
    files: () => ({ 'SC.JSON': json(scenarioDoc()) }),
    code: 0,
    err: WARNINGS_ONLY,
    same: [{ file: 's.json', as: 'scenario-ref' }],
  },
  {
    id: 'scenario-thousands-of-unknown-sectors',
    argv: simulate('--scenario', 'sc.json', '--park', 'workshop', ...SIM),
    files: () => ({
      'sc.json': json(
        scenarioDoc(
          (d) =>
            (d.drivers = {
              intensity_improvement: {
                sectors: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`sector_${i}`, 0.01])),
              },
            }),
        ),
      ),
    }),
    code: 0,
    err: [WARNINGS_ONLY, /^(warning: .*\n){21}$/, /\nwarning: … and \d+ more warnings of the scenario\n$/],
  },
  badScenario('scenario-not-json', '{"schema_version": 1,', /^simulate: sc\.json: not valid JSON \(/),
  badScenario('scenario-empty-file', '', /^simulate: sc\.json: not valid JSON \(/),
  badScenario(
    'scenario-null',
    'null',
    'simulate: sc.json: invalid scenario: the document must be a JSON object {…}, not null\n',
  ),
  badScenario(
    'scenario-array',
    '[]',
    'simulate: sc.json: invalid scenario: the document must be a JSON object {…}, not an array\n',
  ),
  badScenario(
    'scenario-string',
    '"abc"',
    'simulate: sc.json: invalid scenario: the document must be a JSON object {…}, not a string\n',
  ),
  badScenario(
    'scenario-missing-fields',
    '{}',
    /^simulate: sc\.json: field schema_version: invalid scenario: .*\nsc\.json: field id: invalid scenario: /,
  ),
  badScenario(
    'scenario-utf16',
    utf16le(json(scenarioDoc())),
    'simulate: sc.json: the file is UTF-16 text; save it as UTF-8\n',
  ),
  badScenario(
    'scenario-invalid-utf8',
    bytes('{"id": "r', [0xc3, 0x28], '"}'),
    'simulate: sc.json: not UTF-8 text (invalid byte at offset 9); save it as UTF-8\n',
  ),
  badScenario(
    'scenario-version-2',
    json(scenarioDoc((d) => (d.schema_version = 2))),
    /sc\.json: (field schema_version|invalid scenario: schema_version)/,
  ),
  badScenario(
    'scenario-unknown-top-key',
    json(scenarioDoc((d) => (d.colour = 'green'))),
    /sc\.json: .*colour/,
  ),
  badScenario(
    'scenario-unknown-lever',
    json(scenarioDoc((d) => (levers(d).teleport = {}))),
    /sc\.json: .*levers.*teleport/,
  ),
  badScenario(
    'scenario-unknown-key-deep',
    json(scenarioDoc((d) => ((levers(d).coal_to_gas as Doc).bogus = 1))),
    /sc\.json: .*levers\.coal_to_gas.*bogus/,
  ),
  badScenario(
    'scenario-proto-sector-key',
    '{' +
      json(scenarioDoc())
        .slice(1)
        .replace(
          '"drivers": {}',
          '"drivers": {"output_growth": {"sectors": {"__proto__": {"to2030": 0.05}}}}',
        ),
    'simulate: sc.json: field drivers.output_growth.sectors.__proto__: invalid scenario: this key is not allowed',
  ),
  badScenario(
    'scenario-constructor-sector-key',
    json(scenarioDoc((d) => (d.drivers = { intensity_improvement: { sectors: { constructor: 0.01 } } }))),
    'simulate: sc.json: field drivers.intensity_improvement.sectors.constructor: invalid scenario: this key is not allowed',
  ),
  badScenario(
    'scenario-levers-array',
    json(scenarioDoc((d) => (d.levers = []))),
    /^simulate: sc\.json: field levers: invalid scenario: must be an object/,
  ),
  badScenario(
    'scenario-id-not-slug',
    json(scenarioDoc((d) => (d.id = 'Robust Scenario'))),
    /^simulate: sc\.json: field id: invalid scenario: must be a lower-case slug/,
  ),
  badScenario(
    'scenario-target-before-start',
    json(scenarioDoc((d) => ((levers(d).coal_to_gas as Doc).target_year = 2020))),
    /^simulate: sc\.json: field levers\.coal_to_gas\.target_year: invalid scenario: must be ≥ start_year/,
  ),
  badScenario(
    'scenario-year-1850',
    json(scenarioDoc((d) => ((levers(d).coal_to_gas as Doc).start_year = 1850))),
    /^simulate: sc\.json: field levers\.coal_to_gas\.start_year: invalid scenario: /,
  ),
  badScenario(
    'scenario-share-above-one',
    json(scenarioDoc((d) => ((levers(d).green_power as Doc).share = 1.5))),
    /sc\.json: .*levers\.green_power\.share/,
  ),
  badScenario(
    'scenario-growth-1e6',
    json(
      scenarioDoc(
        (d) => (d.drivers = { output_growth: { default: { to2030: 1e6, to2040: 0.03, to2060: 0.02 } } }),
      ),
    ),
    /sc\.json: field drivers\.output_growth\.default\.to2030: /,
  ),
  badScenario(
    'scenario-lognormal-median-1e300',
    json(
      scenarioDoc(
        (d) =>
          (d.drivers = {
            output_growth: {
              default: {
                to2030: { dist: 'lognormal', median: 1e300, p95: 2e300 },
                to2040: 0.03,
                to2060: 0.02,
              },
            },
          }),
      ),
    ),
    /sc\.json: field drivers\.output_growth\.default\.to2030(\.median)?: /,
  ),
  badScenario(
    'scenario-pv-1e308',
    json(scenarioDoc((d) => (levers(d).rooftop_pv = { capacity_mw: [{ year: 2030, mw: 1e308 }] }))),
    /sc\.json: field levers\.rooftop_pv\.capacity_mw\S*: /,
  ),
  badScenario(
    'scenario-green-space-1e308',
    json(
      scenarioDoc(
        (d) => (levers(d).sinks = { extra_green_space_ha: 1e308, start_year: 2025, target_year: 2030 }),
      ),
    ),
    /sc\.json: field levers\.sinks\.extra_green_space_ha: /,
  ),
  badScenario(
    'scenario-rho-above-one',
    json(scenarioDoc((d) => (d.correlations = [{ inputs: ['grid.*'], rho: 2 }]))),
    /^simulate: sc\.json: field correlations\[0\]\.rho: invalid scenario: /,
  ),
  {
    id: 'scenario-correlation-not-positive-definite',
    argv: simulate('--scenario', 'sc.json', '--park', 'workshop', ...SIM),
    files: () => ({
      'sc.json': json(
        scenarioDoc(
          (d) =>
            (d.correlations = [
              { inputs: ['intensity.*'], rho: 0.3 },
              { inputs: ['grid.y2030', 'grid.y2045'], rho: 0.95 },
              { inputs: ['grid.y2045', 'grid.y2060'], rho: 0.95 },
              { inputs: ['grid.y2030', 'grid.y2060'], rho: -0.95 },
            ]),
        ),
      ),
    }),
    code: 2,
    err:
      'simulate: sc.json: field correlations: the rank correlations are inconsistent (not positive definite): ' +
      'correlations[2] (grid.y2045, grid.y2060: rho 0.95); correlations[3] (grid.y2030, grid.y2060: rho -0.95) ' +
      'cannot all hold at once (pairs not listed count as 0); weaken or remove one of them\n',
    absent: ['s.json'],
  },
  badScenario(
    'scenario-deeply-nested',
    '{"levers": {"sinks": ' + '{"a": '.repeat(100_000) + '1' + '}'.repeat(100_002),
    /^simulate: sc\.json: field levers\.sinks(\.a){30}: invalid scenario: nested more than 32 levels deep/,
  ),
  // park folders
  {
    id: 'park-ref',
    argv: simulate('--scenario', 'bau', '--park', 'park', ...SIM),
    files: parkFiles(),
    code: 0,
    err: WARNINGS_ONLY,
    out: /^bau on workshop \(base year 2024\): 4 runs, seed 7, 1 worker\n/,
  },
  {
    id: 'park-without-manifest-or-pv',
    argv: simulate('--scenario', 'bau', '--park', 'park', ...SIM),
    files: parkFiles({ 'manifest.json': null, 'pv_installations.csv': null }),
    code: 0,
    err: WARNINGS_ONLY,
    out: /^bau on park \(base year 2024\)/,
  },
  {
    id: 'park-manifest-bom',
    argv: simulate('--scenario', 'bau', '--park', 'park', ...SIM),
    files: parkFiles({ 'manifest.json': '\ufeff' + workshop('manifest.json').toString('utf8') }),
    code: 0,
    err: WARNINGS_ONLY,
    same: [{ file: 's.json', as: 'park-ref' }],
  },
  {
    // One year's electricity of E0002 a hundred thousand times its other years: a likely unit slip.
    id: 'park-activity-unit-slip-warned',
    argv: simulate('--scenario', 'bau', '--park', 'park', ...SIM),
    files: parkFiles({
      'activity.csv': workshop('activity.csv')
        .toString('utf8')
        .replace(
          /\nE0002,2020,electricity,(\d+),/,
          (_, v: string) => `\nE0002,2020,electricity,${Number(v) * 1e5},`,
        ),
    }),
    code: 0,
    err: [
      WARNINGS_ONLY,
      /^warning: .*park\/activity\.csv: row 62, column amount: 2\.250e\+8 10\^4 kWh of electricity is over 100 times the median of E0002's years \(2\.25e\+3\); check the unit\n/,
    ],
  },
  badPark(
    'park-missing-activity',
    { 'activity.csv': null },
    /park: no activity\.csv, activity\.parquet or activity\.arrow/,
  ),
  badPark(
    'park-activity-bad-row',
    { 'activity.csv': HEADER + 'E0001,2024,diesel,lots,t\n' },
    /park\/activity\.csv: row 2, column amount: /,
  ),
  badPark(
    'park-economics-negative',
    { 'economics.csv': 'enterprise_id,year,output_value_10k_cny\nE0001,2024,-5\n' },
    /park\/economics\.csv: row 2, column output_value_10k_cny: "-5" is not a number ≥ 0/,
  ),
  badPark(
    'park-economics-missing-column',
    { 'economics.csv': 'enterprise_id,year\nE0001,2024\n' },
    /park\/economics\.csv: row 1, column output_value_10k_cny: missing column/,
  ),
  badPark(
    'park-enterprises-unknown-sector',
    { 'enterprises.csv': enterprisesText().replace(',chp,', ',space_elevators,') },
    /park\/enterprises\.csv: row 2, column sector: "space_elevators" is not a sector code/,
  ),
  badPark(
    'park-manifest-not-json',
    { 'manifest.json': '{"id": ' },
    /park\/manifest\.json: not valid JSON \(/,
  ),
  badPark('park-manifest-null', { 'manifest.json': 'null' }, /park\/manifest\.json: /),
  badPark('park-manifest-array', { 'manifest.json': '[1, 2]' }, /park\/manifest\.json: /),
  badPark(
    'park-manifest-green-space-negative',
    { 'manifest.json': manifestWith((m) => ({ ...m, green_space_ha: -1e6 })) },
    /park\/manifest\.json: field green_space_ha: /,
  ),
  badPark(
    'park-manifest-green-space-text',
    { 'manifest.json': manifestWith((m) => ({ ...m, green_space_ha: 'abc' })) },
    /park\/manifest\.json: field green_space_ha: /,
  ),
  badPark(
    'park-pv-corrupted-arrow',
    { 'pv_installations.csv': null, 'pv_installations.arrow': corruptArrow() },
    /park\/pv_installations\.arrow: /,
  ),
  badPark(
    'park-activity-corrupted-parquet',
    { 'activity.csv': null, 'activity.parquet': corruptParquet() },
    /park\/activity\.parquet: /,
  ),
  badPark(
    'park-pv-unknown-enterprise',
    { 'pv_installations.csv': 'enterprise_id,commissioned_year,capacity_kwp\nE9999,2020,100\n' },
    /park\/pv_installations\.csv: row 2, column enterprise_id: .*E9999/,
  ),
  badPark(
    'park-pv-negative-capacity',
    { 'pv_installations.csv': 'enterprise_id,commissioned_year,capacity_kwp\nE0005,2020,-100\n' },
    /park\/pv_installations\.csv: row 2, column capacity_kwp: "-100" is not a number ≥ 0/,
  ),
  badPark(
    'park-pv-1e308',
    { 'pv_installations.csv': 'enterprise_id,commissioned_year,capacity_kwp\nE0005,2020,1e308\n' },
    /park\/pv_installations\.csv: row 2, column capacity_kwp: /,
  ),
  badPark(
    'park-enterprise-twice',
    { 'enterprises.csv': enterprisesText() + enterprisesText().split('\n')[1] + '\n' },
    /park\/enterprises\.csv: row 2, column enterprise_id: .*"E0001".*row 22/,
  ),
  {
    id: 'park-enterprises-and-manifest-utf16',
    argv: simulate('--scenario', 'bau', '--park', 'park', ...SIM),
    files: parkFiles({
      'enterprises.csv': utf16le(enterprisesText()),
      'manifest.json': utf16le(workshop('manifest.json').toString('utf8')),
    }),
    code: 0,
    err: WARNINGS_ONLY,
    same: [{ file: 's.json', as: 'park-ref' }],
  },
  badPark(
    'park-enterprises-nul-in-id',
    { 'enterprises.csv': enterprisesText().replace('\nE0001,', '\nE0\u00001,') },
    /park\/enterprises\.csv: row 2, column enterprise_id: control character U\+0000 /,
  ),
  badPark(
    'park-enterprises-invalid-utf8',
    { 'enterprises.csv': bytes('enterprise_id,sector\nE0001,c', [0xff], 'hp\n') },
    /park\/enterprises\.csv: row 2: the file is neither UTF-8 nor GBK\/GB18030: byte 28 \(0xff\)/,
  ),
  badPark(
    'park-enterprises-utf16-bad-row',
    { 'enterprises.csv': utf16le('enterprise_id,sector\nE0001,chp,extra\n') },
    /park\/enterprises\.csv: row 2: row has 3 fields but the header has 2 \(read as UTF-16 LE\)\n$/,
  ),
  badPark(
    'park-economics-duplicate-row',
    { 'economics.csv': economicsText() + economicsText().split('\n')[1] + '\n' },
    /park\/economics\.csv: row 192, column enterprise_id: duplicate: "E0001", 2015 is already on row 2 \(it would be counted twice\)/,
  ),
  ...[
    ['1850', '1850 is out of range 1990–2100'],
    ['2e3', '"2e3" is not a year (write it as 4 digits, e.g. 2024)'],
    ['2015.5', '"2015.5" is not a year (write it as 4 digits, e.g. 2024)'],
  ].map(([year, reason]) =>
    badPark(
      `park-economics-year-${year}`,
      { 'economics.csv': economicsText().replace('\nE0001,2015,', `\nE0001,${year},`) },
      `/park/economics.csv: row 2, column year: ${reason}\n`,
    ),
  ),
  ...[
    ['1e400', '"1e400" is not a finite number'],
    ['1e308', '1e+308 is out of range 0–1000000000 (10^4 CNY)'],
  ].map(([value, reason]) =>
    badPark(
      `park-economics-output-${value}`,
      { 'economics.csv': economicsText().replace(/\nE0001,2015,\d+,/, `\nE0001,2015,${value},`) },
      `/park/economics.csv: row 2, column output_value_10k_cny: ${reason}\n`,
    ),
  ),
  badPark(
    'park-pv-year-1850',
    { 'pv_installations.csv': 'enterprise_id,commissioned_year,capacity_kwp\nE0005,1850,100\n' },
    /park\/pv_installations\.csv: row 2, column commissioned_year: 1850 is out of range 1990–2100\n$/,
  ),
];

// ---------------------------------------------------------------------------------------------------
// query: options and SQL (each SQL case starts DuckDB in a thread, so there are few)

const BIG_LITERAL = 'x'.repeat(100_000);
const queryCases: Case[] = [
  { id: 'query-no-sql', argv: ['query'], code: 2, err: /^query: command line: No SQL given\./ },
  ...[
    ['format', 'xml', '--format must be table, csv or json, not "xml"'],
    ['max-rows', '0', '--max-rows must be an integer 1–10000000, got "0"'],
    ['max-rows', '1e9', '--max-rows must be an integer 1–10000000, got "1e9"'],
    ['max-rows', 'abc', '--max-rows must be an integer 1–10000000, got "abc"'],
    ['timeout', '0', '--timeout must be an integer 1–86400, got "0"'],
    ['timeout', '-5', '--timeout must be an integer 1–86400, got "-5"'],
    ['park', 'my-folder', '--park must be a bundled park (sample, workshop), not "my-folder"'],
  ].map(([o, v, m]): Case => ({
    id: `query-${o}-${v}`,
    argv: ['query', 'select 1', `--${o}`, v],
    code: 2,
    err: `query: command line: ${m}\n`,
  })),
  ...['INSTALL httpfs', 'load httpfs', '  FORCE INSTALL spatial;'].map((sql, i): Case => ({
    id: `query-extension-${i}`,
    argv: ['query', sql],
    code: 1,
    err: /^SQL error: extensions cannot be installed or loaded here \(no network or file access\)/,
  })),
  ...[
    ['drop table enterprises', 'statement 1: DROP TABLE enterprises'],
    ['select 1; delete from activity where year < 2020', 'statement 2: DELETE activity'],
    ["update enterprises set sector = 'food'", 'statement 1: UPDATE enterprises'],
    ['insert into economics select * from economics', 'statement 1: INSERT economics'],
  ].map(([sql, what], i): Case => ({
    id: `query-read-only-${i}`,
    argv: ['query', sql],
    code: 1,
    err: `SQL error: ${what} refused: the park’s tables are read-only\n`,
    out: '',
  })),
  {
    id: 'query-row-limit-past-comments-and-statements',
    argv: ['query', '--file', 'q.sql', '--max-rows', '5'],
    files: () => ({ 'q.sql': 'select 1;\n-- the rows\nselect * from range(20);\n' }),
    code: 1,
    err:
      'SQL error: the result has more than 5 rows; nothing was printed. ' +
      'Narrow the query (WHERE, LIMIT, GROUP BY) or allow more with --max-rows <n>\n',
    out: '',
  },
  {
    id: 'query-sql-file-missing',
    argv: ['query', '--file', 'q.sql'],
    code: 1,
    err: /^query: q\.sql: cannot read the file \(ENOENT/,
  },
  {
    id: 'query-sql-file-a-device',
    argv: ['query', '--file', '/dev/zero'],
    code: 1,
    err: 'query: /dev/zero: cannot read the file (a device, not a file)\n',
  },
  {
    id: 'query-sql-file-and-text',
    argv: ['query', 'select 1', '--file', 'q.sql'],
    files: () => ({ 'q.sql': 'select 2' }),
    code: 2,
    err: /^query: command line: give the SQL either as text or with --file, not both/,
  },
  {
    id: 'query-100kb-sql-from-file',
    argv: ['query', '--file', 'q.sql', '--format', 'csv'],
    files: () => ({ 'q.sql': `select length('${BIG_LITERAL}') as n, count(*) as e from enterprises` }),
    code: 0,
    err: '',
    out: 'n,e\r\n100000,303\r\n',
  },
];

// ---------------------------------------------------------------------------------------------------
// footprint and datasets

const fpFiles =
  (extra: Files = {}) =>
  () => ({
    'bom.csv': fixture('bom.csv'),
    'f.csv': fixture('bom-factors.csv'),
    ...extra,
  });
const footprint = (...extra: string[]) => ['footprint', '--bom', 'bom.csv', '--factors', 'f.csv', ...extra];
const footprintCases: Case[] = [
  {
    id: 'footprint-ref',
    argv: footprint('--runs', '200', '--out', 'r.json'),
    files: fpFiles(),
    code: 0,
    err: '',
    out: /^3 lines, 200 runs: /,
  },
  {
    id: 'footprint-bom-bom-crlf',
    argv: footprint('--runs', '200', '--out', 'r.json'),
    files: fpFiles({ 'bom.csv': '\ufeff' + fixture('bom.csv').replaceAll('\n', '\r\n') }),
    code: 0,
    err: '',
    same: [{ file: 'r.json', as: 'footprint-ref' }],
  },
  {
    id: 'footprint-missing-out',
    argv: footprint(),
    files: fpFiles(),
    code: 2,
    err: /^footprint: --bom and --out are required/,
  },
  ...['0', 'abc', '1e400', '2.5'].map((v) =>
    refused(
      `footprint-runs-${v}`,
      footprint('--runs', v, '--out', 'r.json'),
      fpFiles(),
      `footprint: --runs: "${v}" is not an integer ≥ 1\n`,
      { out: 'r.json' },
    ),
  ),
  refused(
    'footprint-bom-a-device',
    ['footprint', '--bom', '/dev/zero', '--out', 'r.json'],
    fpFiles(),
    'footprint: /dev/zero: cannot read the file (a device, not a file)\n',
    { out: 'r.json' },
  ),
  refused(
    'footprint-runs-above-a-million',
    footprint('--runs', '2000000', '--out', 'r.json'),
    fpFiles(),
    'footprint: --runs: 2000000 is more than 1000000\n',
    { out: 'r.json' },
  ),
  refused(
    'footprint-seed-above-32-bits',
    footprint('--seed', '4294967296', '--out', 'r.json'),
    fpFiles(),
    'footprint: --seed: 4294967296 is more than 4294967295\n',
    { out: 'r.json' },
  ),
  refused(
    'footprint-runs-times-lines-too-many',
    footprint('--runs', '1000000', '--out', 'r.json'),
    fpFiles({
      'bom.csv':
        'id,input,quantity,unit\n' + Array.from({ length: 60 }, (_, i) => `l${i},steel,1,kg\n`).join(''),
    }),
    'footprint: --runs: 1000000 runs of 60 BOM lines would sample 60000000 values (at most 50000000); ' +
      'use at most 833333 runs for this BOM\n',
    { out: 'r.json' },
  ),
  {
    id: 'footprint-boundary-unknown',
    argv: footprint('--boundary', 'grave', '--out', 'r.json'),
    files: fpFiles(),
    code: 1,
    err: /^footprint: --boundary: "grave" is not one of cradle_to_gate, cradle_to_gate_eol/,
  },
  refused(
    'footprint-bad-quantity',
    footprint('--out', 'r.json'),
    fpFiles({ 'bom.csv': 'input,quantity,unit\nsteel,abc,kg\n' }),
    /bom\.csv: row 2, column quantity: "abc" is not a number ≥ 0/,
    { out: 'r.json' },
  ),
  refused(
    'footprint-negative-factor',
    footprint('--out', 'r.json'),
    fpFiles({ 'f.csv': 'input,unit,kgco2e_per_unit\nsteel,kg,-2\n' }),
    /f\.csv: row 2, column kgco2e_per_unit: /,
    { out: 'r.json' },
  ),
  {
    id: 'footprint-out-under-proc',
    argv: footprint('--out', '/proc/pcw/r.json'),
    files: fpFiles(),
    code: 1,
    err: /^footprint: --out: cannot create the folder "\/proc\/pcw" \(ENOENT/,
  },
];

const datasetsCases: Case[] = [
  {
    id: 'datasets-format-unknown',
    argv: ['datasets', '--format', 'yaml'],
    code: 2,
    err: 'datasets: command line: --format must be table or json, not "yaml"\n',
  },
];

export const CASES: readonly Case[] = [
  ...mainCases,
  ...accountCases,
  ...validateCases,
  ...simulateCases,
  ...queryCases,
  ...footprintCases,
  ...datasetsCases,
];
