/**
 * Pathways exports, report, kept results and share-link notices on the built app in Chromium: the
 * per-run CSV and Parquet have the CLI's columns (the Parquet reads back in DuckDB), the summary CSV and
 * JSON download; a result is shown at once on coming back to the page; the printed report (A4) has every
 * section in the page's language — checked in the print layout's DOM, with page.pdf() for the page
 * format (Chromium's PDF text is glyph-encoded; reading it would need a PDF parser as a dependency);
 * damaged and hostile links say what they dropped.
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { DEFAULT_DRIVERS } from '../../src/core/scenario/index';
import { createNodeDb } from '../../src/data/duckdb-node';
import { ARTIFACTS, openApp, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openApp(inject('baseUrl'), { locale: 'en-US', viewport: { width: 1440, height: 1000 } });
});
afterAll(() => s?.close());
// A failed print test must not leave the next test in the print layout.
beforeEach(() => s.page.emulateMedia({ media: 'screen' }));

const RUNS = 1000;
/** Each test opens the app afresh (DuckDB-Wasm start, park load, a run): minutes on a busy 2-core machine. */
const LOADED_MACHINE_MS = 240_000;
const YEARS = 2060 - 2024 + 1;

async function download(page: Page, testid: string): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId(testid).click(),
  ]);
  return { d, bytes: readFileSync((await d.path())!) };
}

async function exportsReady(page: Page): Promise<void> {
  await page.locator('[data-testid=path-results][data-phase=full]').waitFor({ timeout: 90_000 });
  await expect.poll(() => page.getByTestId('export-runs-csv').isEnabled(), { timeout: 60_000 }).toBe(true);
}

/** The share link of the page as it stands (the address bar follows it). */
const shareLink = (page: Page) => page.evaluate(() => location.href);

/** What the print layout shows of the report's sections. */
async function printed(page: Page) {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(() => {
    const shown = (el: Element | null) => !!el && (el as HTMLElement).getClientRects().length > 0;
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    return {
      head: shown(document.querySelector('[data-testid="path-report-head"]')),
      details: shown(document.querySelector('[data-testid="path-report-details"]')),
      title: document.querySelector('[data-testid="path-report-head"] .report-title')?.textContent ?? '',
      headline: text('report-headline'),
      levers: document.querySelectorAll('[data-testid="report-levers"] tbody tr').length,
      assumptions: text('report-assumptions'),
      inputs: text('report-inputs'),
      datasets: text('report-datasets'),
      reproduce: text('report-reproduce'),
      link: text('report-link'),
      charts: [...document.querySelectorAll('figure[data-chart]')].filter(shown).length,
      levelsPanel: shown(document.querySelector('aside.controls')),
      exports: shown(document.querySelector('[data-testid="path-exports"]')),
      nav: shown(document.querySelector('nav')),
    };
  });
}

