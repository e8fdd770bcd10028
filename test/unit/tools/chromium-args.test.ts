import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES } from '../../tools/chromium';

/** The features the installed Playwright disables, read from its source (its list is not exported). */
function playwrightDisabledFeatures(): string[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('playwright-core/package.json'));
  const source = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const start = source.indexOf('disabledFeatures = [');
  const end = source.indexOf('].filter(Boolean)', start);
  if (start < 0 || end < 0) throw new Error("Playwright's disabledFeatures list was not found in its bundle");
  const list = source.slice(start, end).replace(/\/\/.*$/gm, '');
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

describe('Chromium flags of the tests and benchmarks', () => {
  it('keep every feature Playwright disables (Chromium reads only the last --disable-features)', () => {
    const theirs = playwrightDisabledFeatures();
    expect(theirs.length).toBeGreaterThan(5);
    expect([...PLAYWRIGHT_DISABLED_FEATURES].sort()).toEqual([...theirs].sort());
    const disable = CHROMIUM_ARGS.filter((a) => a.startsWith('--disable-features='));
    expect(disable).toHaveLength(1);
    const ours = disable[0].slice('--disable-features='.length).split(',');
    for (const f of theirs) expect(ours).toContain(f);
    expect(ours).toContain('WebUIOmniboxPopup');
  });
});
