/**
 * The accounting pages on the built app in Chromium: the calculator on a hand-checkable case, the park
 * inventory's charts, and the enterprise self-check journey (pick → peers; paste with an error → fix →
 * result → CSV), in Chinese and English, with screenshots in test/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openApp, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openApp(inject('baseUrl'));
});
afterAll(() => s?.close());

/** The number in an element's text (grouping separators and units removed). */
async function numberIn(page: Page, testid: string): Promise<number> {
  const text = (await page.getByTestId(testid).textContent()) ?? '';
  const m = /-?[\d,]+(\.\d+)?/.exec(text.replace(/\s/g, ''));
  return m ? Number(m[0].replace(/,/g, '')) : NaN;
}

/** Share of non-transparent pixels of every chart canvas on the page. */
function inkedCharts(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('[data-chart] canvas')].map((c) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n / (c.width * c.height);
    }),
  );
}

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(800); // ECharts entry animation
}

describe('accounting pages on the built app', () => {
  it('calculator: 100 000 kWh + 1000 GJ in 2023 = 46.41 tce and 163.06 tCO2; a bad amount is named; nothing typed is lost', async () => {
    const { page } = s;
    await page.goto(`${inject('baseUrl')}#/calculator?park=sample`);
    await page.getByTestId('calc-rows').waitFor({ timeout: 30_000 });
    await page.getByTestId('row-1-carrier').selectOption('electricity');
    await page.getByTestId('row-1-unit').selectOption('kWh');
    await page.getByTestId('row-1-amount').fill('100000');
    await page.getByTestId('row-2-carrier').selectOption('heat');
    await page.getByTestId('row-2-unit').selectOption('GJ');
    await page.getByTestId('row-2-amount').fill('1000');
    // 100 000 kWh × 0.1229 kgce/kWh = 12.29 tce; 1000 GJ × 0.03412 = 34.12 tce → 46.41 tce.
    await expect.poll(() => numberIn(page, 'calc-total-tce')).toBeCloseTo(46.41, 6);
    // 100 MWh × 0.5306 (national grid 2023) = 53.06; 1000 GJ × 0.11 = 110 → 163.06 tCO2.
    expect(await numberIn(page, 'calc-total-tco2')).toBeCloseTo(163.06, 6);
    expect(await numberIn(page, 'row-1-tco2')).toBeCloseTo(53.06, 6);
    await expect.poll(() => page.getByTestId('calc-factors').textContent()).toContain('0.5306');

    await page.getByTestId('row-3-amount').fill('12,3x');
    await expect.poll(() => page.getByTestId('row-3-issues').textContent()).toContain('“12,3x”不是数字');
    expect(await numberIn(page, 'calc-total-tce')).toBeCloseTo(46.41, 6);
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}/calculator-zh.png`, fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.locator('#calc-heading').textContent())
      .toBe('Energy and emissions calculator');
    expect(await page.getByTestId('row-1-amount').inputValue()).toBe('100000');
    await expect
      .poll(() => page.getByTestId('row-3-issues').textContent())
      .toContain('"12,3x" is not a number');
    await page.screenshot({ path: `${ARTIFACTS}/calculator-en.png`, fullPage: true });

    // Away and back: the rows are still there.
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByTestId('kpi-enterprises').waitFor();
    await page.getByRole('link', { name: 'Energy calculator' }).click();
    expect(await page.getByTestId('row-2-amount').inputValue()).toBe('1000');
    expect(await numberIn(page, 'calc-total-tco2')).toBeCloseTo(163.06, 6);
  });

  it('park inventory: every chart is drawn, figures follow the method, the table sorts', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Park inventory' }).click();
    await page.getByTestId('inv-kpi-total').waitFor({ timeout: 30_000 });
    const charts = page.locator('[data-chart] canvas');
    await expect.poll(() => charts.count(), { timeout: 30_000 }).toBe(6);
    await settle(page);
    for (const share of await inkedCharts(page)) expect(share).toBeGreaterThan(0.01);
    const total = await numberIn(page, 'inv-kpi-total');
    expect(total).toBeGreaterThan(300); // 10^4 tCO2 in 2024, ≈ 438
    expect(await page.getByTestId('inv-rule').textContent()).toContain('CHP');
    const energy = await numberIn(page, 'inv-kpi-energy');
    await page.getByTestId('opt-elec-method').selectOption('equal');
    await expect
      .poll(() => numberIn(page, 'inv-kpi-energy'), { timeout: 20_000 })
      .toBeGreaterThan(energy * 1.2);
    await page.getByTestId('opt-elec-method').selectOption('equivalent');
    await expect.poll(() => numberIn(page, 'inv-kpi-energy'), { timeout: 20_000 }).toBeCloseTo(energy, 6);

    const rows = page.getByTestId('emitters-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(20);
    await page.getByTestId('sort-intensity').click();
    await expect
      .poll(() => page.getByTestId('emitters-table').locator('th[aria-sort="descending"]').textContent())
      .toContain('10^4 CNY');
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}/inventory-en.png`, fullPage: true });

    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('#inv-heading').textContent()).toBe('园区温室气体排放清单');
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}/inventory-zh.png`, fullPage: true });
  });

  it('self-check: pick an enterprise → inventory and peers; paste own data with a bad line → message; fix → result; CSV', async () => {
    const { page } = s;
    await page.getByRole('link', { name: '企业碳自查' }).click();
    await expect.poll(() => page.getByTestId('self-privacy').textContent()).toContain('不会上传');
    await page.getByTestId('mode-park').click();
    await page.getByTestId('pick-filter').fill('E0029');
    await page.getByTestId('pick-enterprise').selectOption('E0029');
    await page.getByTestId('self-results').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => numberIn(page, 'self-kpi-percentile'), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(0);
    expect(await numberIn(page, 'self-kpi-total')).toBeGreaterThan(1000);
    await expect.poll(() => page.locator('[data-chart] canvas').count(), { timeout: 20_000 }).toBe(4);
    await settle(page);
    for (const share of await inkedCharts(page)) expect(share).toBeGreaterThan(0.01);
    expect(await page.getByTestId('self-peer-text').textContent()).toMatch(/排第 \d+ 位/);
    await page.screenshot({ path: `${ARTIFACTS}/self-check-park-zh.png`, fullPage: true });

    // Own data: nothing below may touch the network.
    const before = s.requests.length;
    await page.getByTestId('mode-own').click();
    await page.getByTestId('own-sector').selectOption('electronics');
    await page.getByTestId('own-name').fill('我的工厂');
    const bad = [
      'enterprise_id,year,carrier,amount,unit',
      'ME,2023,electricity,1100,万千瓦时',
      'ME,2023,天然气,30,万立方米',
      'ME,2023,蒸汽,100,吨',
      'ME,2024,electricity,1200,万千瓦时',
      'ME,2024,natural_gas,28,kWh',
    ].join('\n');
    await page.getByTestId('paste-box').fill(bad);
    await page.getByTestId('paste-import').click();
    const issues = page.getByTestId('paste-issues');
    await expect.poll(() => issues.textContent()).toContain('第 6 行第 5 列');
    // The steam line is loaded, and the page says which enthalpy converted its tonnes.
    expect(await page.getByTestId('paste-notes').textContent()).toMatch(
      /第 4 行起：以吨计的蒸汽按饱和蒸汽（1\.0 MPa）折算为热力，每吨 2\.693 GJ/,
    );
    expect(await issues.textContent()).toContain('单位：“千瓦时”不适用于天然气');
    // The good lines are loaded; the bad one stays in the box, under the header line, to be fixed.
    await page.getByTestId('self-results').waitFor();
    await expect
      .poll(() => page.getByTestId('paste-box').inputValue())
      .toBe('enterprise_id,year,carrier,amount,unit\nME,2024,natural_gas,28,kWh');
    await page.screenshot({ path: `${ARTIFACTS}/self-check-paste-error-zh.png`, fullPage: true });

    const rest = await page.getByTestId('paste-box').inputValue();
    await page.getByTestId('paste-box').fill(rest.replace('natural_gas,28,kWh', 'natural_gas,28,万立方米'));
    await page.getByTestId('paste-import').click();
    await page.getByTestId('self-results').waitFor();
    await expect.poll(() => page.getByTestId('paste-box').inputValue()).toBe('');
    await page.getByTestId('own-output-2023').fill('50000');
    await page.getByTestId('own-output-2024').fill('56000');
    // 2024: 12 000 MWh × 0.5306 (2023 factor, latest published) = 6367.2 tCO2 + 28 × 10^4 m3 of gas.
    const gas = ((((389.31 * 15.3) / 1000) * 0.99 * 44) / 12) * 28;
    await expect.poll(() => numberIn(page, 'self-kpi-total')).toBeCloseTo(6367.2 + gas, 0);
    await expect
      .poll(() => numberIn(page, 'self-kpi-percentile'), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(0);
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}/self-check-own-zh.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(path, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    // Headers and units in the page's language, the codes in a second header row.
    expect(lines[0].startsWith('企业,年份,能源品种代码,能源品种,数量,单位,综合能耗 (tce)')).toBe(true);
    expect(lines[1]).toBe(
      'enterprise,year,carrier,carrier_name,amount,unit,energy_tce,scope1_tco2,scope2_tco2,deduction_tco2,total_tco2,biogenic_tco2,factors,sources',
    );
    // Two header rows and the five activity rows (2023: electricity, gas, steam; 2024: electricity, gas).
    expect(lines).toHaveLength(7);
    expect(lines.find((l) => l.startsWith('我的工厂,2023,heat'))).toMatch(/,269\.3\d*,GJ,/);
    // Values rounded to a sensible precision (no float noise such as 90.92449710000001).
    for (const l of lines.slice(2)) {
      for (const v of l.split(',').slice(6, 12)) expect(v).toMatch(/^-?\d+(\.\d{1,3})?$/);
    }
    expect(lines.find((l) => l.startsWith('我的工厂,2024,electricity'))).toContain('0.5306');
    expect(download.suggestedFilename()).toBe('我的工厂-inventory.csv');
    expect(s.requests.slice(before).filter((u) => !u.startsWith('blob:'))).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${ARTIFACTS}/self-check-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // English: the typed data is still there.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('#self-heading').textContent()).toBe('Enterprise carbon self-check');
    expect(await page.getByTestId('row-5-amount').inputValue()).toBe('28');
    expect(await page.getByTestId('self-peer-text').textContent()).toMatch(/Rank \d+ of \d+/);
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}/self-check-own-en.png`, fullPage: true });
  });

  it('made no request to another origin and logged no errors', () => {
    expect(s.foreignRequests()).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
