import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openApp, type Session } from './browser';
import { loadPark } from '../../src/cli/load-park';
import {
  sampleDetail,
  compileScenario,
  presetScenario,
  simulateBlock,
  summarize,
} from '../../src/core/scenario/index';

let s: Session;
beforeAll(async () => {
  s = await openApp(inject('baseUrl'), { viewport: { width: 1600, height: 1000 } });
});
afterAll(() => s?.close());

const KPIS = ['peak2030', 'peak-year', 'neutral2060', 'cumulative', 'intensity2020', 'intensity2025'];

async function fullResult(page: Page, runs: number): Promise<void> {
  await page
    .locator(`[data-testid=path-results][data-phase=full][data-runs="${runs}"]`)
    .waitFor({ timeout: 60_000 });
  await expect
    .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 30_000 })
    .toBe('done');
}

async function kpiTexts(page: Page): Promise<string[]> {
  return Promise.all(KPIS.map(async (k) => (await page.getByTestId(`path-kpi-${k}`).textContent())!.trim()));
}

async function downloadSummary(page: Page): Promise<unknown> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-summary').click(),
  ]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

/** Shares of non-transparent pixels of each chart canvas on the page. */
async function ink(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('[data-chart] canvas')].map((c) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n / (c.width * c.height);
    }),
  );
}

/** Tall viewport so the sticky lever panel shows in full, then a full-page screenshot. */
async function shoot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(height, 1000) });
  await page.waitForTimeout(700); // charts resize and finish their entry animation
  await page.screenshot({ path: `${ARTIFACTS}/${name}`, fullPage: true });
  await page.setViewportSize(size);
}

