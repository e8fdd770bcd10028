/**
 * The engine's compiled code survives a garbage collection between two samples. V8 specialises
 * optimized code to the hidden classes it saw and holds them weakly; a class whose every instance has
 * died loses its hidden class at the next full collection, and the code is thrown away ("weak
 * objects") to be compiled again — for the kernel's run loop that was over a second of background
 * compilation per worker on the first slider move after a pause.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const HOT = [
  'runBlock',
  'sampleRun',
  'drawPermutation',
  'seedRun',
  'nextUint32',
  'nextDouble',
  'rankInto',
  // The summary's (core/keep-shape.ts).
  'gather32',
  'breakdown',
  'sensitivity',
  'peaksOf',
];
/** Compiled by TurboFan on their own before the collection (the others of HOT may be inlined into them). */
const MUST_COMPILE = ['runBlock', 'sampleRun', 'nextDouble', 'rankInto', 'gather32', 'breakdown', 'peaksOf'];

describe('compiled engine code and garbage collection', () => {
  it('keeps the kernel, the ranking and the summary compiled across a collection between samples', () => {
    const out = execFileSync(
      process.execPath,
      // Compilation on the main thread (not concurrent): what is compiled, and when, depends on the
      // code run, not on how busy the machine is.
      [
        '--expose-gc',
        '--no-concurrent-recompilation',
        '--trace-opt',
        '--trace-deopt',
        '--import',
        'tsx',
        'test/fixtures/jit/survives-gc.ts',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
    );
    const lines = out.split('\n');
    const from = lines.indexOf('--- collecting');
    expect(from).toBeGreaterThan(0);
    expect(lines).toContain('--- done');
    // There is compiled code to lose: the hot functions were optimized before the collection.
    const compiled = new Set(
      lines
        .slice(0, from)
        .filter((l) => l.startsWith('[completed compiling') && l.includes('(target TURBOFAN)'))
        .map((l) => /<JSFunction ([\w$]+) /.exec(l)?.[1]),
    );
    expect(MUST_COMPILE.filter((name) => !compiled.has(name))).toEqual([]);
    const dropped = lines
      .slice(from)
      .filter((l) => l.includes('reason: weak objects'))
      .map((l) => /SharedFunctionInfo ([\w$]+)>/.exec(l)?.[1])
      .filter((name) => name !== undefined && HOT.includes(name));
    expect(dropped).toEqual([]);
  }, 60_000);
});
