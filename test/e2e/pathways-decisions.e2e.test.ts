/**
 * The target and cost panels of the built app: after the full run the targets show P(met) with their
 * sources and placeholders, the MACC and the investment chart are drawn (not empty), and the carbon
 * price and an absolute cap go into the scenario and the link; in Chinese and in English.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openApp, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openApp(inject('baseUrl'), { viewport: { width: 1600, height: 1000 } });
});
afterAll(() => s?.close());

const RUNS = 2000;

async function fullResult(page: Page): Promise<void> {
  await page
    .locator(`[data-testid=path-results][data-phase=full][data-runs="${RUNS}"]`)
    .waitFor({ timeout: 240_000 });
  await expect
    .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 120_000 })
    .toBe('done');
}

/** Share of non-transparent pixels of the chart canvases inside a panel. */
async function ink(page: Page, testId: string): Promise<number[]> {
  return page.evaluate(
    (id) =>
      [...document.querySelectorAll<HTMLCanvasElement>(`[data-testid=${id}] [data-chart] canvas`)].map(
        (c) => {
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
          return n / (c.width * c.height);
        },
      ),
    testId,
  );
}

async function drawn(page: Page, testId: string, charts: number): Promise<void> {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await expect.poll(async () => (await ink(page, testId)).length, { timeout: 30_000 }).toBe(charts);
  await page.waitForTimeout(700); // entry animation
  for (const share of await ink(page, testId)) expect(share).toBeGreaterThan(0.01);
}

describe('targets and costs on the Pathways page', () => {
  // Full runs on a loaded machine: generous limits (what is measured is what is drawn, not how fast).
  it(
    'shows P(met) per target, the intensity paths, the MACC and the investment after the full run (zh)',
    { timeout: 300_000 },
    async () => {
      const { page } = s;
      await page.goto(`${inject('baseUrl')}#/pathways?park=sample&preset=policy&seed=7&runs=${RUNS}`);
      await page.getByTestId('targets').waitFor({ timeout: 120_000 });
      await fullResult(page);
      const rows = page.locator('[data-testid=targets] [data-target]');
      expect(await rows.count()).toBe(5);
      expect(await page.locator('[data-testid=targets] [data-placeholder=true]').count()).toBe(2);
      for (const t of await page.getByTestId('pmet').allTextContents()) expect(t).toMatch(/达标概率 \d/);
      await drawn(page, 'targets', 2);
      await page.getByTestId('targets').screenshot({ path: `${ARTIFACTS}/pathways-targets-zh.png` });

      expect(await page.getByTestId('costs').getAttribute('data-current')).toBe('true');
      expect(await page.getByTestId('npv').textContent()).toMatch(/亿元|万元/);
      await drawn(page, 'costs', 2);
      expect(await page.getByTestId('macc-year').inputValue()).toBe('2030');
      expect(await page.getByTestId('not-costed').textContent()).toMatch(/未计成本/);
      expect(await page.getByTestId('invest-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
      await page.getByTestId('costs').screenshot({ path: `${ARTIFACTS}/pathways-costs-zh.png` });
    },
  );

  it('a carbon price and a cap go into the link and the next run', { timeout: 300_000 }, async () => {
    const { page } = s;
    await page.getByTestId('carbon-price').fill('300');
    await page.getByTestId('cost-apply').click();
    await expect.poll(() => page.url()).toContain('cp=300');
    await page.getByTestId('cap-max').fill('50');
    await page.getByTestId('cap-add').click();
    await expect.poll(() => page.url()).toContain('caps=e2030%3A500000');
    await fullResult(page);
    await expect
      .poll(() => page.locator('[data-target=cap_emissions_2030]').count(), { timeout: 30_000 })
      .toBe(1);
    // A bad value is refused where it was typed, nothing is run.
    const url = page.url();
    await page.getByTestId('discount-rate').fill('45');
    await page.getByTestId('cost-apply').click();
    expect(await page.getByTestId('cost-error').textContent()).toMatch(/折现率/);
    expect(page.url()).toBe(url);
  });

  it('reads in English with money in CNY million / billion', async () => {
    const { page } = s;
    // The header's language switch: the result on show stays, its text changes.
    await page.locator('header button.lang').click();
    await expect.poll(() => page.getByTestId('npv').textContent()).toMatch(/CNY/);
    // The refused rate's message follows the language.
    expect(await page.getByTestId('cost-error').textContent()).toMatch(/Discount rate/);
    expect(await page.getByTestId('npv').textContent()).toMatch(/CNY (million|billion)/);
    for (const t of await page.getByTestId('pmet').allTextContents()) expect(t).toMatch(/P\(met\)/);
    await drawn(page, 'targets', 2);
    await page.getByTestId('targets').screenshot({ path: `${ARTIFACTS}/pathways-targets-en.png` });
    await drawn(page, 'costs', 2);
    await page.getByTestId('costs').screenshot({ path: `${ARTIFACTS}/pathways-costs-en.png` });
  });
});
