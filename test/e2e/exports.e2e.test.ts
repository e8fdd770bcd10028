/**
 * Exports on the built app in Chromium: a chart's PNG (twice the size, for slides) decodes and its SVG
 * parses, both framed with title, unit, source and page link; the accounting tables as CSV (BOM, headers in
 * the page's language, codes below) and XLSX (read back with the library); the printed report (A4 PDF) has
 * every section in the page's language and none of the page's instructions — checked in the PDF's text,
 * with the print layout's DOM for what the text cannot show (hidden controls, charts drawn, table rows).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { en as EN, zh as ZH } from '../../src/ui/i18n/messages';
import { pdfText } from '../tools/pdf-text';
import { ARTIFACTS, openApp, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openApp(inject('baseUrl'));
});
afterAll(() => s?.close());

async function ready(page: Page, testid: string): Promise<void> {
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId(testid).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000); // ECharts entry animation
}

async function download(page: Page, click: () => Promise<void>): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  return { d, bytes: readFileSync((await d.path())!) };
}

/** What the print layout's DOM shows: the report frame's text, and whether instructions and controls are visible. */
async function printed(page: Page) {
  await page.emulateMedia({ media: 'print' });
  const out = await page.evaluate(() => {
    const visible = (sel: string) =>
      [...document.querySelectorAll<HTMLElement>(sel)].some((e) => e.getClientRects().length > 0);
    const frame = document.querySelector<HTMLElement>('[data-testid="report-frame"]');
    return {
      frameVisible: !!frame && frame.getClientRects().length > 0,
      title: frame?.querySelector('.report-title')?.textContent ?? '',
      method: frame?.querySelector('[data-testid="report-method"]')?.textContent ?? '',
      factorRows: [...(frame?.querySelectorAll('[data-testid="report-factors"] tbody tr') ?? [])].map(
        (r) => r.textContent ?? '',
      ),
      charts: [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].filter(
        (e) => e.getClientRects().length > 0,
      ).length,
      tables: [...document.querySelectorAll<HTMLElement>('main table')].filter(
        (e) => e.getClientRects().length > 0,
      ).length,
      nav: visible('nav'),
      intro: visible('main header p'),
      controls: visible('main .no-print'),
    };
  });
  return out;
}

/** Number of pages and the first page's size (pt) of a PDF made by Chromium. */
function pdfPages(pdf: Buffer): { pages: number; width: number; height: number } {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return { pages, width: Number(box?.[1]), height: Number(box?.[2]) };
}

/** Text with all white space taken out: a PDF wraps lines where the page did. */
const squeeze = (t: string) => t.replace(/\s+/g, '');

/** Prints the page (A4) and returns the PDF's page count and size, and its text (all pages). */
async function printPdf(page: Page, path: string) {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path });
  return { ...pdfPages(pdf), text: pdfText(pdf).join('\n') };
}

/**
 * The printed report's sections, in one language, are in the PDF's text: title, report year, method in
 * words, the factors table with its headings, the page link; and none of the page's instructions or buttons.
 */
function expectReportSections(
  text: string,
  m: typeof EN,
  r: { title: string; year: number; intro: 'inv.intro' | 'self.intro'; scope2: 'location' | 'market' },
): void {
  const flat = squeeze(text);
  const has = (s: string) => flat.includes(squeeze(s));
  const wanted = {
    title: r.title,
    year: m['rep.meta.year'].replace('{year}', String(r.year)),
    method: m['rep.method'],
    elecMethod: `${m['calc.elecMethod']} ${m['calc.elecMethod.equivalent']}`,
    scope2Method: `${m['calc.scope2Method']} ${m[`calc.scope2Method.${r.scope2}`]}`,
    factors: m['rep.factorsYear'].replace('{year}', String(r.year)),
    factorHeads: ['calc.field.carrier', 'calc.factor.name', 'calc.factor.value', 'calc.factor.unit']
      .map((k) => m[k as keyof typeof EN])
      .join(' '),
    link: m['rep.link'].replace('{link}', ''),
  };
  expect(Object.entries(wanted).filter(([, s]) => !has(s))).toEqual([]);
  expect(text).not.toMatch(/\w+_method=/);
  // The page's instructions and buttons stay off the paper.
  expect(has(m[r.intro].slice(0, 30))).toBe(false);
  expect(has(m['rep.print'])).toBe(false);
}

