/**
 * The Pathways page's compare, saved scenarios and goal seek, end to end on the built app: two presets
 * compared (the difference table), a scenario saved, kept through a reload, downloaded and a broken
 * copy refused by field, and a goal seek showing its steps and cancelled — the page's own run untouched.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openApp, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openApp(inject('baseUrl'), { viewport: { width: 1600, height: 1000 } });
});
afterAll(() => s?.close());

const RUNS = 1000;
/** Generous: on a loaded 2-core machine the page's first result alone can take a minute. */
const SLOW = 240_000;

async function pageDone(page: Page): Promise<void> {
  await page
    .locator(`[data-testid=path-results][data-phase=full][data-runs="${RUNS}"]`)
    .waitFor({ timeout: SLOW });
  await expect
    .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 30_000 })
    .toBe('done');
}

describe('compare, saved scenarios and goal seek on the Pathways page', () => {
  it(
    'compares BAU and policy on the same draws: the difference table says policy emits less in nearly every run',
    async () => {
      const { page } = s;
      await page.goto(`${inject('baseUrl')}#/pathways?park=sample&preset=policy&seed=7&runs=${RUNS}&lang=en`);
      await pageDone(page);
      const before = await page.getByTestId('path-kpi-peak2030').textContent();
      expect(await page.getByTestId('compare-pick-preset:bau').isChecked()).toBe(true);
      expect(await page.getByTestId('compare-pick-preset:policy').isChecked()).toBe(true);
      await page.getByTestId('compare-run').click();
      const result = page.getByTestId('compare-result');
      await result.waitFor({ timeout: SLOW });
      console.log(
        `compare: 2 × ${RUNS} runs in ${await result.getAttribute('data-elapsed')} ms (page's own figure)`,
      );
      expect(await result.getAttribute('data-runs')).toBe(String(RUNS));
      const rows = page.getByTestId('compare-diff-row');
      expect(await rows.count()).toBe(1);
      expect(Number(await rows.first().getAttribute('data-p-lower'))).toBeGreaterThan(0.95);
      expect(await rows.first().textContent()).toMatch(/Carbon-peak action plan − Business as usual/);
      expect(await page.getByTestId('compare-p-lower').textContent()).toMatch(/\d+\.\d% ± \d/);
      // The headline table: one column per scenario, a row per target.
      const table = page.getByTestId('compare-table');
      expect(await table.locator('thead th').count()).toBe(3);
      expect(await table.textContent()).toMatch(/Peak by 2030/);
      // Drawn, and the page's own result untouched.
      const ink = await page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('[data-testid=compare-result] canvas')!;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n / (c.width * c.height);
      });
      expect(ink).toBeGreaterThan(0.01);
      expect(await page.getByTestId('run-status').getAttribute('data-status')).toBe('done');
      expect(await page.getByTestId('path-kpi-peak2030').textContent()).toBe(before);
      await page.getByTestId('compare-panel').screenshot({ path: `${ARTIFACTS}/pathways-compare-en.png` });
    },
    2 * SLOW,
  );

  it(
    'saves the settings under a name, keeps them through a reload, downloads them, and refuses a broken upload by field',
    async () => {
      const { page } = s;
      await page.getByTestId('saved-name').fill('My plan');
      await page.getByTestId('saved-save').click();
      await expect.poll(() => page.getByTestId('saved-message').textContent()).toMatch(/Saved “My plan”/);
      await page.reload();
      await pageDone(page);
      const entries = page.getByTestId('saved-entry');
      expect(await entries.count()).toBe(1);
      expect(await entries.first().textContent()).toMatch(/My plan/);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        entries.first().getByRole('button', { name: 'Download' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('my-plan.json');
      const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      expect(doc).toMatchObject({ schema_version: 1, id: 'my-plan', name_en: 'My plan', dataset: 'sample' });
      doc.drivers = { ...doc.drivers, growth_typo: 1 };
      await page.getByTestId('saved-file').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(doc)),
      });
      await expect
        .poll(() => page.getByTestId('saved-message').textContent())
        .toMatch(/broken\.json: field drivers\.growth_typo: is not a known field/);
      expect(await entries.count()).toBe(1);
      // The saved scenario can be compared.
      expect(await page.getByTestId('compare-pick-saved:My plan').count()).toBe(1);
    },
    2 * SLOW,
  );

  it(
    'goal seek stops on cancel, and says when a target is out of reach, with P at the range end, in Chinese',
    async () => {
      const { page } = s;
      await page.getByRole('button', { name: '中文' }).click();
      const goal = page.getByTestId('goal-panel');
      expect(await page.getByTestId('goal-target').inputValue()).toBe('peak_2030');
      expect(await page.getByTestId('goal-probability').inputValue()).toBe('90');
      // Years are not offered.
      expect(await page.getByTestId('goal-lever').locator('option[value=ccusYear]').count()).toBe(0);
      // 100 %: out of reach unless every run meets the target at the lever's maximum.
      await page.getByTestId('goal-probability').fill('100');
      await page.getByTestId('goal-probability').dispatchEvent('change');
      await page.getByTestId('goal-run').click();
      await page.getByTestId('goal-cancel').click();
      expect(await page.getByTestId('goal-status').getAttribute('data-status')).toBe('cancelled');
      await page.getByTestId('goal-run').click();
      const result = page.getByTestId('goal-result');
      await result.waitFor({ timeout: SLOW });
      expect(await result.getAttribute('data-reachable')).toBe('false');
      expect(await result.textContent()).toMatch(/无法达到：范围末端 .* 时的达成概率为 \d+(\.\d+)?% ± \d/);
      expect(await goal.getByTestId('goal-steps').locator('li').count()).toBe(1);
      expect(await goal.getByTestId('goal-steps').textContent()).toMatch(/P\(达成\) \d+(\.\d+)?% ± \d/);
      expect(await page.getByTestId('run-status').getAttribute('data-status')).toBe('done');
      await goal.screenshot({ path: `${ARTIFACTS}/pathways-goal-zh.png` });
      await page.getByTestId('saved-panel').screenshot({ path: `${ARTIFACTS}/pathways-saved-zh.png` });
      await page.getByTestId('compare-panel').screenshot({ path: `${ARTIFACTS}/pathways-compare-zh.png` });
    },
    2 * SLOW,
  );
});