function pdfPages(pdf: Buffer): { pages: number; width: number; height: number } {
  const text = pdf.toString('latin1');
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
  return {
    pages: (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length,
    width: Number(box?.[1]),
    height: Number(box?.[2]),
  };
}

describe('Pathways exports and report', { timeout: LOADED_MACHINE_MS }, () => {
  it('downloads per-run results (CSV, Parquet) with the CLI’s columns and the summary (CSV, JSON)', async () => {
    const { page } = s;
    // Fewer runs than the default keep the files small.
    await page.goto(`${inject('baseUrl')}#/pathways?park=sample&lang=en&runs=${RUNS}`);
    await exportsReady(page);
    expect(await page.getByTestId('share-notices').count()).toBe(0);
    await page.getByTestId('path-exports').scrollIntoViewIfNeeded();
    await page.getByTestId('path-exports').screenshot({ path: `${ARTIFACTS}/pathways-exports-en.png` });
    const runs = Number(await page.locator('[data-testid=path-results]').getAttribute('data-runs'));
    expect(runs).toBe(RUNS);

    const csv = await download(page, 'export-runs-csv');
    expect(csv.d.suggestedFilename()).toMatch(/^pathways-sample-policy-seed2060-\d+runs\.csv$/);
    const lines = csv.bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('run,year,gross_tco2,net_tco2,energy_tce,output_10k_cny');
    expect(lines.length - 2).toBe(runs * YEARS);
    expect(lines[1]).toMatch(/^0,2024,[\d.]+,[-\d.]+,[\d.]+,[\d.]+$/);

    const pq = await download(page, 'export-runs-parquet');
    expect(pq.bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
    const ipc = readParquet(new Uint8Array(pq.bytes)).intoIPCStream();
    const t = tableFromIPC(ipc);
    expect(t.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'run:Int32',
      'year:Int32',
      'gross_tco2:Float32',
      'net_tco2:Float32',
      'energy_tce:Float32',
      'output_10k_cny:Float32',
    ]);
    // The Parquet reads back in DuckDB, with the CSV's numbers.
    const db = await createNodeDb();
    try {
      await db.insertArrowIPC('runs', ipc);
      const q = await db.query('SELECT count(*)::INTEGER AS n, count(DISTINCT run)::INTEGER AS r FROM runs');
      expect(q.get(0)?.toJSON()).toEqual({ n: runs * YEARS, r: runs });
      const first = await db.query('SELECT gross_tco2 FROM runs WHERE run = 0 AND year = 2024');
      expect(Math.fround(Number(first.get(0)?.gross_tco2))).toBe(Math.fround(Number(lines[1].split(',')[2])));
    } finally {
      await db.close();
    }

    const sumCsv = await download(page, 'export-summary-csv');
    const sumLines = sumCsv.bytes.toString('utf8').split('\r\n');
    expect(sumLines[0]).toBe('quantity,year,statistic,value,unit');
    expect(sumLines.some((l) => /^peak_year\.p_by_2030,,se,[\d.e-]+,share$/.test(l))).toBe(true);

    const json = await download(page, 'download-summary');
    const summary = JSON.parse(json.bytes.toString('utf8'));
    expect(summary).toMatchObject({ runs, seed: 2060, dataset: 'sample', scenario: 'policy' });
    expect(json.bytes.toString('utf8').endsWith('}\n')).toBe(true);
  });

  it('shows the last result at once on coming back from another page', async () => {
    const { page } = s;
    await exportsReady(page);
    const before = await page.getByTestId('path-kpi-peak2030').textContent();
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await page.getByTestId('sql-run').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Pathways', exact: true }).click();
    await page.getByTestId('path-cached').waitFor({ timeout: 10_000 });
    // Kept, not run: the status is done from the start and the per-run table is still the kept run's.
    expect(await page.getByTestId('run-status').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('path-kpi-peak2030').textContent()).toBe(before);
    expect(await page.getByTestId('export-runs-csv').isEnabled()).toBe(true);
  });

  it('prints an A4 report with every section, in English and in Chinese', async () => {
    const { page } = s;
    await exportsReady(page);
    const link = await shareLink(page);
    await page.waitForTimeout(800); // charts finish their entry animation
    const en = await printed(page);
    expect(en.head && en.details).toBe(true);
    expect(en.title).toMatch(/^Peak and neutrality pathways report: \S/);
    expect(en.headline).toContain('Probability of peaking by 2030');
    expect(en.headline).toContain('Probability of net emissions ≤ 0 by 2060');
    expect(en.headline).toMatch(/\d+(\.\d+)?\s?%/);
    expect(en.headline).toMatch(/± [\d.]+ pts/);
    expect(en.levers).toBeGreaterThanOrEqual(15);
    expect(en.assumptions).toContain('drivers.grid_factor.y2030');
    const g = DEFAULT_DRIVERS.grid_factor.value.y2030;
    expect(en.assumptions).toContain(`triangular, min ${g.min}, mode ${g.mode}, max ${g.max}`);
    expect(en.assumptions).toContain(DEFAULT_DRIVERS.grid_factor.source.slice(0, 60));
    expect(en.assumptions).toContain('levers.green_power.share');
    expect(en.inputs).toMatch(/^\d+ inputs: /);
    expect(en.datasets).toMatch(/\(sample\)\s*\d/);
    expect(en.reproduce).toContain('2060');
    expect(en.link).toBe(link);
    expect(en.reproduce).toContain('npm run cli -- simulate --scenario policy --park sample');
    expect(en.charts).toBeGreaterThanOrEqual(4);
    expect({ levers: en.levelsPanel, exports: en.exports, nav: en.nav }).toEqual({
      levers: false,
      exports: false,
      nav: false,
    });
    await page.screenshot({ path: `${ARTIFACTS}/pathways-report-en.png`, fullPage: true });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      path: `${ARTIFACTS}/pathways-report-en.pdf`,
    });
    const p = pdfPages(pdf);
    expect(p.pages).toBeGreaterThanOrEqual(2);
    expect(p.width).toBeCloseTo(595.92, 0);
    expect(p.height).toBeCloseTo(842.88, 0);

    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '中文' }).click();
    const zh = await printed(page);
    expect(zh.title).toMatch(/^达峰与中和路径报告：/);
    expect(zh.headline).toContain('2030 年前达峰的概率');
    expect(zh.headline).toContain('个百分点');
    expect(zh.assumptions).toContain(`三角分布 最小 ${g.min}，众数 ${g.mode}，最大 ${g.max}`);
    expect(zh.inputs).toMatch(/^\d+ 个输入: /);
    expect(zh.reproduce).toContain('随机种子');
    await page.screenshot({ path: `${ARTIFACTS}/pathways-report-zh.png`, fullPage: true });
    await page.pdf({ format: 'A4', printBackground: true, path: `${ARTIFACTS}/pathways-report-zh.pdf` });
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('path-exports').scrollIntoViewIfNeeded();
    await page.getByTestId('path-exports').screenshot({ path: `${ARTIFACTS}/pathways-exports-zh.png` });
    await page.getByRole('button', { name: 'English' }).click();
  });
});

