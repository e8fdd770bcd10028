import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openApp, type Session } from './browser';

const manifest = JSON.parse(readFileSync('datasets/sample/manifest.json', 'utf8')) as {
  version: string;
  name_zh: string;
  tables: Record<string, { rows: number }>;
};

let s: Session;
beforeAll(async () => {
  s = await openApp(inject('baseUrl'));
});
afterAll(() => s?.close());

describe('the built app on the sample park', () => {
  it('loads the sample park and shows its overview with figures and drawn charts', async () => {
    const { page } = s;
    await page.goto(inject('baseUrl'));
    await page.getByTestId('kpi-enterprises').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('dataset-version').textContent()).toContain(manifest.version);
    const selected = await page.getByTestId('dataset-select').evaluate((el) => {
      const select = el as HTMLSelectElement;
      return select.selectedOptions[0]?.text;
    });
    expect(selected).toBe(manifest.name_zh);

    // The enterprise count is that of the latest year in economics; it must match the data.
    const kpi = Number((await page.getByTestId('kpi-enterprises').textContent())!.replace(/[^\d]/g, ''));
    expect(kpi).toBeGreaterThan(200);
    expect(kpi).toBeLessThanOrEqual(manifest.tables.enterprises.rows);

    // Emissions come from the accounting SQL (issue 3): a positive park total in 10^4 tCO2.
    const emissions = Number((await page.getByTestId('kpi-emissions').textContent())!.replace(/[^\d.]/g, ''));
    expect(emissions).toBeGreaterThan(100);

    // Both charts drew something: a canvas with non-background pixels.
    const charts = page.locator('[data-chart] canvas');
    await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(2);
    const inked = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLCanvasElement>('[data-chart] canvas')].map((c) => {
        const ctx = c.getContext('2d')!;
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n / (c.width * c.height);
      }),
    );
    for (const share of inked) expect(share).toBeGreaterThan(0.02);
    await page.waitForTimeout(600); // let ECharts finish its entry animation before the screenshot
    await page.screenshot({ path: `${ARTIFACTS}/overview-zh.png`, fullPage: true });
  });

  it("shows the build's first answers before DuckDB has started, the same as the live ones", async () => {
    const base = inject('baseUrl');
    const headline = async (page: Page) => {
      await page.getByTestId('kpi-emissions').waitFor({ timeout: 60_000 });
      await page.locator('section.overview figure.chart canvas').first().waitFor({ timeout: 60_000 });
      return page
        .locator('[data-testid^="kpi-"]')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-testid')}: ${e.textContent}`));
    };
    // DuckDB's wasm is held back: whatever shows came with the app.
    const held = await s.browser.newContext({ locale: 'zh-CN' });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    await held.route(/duckdb-(eh|mvp).*\.wasm$/, async (route) => {
      await gate;
      await route.continue();
    });
    // The build's answers are refused: whatever shows was asked of DuckDB in the page.
    const live = await s.browser.newContext({ locale: 'zh-CN' });
    await live.route(/first-answers\//, (route) => route.abort());
    try {
      const early = await held.newPage();
      await early.goto(`${base}#/overview?park=sample`);
      const shown = await headline(early);
      expect(shown.length).toBeGreaterThanOrEqual(4);
      // DuckDB has not started (its wasm is still held back).
      expect(await early.evaluate(() => performance.getEntriesByName('pcw:db-ready').length)).toBe(0);
      const late = await live.newPage();
      await late.goto(`${base}#/overview?park=sample`);
      expect(await headline(late)).toEqual(shown);
      release();
      await early.waitForFunction(() => performance.getEntriesByName('pcw:db-ready').length > 0, null, {
        timeout: 60_000,
      });
    } finally {
      release();
      await held.close();
      await live.close();
    }
  });

  it('switches to English and to the workshop park, then back, keeping the choice in the URL', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h2#overview-heading').textContent()).toBe('Park overview');
    await page.getByRole('combobox', { name: 'Switch dataset' }).selectOption('workshop');
    await expect.poll(() => page.url()).toContain('park=workshop');
    await expect
      .poll(async () =>
        Number((await page.getByTestId('kpi-enterprises').textContent())!.replace(/[^\d]/g, '')),
      )
      .toBeLessThan(40);
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${ARTIFACTS}/overview-workshop-en.png`, fullPage: true });
  });

  it('runs SQL in the Data view and reports a bad query without breaking', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await page.getByTestId('table-activity').waitFor();
    const box = page.getByRole('textbox', { name: 'SQL console' });
    await box.fill('SELECT count(*) AS n FROM enterprises');
    await page.getByTestId('sql-run').click();
    await expect.poll(() => page.getByTestId('sql-status').textContent()).toMatch(/1 rows/);
    await box.fill('SELECT nonsense FROM nowhere');
    await page.getByTestId('sql-run').click();
    await expect.poll(() => page.getByTestId('sql-error').textContent()).toMatch(/nowhere/);
    await box.fill('SELECT 1 AS ok');
    await page.getByTestId('sql-run').click();
    await expect.poll(() => page.getByTestId('sql-status').textContent()).toMatch(/1 rows/);
    await page.screenshot({ path: `${ARTIFACTS}/data-view.png`, fullPage: true });
  });

  it('made no request to another origin and logged no errors', () => {
    expect(s.requests.length).toBeGreaterThan(5);
    expect(s.requests.some((u) => u.includes('.wasm'))).toBe(true);
    expect(s.foreignRequests()).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
