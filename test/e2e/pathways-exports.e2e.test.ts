/**
 * Pathways exports, report, kept results and share-link notices on the built app in Chromium: the
 * per-run CSV and Parquet have the CLI's columns (the Parquet reads back in DuckDB), the summary CSV and
 * JSON download; a result is shown at once on coming back to the page; the printed report (A4) has every
 * section in the page's language — checked in the text of the PDF page.pdf() prints, with the print
 * layout's DOM for what the text cannot show (hidden controls, table rows, charts drawn);
 * damaged and hostile links say what they dropped.
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { DEFAULT_DRIVERS } from '../../src/core/scenario/index';
import { createNodeDb } from '../../src/data/duckdb-node';
import { en as EN, zh as ZH } from '../../src/ui/i18n/messages';
import { pdfText } from '../tools/pdf-text';
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

/**
 * The whole share link, once the page has written it into the address bar (it does so when it has read
 * the park's sliders: a moment after a link that names only the park and the run count was opened).
 */
async function wholeLink(page: Page): Promise<string> {
  await expect.poll(() => shareLink(page), { timeout: 60_000 }).toContain('&ccus=');
  return shareLink(page);
}

/** What the print layout's DOM tells beyond the PDF's text: what is shown or hidden, table rows, charts. */
async function printed(page: Page) {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(() => {
    const shown = (el: Element | null) => !!el && (el as HTMLElement).getClientRects().length > 0;
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    return {
      head: shown(document.querySelector('[data-testid="path-report-head"]')),
      details: shown(document.querySelector('[data-testid="path-report-details"]')),
      title: document.querySelector('[data-testid="path-report-head"] .report-title')?.textContent ?? '',
      levers: document.querySelectorAll('[data-testid="report-levers"] tbody tr').length,
      link: text('report-link'),
      charts: [...document.querySelectorAll('figure[data-chart]')].filter(shown).length,
      levelsPanel: shown(document.querySelector('aside.controls')),
      exports: shown(document.querySelector('[data-testid="path-exports"]')),
      nav: shown(document.querySelector('nav')),
    };
  });
}

/** Text with all white space taken out: a PDF wraps lines where the page did, and adds no hyphens. */
const squeeze = (t: string) => t.replace(/\s+/g, '');

/** The report's section headings and labels, as the page shows them in each language. */
const SECTION_KEYS = [
  'pex.report.headline',
  'pex.report.peak2030',
  'pex.report.neutral2060',
  'pex.report.se',
  'path.fan.title',
  'path.hist.title',
  'pex.report.levers',
  'pex.report.assumptions',
  'pex.report.datasets',
  'pex.report.reproduce',
  'pex.report.seed',
  'pex.report.runs',
  'pex.report.link',
  'pex.report.cli',
] as const;

/** Prints the page (A4) and returns the PDF with its text, every page's text one after the other. */
async function printPdf(page: Page, path: string): Promise<{ pdf: Buffer; text: string }> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path });
  return { pdf, text: pdfText(pdf).join('\n') };
}

/** Every section heading of the report, in one language, is in the PDF's text; none of the page's controls. */
function expectSections(text: string, messages: typeof EN): void {
  const flat = squeeze(text);
  const missing = SECTION_KEYS.filter((k) => !flat.includes(squeeze(messages[k])));
  expect(missing).toEqual([]);
  expect(text).not.toContain(messages['pex.exports']);
  expect(text).not.toContain(messages['pex.print']);
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
    // The address bar follows the share link once the page has settled, which can be after the result.
    const link = await wholeLink(page);
    await page.waitForTimeout(800); // charts finish their entry animation
    const en = await printed(page);
    expect(en.head && en.details).toBe(true);
    expect(en.title).toMatch(/^Peak and neutrality pathways report: \S/);
    expect(en.levers).toBeGreaterThanOrEqual(15);
    expect(en.link).toBe(link);
    const g = DEFAULT_DRIVERS.grid_factor.value.y2030;
    expect(en.charts).toBeGreaterThanOrEqual(4);
    expect({ levers: en.levelsPanel, exports: en.exports, nav: en.nav }).toEqual({
      levers: false,
      exports: false,
      nav: false,
    });
    await page.screenshot({ path: `${ARTIFACTS}/pathways-report-en.png`, fullPage: true });
    const { pdf, text } = await printPdf(page, `${ARTIFACTS}/pathways-report-en.pdf`);
    const p = pdfPages(pdf);
    expect(p.pages).toBeGreaterThanOrEqual(2);
    expect(p.width).toBeCloseTo(595.92, 0);
    expect(p.height).toBeCloseTo(842.88, 0);
    // What the printed pages say.
    expectSections(text, EN);
    expect(squeeze(text)).toContain(squeeze(en.title));
    expect(text).toMatch(/Probability of peaking by 2030 \d+(\.\d+)?\s?% ± [\d.]+ pts/);
    expect(text).toContain('drivers.grid_factor.y2030');
    expect(squeeze(text)).toContain(squeeze(`triangular, min ${g.min}, mode ${g.mode}, max ${g.max}`));
    expect(squeeze(text)).toContain(squeeze(DEFAULT_DRIVERS.grid_factor.source.slice(0, 60)));
    expect(text).toContain('levers.green_power.share');
    expect(text).toMatch(/\d+ inputs: /);
    expect(text).toMatch(/\(sample\)\s*\d/);
    expect(text).toMatch(/Seed 2060\s/);
    expect(squeeze(text)).toContain(squeeze(link));
    expect(squeeze(text)).toContain(squeeze('npm run cli -- simulate --scenario policy --park sample'));

    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '中文' }).click();
    const zh = await printed(page);
    expect(zh.title).toMatch(/^达峰与中和路径报告：/);
    await page.screenshot({ path: `${ARTIFACTS}/pathways-report-zh.png`, fullPage: true });
    const zhPdf = await printPdf(page, `${ARTIFACTS}/pathways-report-zh.pdf`);
    expectSections(zhPdf.text, ZH);
    expect(zhPdf.text).not.toContain(EN['pex.report.headline']);
    expect(squeeze(zhPdf.text)).toContain(squeeze(zh.title));
    expect(zhPdf.text).toMatch(/2030 年前达峰的概率 \d+(\.\d+)?\s?% ± [\d.]+ 个百分点/);
    expect(squeeze(zhPdf.text)).toContain(squeeze(`三角分布 最小 ${g.min}，众数 ${g.mode}，最大 ${g.max}`));
    expect(zhPdf.text).toMatch(/\d+ 个输入: /);
    expect(zhPdf.text).toMatch(/随机种子 2060\s/);
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
    const full = await wholeLink(page);
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
    // A fresh load: going from the last test's link to this one changes only the hash, and the page
    // would still show the last result (ready exports) before it rewrites the address.
    await page.goto('about:blank');
    await page.goto(`${inject('baseUrl')}#/pathways?park=sample&lang=en&runs=${RUNS}`);
    await exportsReady(page);
    const full = await wholeLink(page);
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
    // The default scenario runs (its first result, the preview, is enough to show that).
    await page.locator('[data-testid=path-results]').waitFor({ timeout: 90_000 });
    // The default state: the default preset, and the address bar holds its link, not the hostile one.
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 60_000 })
      .toContain('preset=policy');
    const href = await page.evaluate(() => location.hash);
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