describe('the Pathways page of the built app', () => {
  let link = '';
  let edited: string[] = [];
  let editedSummary: unknown;

  it('opens with a preview first, then the full 10,000-run result, drawn as charts', async () => {
    const { page } = s;
    await page.goto(inject('baseUrl'));
    await page.getByTestId('kpi-enterprises').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: '达峰与中和路径' }).click();
    const t0 = Date.now();
    await page.getByTestId('path-results').waitFor({ timeout: 60_000 });
    const firstMs = Date.now() - t0;
    await fullResult(page, 10_000);
    const fullMs = Date.now() - t0;
    console.log(
      `pathways: first result ${firstMs} ms, full 10k ${fullMs} ms after opening the page;`,
      `status "${await page.getByTestId('run-status').textContent()}"`,
    );
    expect(await page.getByTestId('path-kpi-peak2030').textContent()).toMatch(/\d+\.\d%/);
    // Market-based Scope 2 by default, said on the page and carried by the link.
    expect(await page.getByTestId('scope2-market').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('scope2-note').textContent()).toMatch(/绿电计 0/);
    // The address follows the share link once the park is in DuckDB (the first result may come before).
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('s2=market');
    expect(await page.getByTestId('pv-potential').textContent()).toMatch(/\d+ MW/);
    expect(await page.getByTestId('path-kpi-peak-year').textContent()).toMatch(/20\d\d/);
    // Emissions by sector (every 5th of the 10,000 runs), then by carrier, with a table as the legend.
    expect(await page.getByTestId('breakdown').getAttribute('data-current')).toBe('true');
    expect(await page.getByTestId('breakdown-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(12);
    expect(await page.getByTestId('breakdown-note').textContent()).toMatch(/每 5 次.*2,000 次/);
    await page.getByTestId('breakdown-by-carrier').click();
    await expect.poll(() => page.getByTestId('breakdown-table').textContent()).toMatch(/外购电力/);
    const charts = await ink(page);
    expect(charts.length).toBeGreaterThanOrEqual(6);
    for (const share of charts) expect(share).toBeGreaterThan(0.01);
    await expect
      .poll(() => page.getByTestId('sim-table').getAttribute('data-rows'), { timeout: 30_000 })
      .toBe(String(10_000 * 37));
    await shoot(page, 'pathways-zh.png');
  });

  it('gives, for the unedited preset, the summary the command line computes for the same seed', async () => {
    const fromPage = await downloadSummary(s.page);
    const { baseline } = await loadPark('sample', process.cwd());
    const model = compileScenario(presetScenario('policy'), baseline);
    const block = simulateBlock(model, 2060, 0, 10_000, sampleDetail(10_000));
    const fromNode = summarize(model, block, 2060);
    expect(fromPage).toEqual(JSON.parse(JSON.stringify(fromNode)));
  });

  it('updates the numbers when a lever moves (preview, then full) and the URL follows', async () => {
    const { page } = s;
    const before = await kpiTexts(page);
    const url = page.url();
    await page.getByTestId('lever-efficiency').fill('0.035');
    await page.getByTestId('lever-ccus').fill('0.9');
    await expect.poll(() => page.getByTestId('lever-value-efficiency').textContent()).toBe('3.5%');
    await expect
      .poll(() => page.getByTestId('run-status').textContent(), { timeout: 30_000 })
      .toMatch(/预览/);
    console.log(`pathways: after an edit "${await page.getByTestId('run-status').textContent()}"`);
    await fullResult(page, 10_000);
    // The preview has no lever contributions; the full result brings them (for the new settings).
    expect(await page.getByTestId('contrib').getAttribute('data-current')).toBe('true');
    expect(await page.getByTestId('contrib-updating').count()).toBe(0);
    // Likewise the sensitivity (a preview has none).
    expect(await page.getByTestId('sensitivity').getAttribute('data-current')).toBe('true');
    expect(await page.getByTestId('sensitivity-updating').count()).toBe(0);
    console.log(`pathways: after an edit "${await page.getByTestId('run-status').textContent()}"`);
    edited = await kpiTexts(page);
    expect(edited).not.toEqual(before);
    // The address follows once the edit has settled (a moment after it; the run may be done first).
    await expect.poll(() => page.url()).toContain('eff=0.035');
    expect(page.url()).not.toBe(url);
    expect(page.url()).toContain('ccus=0.9');
    link = (await page.getByTestId('share-link').inputValue())!;
    expect(link).toBe(page.url());
    editedSummary = await downloadSummary(page);
    expect((editedSummary as { runs: number }).runs).toBe(10_000);
  });

  it('reproduces the same result from the share link in a new tab, and applies a link pasted into it', async () => {
    const other = await s.context.newPage();
    await other.goto(link);
    await fullResult(other, 10_000);
    expect(await other.getByTestId('lever-value-efficiency').textContent()).toBe('3.5%');
    expect(await kpiTexts(other)).toEqual(edited);
    expect(await downloadSummary(other)).toEqual(editedSummary);
    // Another scenario's link reached in the tab that shows the page (typed or pasted into its address
    // bar: a navigation within the document) is read, not left in the address beside the old settings.
    const pasted = new URL(link).hash.replace(/([?&])eff=[^&]*/, '$1eff=0.02');
    expect(pasted).toContain('eff=0.02');
    await other.evaluate((h) => (location.hash = h), pasted);
    await expect.poll(() => other.getByTestId('lever-value-efficiency').textContent()).toBe('2.0%');
    await fullResult(other, 10_000);
    expect(await kpiTexts(other)).not.toEqual(edited);
    expect(other.url()).toContain('eff=0.02');
    await other.close();
  });

  it('switches to location-based Scope 2 and back, keeping the levers', async () => {
    const { page } = s;
    await page.getByTestId('scope2-location').click();
    await expect.poll(() => page.url()).toContain('s2=location');
    await fullResult(page, 10_000);
    expect(await page.getByTestId('lever-value-efficiency').textContent()).toBe('3.5%');
    expect(await kpiTexts(page)).not.toEqual(edited);
    await page.getByTestId('scope2-market').click();
    await expect.poll(() => page.url()).toBe(link);
    await fullResult(page, 10_000);
    expect(await kpiTexts(page)).toEqual(edited);
  });

  it('cancels a 100,000-run request and runs again on request', async () => {
    const { page } = s;
    await page.getByTestId('runs-100000').click();
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status')).toBe('running');
    await page.getByTestId('run-cancel').click();
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status')).toBe('cancelled');
    await page.getByTestId('runs-10000').click();
    await fullResult(page, 10_000);
    expect(await kpiTexts(page)).toEqual(edited);
  });

  it('reads in English, with the sim_runs table queryable from the Data view', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h2#pathways-heading').textContent()).toMatch(/Pathways|pathways/);
    await page.getByTestId('fan-bands-net').click();
    await shoot(page, 'pathways-en.png');
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    const box = page.getByRole('textbox', { name: 'SQL console' });
    await box.fill("SELECT 'rows=' || count(*) || ' runs=' || count(DISTINCT run) AS answer FROM sim_runs");
    await page.getByTestId('sql-run').click();
    await expect.poll(() => page.getByTestId('sql-status').textContent()).toMatch(/1 rows/);
    await page.getByText(`rows=${10_000 * 37} runs=10000`).waitFor();
    // Back on the page, the edited scenario is still there.
    await page.getByRole('link', { name: 'Pathways' }).click();
    await fullResult(page, 10_000);
    expect(await page.getByTestId('lever-value-efficiency').textContent()).toBe('3.5%');
  });

  it('made no request to another origin and logged no errors', () => {
    expect(s.foreignRequests()).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