describe('share links that had to be adjusted say so', { timeout: LOADED_MACHINE_MS }, () => {
  it('names what a truncated link lost and offers its original text', async () => {
    const { page } = s;
    await exportsReady(page);
    const full = await shareLink(page);
    const cut = full.slice(0, full.indexOf('&ccus='));
    await page.goto('about:blank');
    await page.goto(cut);
    const box = page.getByTestId('share-notices');
    await box.waitFor({ timeout: 60_000 });
    expect(await box.getAttribute('data-refused')).toBe('false');
    expect(await box.textContent()).toMatch(/lacks these fields .*: ccus, /);
    expect(await page.getByTestId('share-original').inputValue()).toBe(cut.slice(cut.indexOf('#')));
    await box.screenshot({ path: `${ARTIFACTS}/pathways-link-notice-en.png` });
  });

  it('names a value outside its slider’s range and an unknown key', async () => {
    const { page } = s;
    await page.goto(`${inject('baseUrl')}#/pathways?park=sample&lang=en&runs=${RUNS}`);
    await exportsReady(page); // the address bar holds the whole link
    const full = await shareLink(page);
    expect(full).toContain('&ccus=');
    const bad = full.replace(/([?&])eff=[^&]*/, '$1eff=5') + '&bogus=1';
    await page.goto('about:blank');
    await page.goto(bad);
    const box = page.getByTestId('share-notices');
    await box.waitFor({ timeout: 60_000 });
    // The range is the park's: that notice comes once the park's sliders are known.
    await expect
      .poll(() => box.textContent(), { timeout: 60_000 })
      .toMatch(/\(eff\) = 5 is outside 0–[\d.]+; the preset's value is used\./);
    expect(await box.locator('li').allTextContents()).toEqual([
      'Unknown parameter "bogus" was ignored.',
      expect.stringMatching(/^"Extra efficiency gain per year" \(eff\) = 5 is outside/),
    ]);
  });

  it.each([
    ['prototype key', '&__proto__=1', /forbidden parameter name "__proto__"/],
    ['oversized', `&x=${'9'.repeat(100 * 1024)}`, /characters, more than the 8192 allowed/],
    ['malformed escape', '&eff=%E0%A4%A', /invalid percent escape/],
  ])('refuses a hostile link (%s): a message, and the default scenario runs', async (_, tail, message) => {
    const { page } = s;
    await page.goto('about:blank');
    await page.goto(`${inject('baseUrl')}#/pathways?park=sample&lang=en&preset=bau&ccus=0.9${tail}`);
    const box = page.getByTestId('share-notices');
    await box.waitFor({ timeout: 60_000 });
    expect(await box.getAttribute('data-refused')).toBe('true');
    expect(await box.textContent()).toMatch(message);
    await page.locator('[data-testid=path-results][data-phase=full]').waitFor({ timeout: 90_000 });
    // The default state: the default preset, and the address bar holds its link, not the hostile one.
    const href = await page.evaluate(() => location.hash);
    expect(href).toContain('preset=policy');
    expect(href.length).toBeLessThan(2000);
    expect(href).not.toContain('__proto__');
    expect(s.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});

describe('ready for offline use', { timeout: LOADED_MACHINE_MS }, () => {
  it('says so once the service worker holds the whole build, and keeps working offline', async () => {
    const { page, context } = s;
    await page.goto(`${inject('baseUrl')}#/overview?lang=en`);
    const badge = page.getByTestId('offline-status');
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    expect(await badge.textContent()).toBe('Ready offline');
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId('kpi-enterprises').waitFor({ timeout: 60_000 });
      await expect.poll(() => badge.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
      expect(await page.getByTestId('offline-connection').textContent()).toBe('Offline');
      await page
        .locator('header')
        .first()
        .screenshot({ path: `${ARTIFACTS}/offline-indicator-en.png` });
      await page.getByRole('button', { name: '中文' }).click();
      expect(await badge.textContent()).toBe('可离线使用');
      await page
        .locator('header')
        .first()
        .screenshot({ path: `${ARTIFACTS}/offline-indicator-zh.png` });
      await page.getByRole('button', { name: 'English' }).click();
    } finally {
      await context.setOffline(false);
    }
  });
});