describe('exports', () => {
  it('chart PNG (2×) decodes and chart SVG parses, both with title, unit, source and page link', async () => {
    const { page } = s;
    await page.goto(`${inject('baseUrl')}#/inventory?park=sample&year=2023&lang=en`);
    await ready(page, 'inv-kpi-total');
    const figure = page.locator('figure[data-chart]').first();
    const title = await figure.getAttribute('data-chart');
    const host = await figure.locator('[role="img"]').boundingBox();

    const png = await download(page, () => figure.getByTestId('chart-png').click());
    expect(png.d.suggestedFilename()).toMatch(/\.png$/);
    const decoded = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) dark++;
      return { width: bmp.width, height: bmp.height, inked: dark / (bmp.width * bmp.height) };
    }, png.bytes.toString('base64'));
    // Twice the on-screen width; taller than the chart by the header and footer.
    expect(decoded.width).toBe(2 * Math.round(host!.width));
    expect(decoded.height).toBeGreaterThan(2 * Math.round(host!.height));
    expect(decoded.inked).toBeGreaterThan(0.02);

    const svg = await download(page, () => figure.getByTestId('chart-svg').click());
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        title: doc.querySelector('svg > title')?.textContent,
        texts: [...doc.querySelectorAll('svg > text')].map((t) => t.textContent ?? ''),
        nested: doc.querySelectorAll('svg svg').length,
      };
    }, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.title).toBe(title);
    expect(parsed.nested).toBe(1);
    const words = parsed.texts.join('\n');
    expect(words).toContain('Unit: 10^4 tCO₂');
    expect(words.replace(/\n/g, ' ')).toMatch(/Data source: .+ \(version /);
    expect(words.replace(/\n/g, '')).toContain('#/inventory?park=sample&year=2023&lang=en');
  });

  it('park inventory: CSV with BOM and localized headers over codes; XLSX reads back; printed A4 report has every section', async () => {
    const { page } = s;
    await page.goto(`${inject('baseUrl')}#/inventory?park=sample&year=2024&lang=zh`);
    await ready(page, 'inv-kpi-total');

    const csv = await download(page, () => page.getByTestId('inv-csv-years').click());
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, codes, first] = text.slice(1).split('\r\n');
    expect(header).toMatch(/^年份,企业数,综合能耗 \(tce\),范围一 \(tCO₂\)/);
    expect(codes).toMatch(/^year,enterprises,energy_tce,scope1_tco2/);
    expect(first).toMatch(/^2015,\d+,\d+(\.\d)?,/);
    expect(first).toContain('电力折标方法：当量值');

    const xlsx = await download(page, () => page.getByTestId('inv-xlsx').click());
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.read(xlsx.bytes, { type: 'buffer' });
    expect(book.SheetNames).toEqual(['报告说明', '年度汇总', '企业排放']);
    const years = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['年度汇总'], { header: 1 });
    expect(years[1][0]).toBe('year');
    expect(years.length).toBe(2 + 10); // 2015–2024
    const enterprises = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['企业排放'], { header: 1 });
    expect(enterprises.length).toBeGreaterThan(100);
    expect(typeof enterprises[2][7]).toBe('number');
    const about = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['报告说明'], { header: 1 });
    // The park-wide Scope 2 method's default (market based) is what the report states.
    expect(about.flat().join(' ')).toContain('基于市场（绿电为零，其余按剩余电力因子）');

    const p = await printed(page);
    expect(p.frameVisible).toBe(true);
    expect(p.title).toContain('园区碳排放盘查报告');
    expect(p.factorRows.length).toBeGreaterThan(10);
    expect(p.charts).toBeGreaterThanOrEqual(6);
    expect(p.tables).toBeGreaterThanOrEqual(2);
    expect({ nav: p.nav, intro: p.intro, controls: p.controls }).toEqual({
      nav: false,
      intro: false,
      controls: false,
    });
    await page.screenshot({ path: `${ARTIFACTS}/report-inventory-zh.png`, fullPage: true });
    const pdf = await printPdf(page, `${ARTIFACTS}/report-inventory-zh.pdf`);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.width).toBeCloseTo(595.92, 0);
    expect(pdf.height).toBeCloseTo(842.88, 0);
    expectReportSections(pdf.text, ZH, { title: p.title, year: 2024, intro: 'inv.intro', scope2: 'market' });
    expect(pdf.text).toMatch(/报告日期：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(squeeze(pdf.text)).toContain('当量值（0.1229kgce/kWh）');
    // The grid factor's row: its name (wrapped in its cell), value, unit and source, in that order.
    expect(squeeze(pdf.text)).toMatch(/电网排放因子（[^）]*）[\d.]+tCO2\/MWh生态环境部/);
    expect(pdf.text).not.toContain(EN['rep.method']);
    await page.emulateMedia({ media: 'screen' });
  });

  it('self-check in English: printed report with method in words, date, factors and sources; XLSX opens', async () => {
    const { page } = s;
    await page.goto(`${inject('baseUrl')}#/self-check?park=sample&enterprise=E0005&year=2023&lang=en`);
    await ready(page, 'self-kpi-total');
    const xlsx = await download(page, () => page.getByTestId('download-xlsx').click());
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.read(xlsx.bytes, { type: 'buffer' });
    expect(book.SheetNames).toEqual(['About', 'By year', 'Inventory lines']);
    const lines = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Inventory lines'], { header: 1 });
    expect(lines[0].slice(0, 4)).toEqual(['Enterprise', 'Year', 'Carrier code', 'Carrier']);
    for (const row of lines.slice(2)) {
      for (const v of row.slice(6, 12)) expect(Number.isInteger(Math.round((v as number) * 1000))).toBe(true);
    }

    const p = await printed(page);
    expect(p.title).toBe('Enterprise carbon self-check report · E0005 Shengda Display Technology Co., Ltd.');
    expect(p.method).not.toMatch(/[=_]/);
    expect({ nav: p.nav, intro: p.intro, controls: p.controls }).toEqual({
      nav: false,
      intro: false,
      controls: false,
    });
    await page.screenshot({ path: `${ARTIFACTS}/report-self-check-en.png`, fullPage: true });
    const pdf = await printPdf(page, `${ARTIFACTS}/report-self-check-en.pdf`);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.width).toBeCloseTo(595.92, 0);
    expectReportSections(pdf.text, EN, {
      title: p.title,
      year: 2023,
      intro: 'self.intro',
      scope2: 'location',
    });
    expect(pdf.text).toMatch(/Report date: [A-Z][a-z]+ \d{1,2}, \d{4}/);
    // The factor's name may wrap in its table cell.
    expect(pdf.text).toMatch(/Purchased electricity\s+grid emission\s+factor/);
    await page.emulateMedia({ media: 'screen' });

    // The same report in Chinese.
    await page.getByRole('button', { name: '中文' }).click();
    const zh = await printed(page);
    expect(zh.title).toContain('企业碳排放自查报告');
    await page.screenshot({ path: `${ARTIFACTS}/report-self-check-zh.png`, fullPage: true });
    const zhPdf = await printPdf(page, `${ARTIFACTS}/report-self-check-zh.pdf`);
    expectReportSections(zhPdf.text, ZH, {
      title: zh.title,
      year: 2023,
      intro: 'self.intro',
      scope2: 'location',
    });
    expect(zhPdf.text).toMatch(/报告日期：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(zhPdf.text).not.toContain(EN['rep.method']);
    await page.emulateMedia({ media: 'screen' });
  });
});
