/**
 * One park-wide Scope 2 method: the Overview, the park inventory and the Pathways headline show the same
 * 2024 emissions on the same method and say which; switching it on the inventory page moves the Overview.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openApp(inject('baseUrl'), { locale: 'en-US' });
});
afterAll(() => s?.close());

const text = async (page: Page, testid: string) => (await page.getByTestId(testid).textContent()) ?? '';
const number = async (page: Page, testid: string) =>
  Number(/[\d,]+(\.\d+)?/.exec(await text(page, testid))![0].replace(/,/g, ''));

describe('the park-wide Scope 2 method', () => {
  it('agrees across pages, is shown beside each emissions figure, and one switch moves them all', async () => {
    const { page } = s;
    await page.goto(inject('baseUrl'));
    await page.evaluate(() => {
      localStorage.setItem('pcw.lang', 'en');
      localStorage.removeItem('pcw.scope2');
    });
    await page.goto(`${inject('baseUrl')}#/overview`);
    await page.reload();
    await page.getByTestId('kpi-emissions-note').waitFor({ timeout: 120_000 });
    expect(await text(page, 'kpi-emissions-note')).toBe('Scope 2: market-based');
    const overviewMarket = await number(page, 'kpi-emissions');

    await page.goto(`${inject('baseUrl')}#/inventory`);
    await page.getByTestId('inv-kpi-total-note').waitFor({ timeout: 120_000 });
    expect(await text(page, 'inv-kpi-total-note')).toBe('Scope 2: market-based');
    await expect.poll(() => number(page, 'inv-kpi-total'), { timeout: 30_000 }).toBe(overviewMarket);
    expect(await page.getByTestId('opt-scope2-method').inputValue()).toBe('market');
    await page.getByTestId('opt-scope2-method').selectOption('location');
    await expect.poll(() => text(page, 'inv-kpi-total-note')).toBe('Scope 2: location-based');
    await expect.poll(() => number(page, 'inv-kpi-total'), { timeout: 30_000 }).not.toBe(overviewMarket);
    const inventoryLocation = await number(page, 'inv-kpi-total');

    await page.goto(`${inject('baseUrl')}#/overview`);
    await expect
      .poll(() => text(page, 'kpi-emissions-note'), { timeout: 30_000 })
      .toBe('Scope 2: location-based');
    await expect.poll(() => number(page, 'kpi-emissions'), { timeout: 30_000 }).toBe(inventoryLocation);
    // market-based is higher here: green power is zero, the rest bought at the residual mix
    expect(overviewMarket).toBeGreaterThan(inventoryLocation);
    expect(await page.getByTestId('kpi-enterprises').textContent()).toBeTruthy();

    // Pathways starts from the park-wide method
    await page.goto(`${inject('baseUrl')}#/pathways`);
    await page.getByTestId('scope2-location').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('scope2-location').getAttribute('aria-pressed')).toBe('true');
    await page.evaluate(() => localStorage.removeItem('pcw.scope2'));
  }, 400_000);
});
