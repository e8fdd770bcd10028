import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, openApp, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openApp(inject('baseUrl'), { locale: 'en-US' });
});
afterAll(() => s?.close());

describe('offline once loaded (workshops without a network)', () => {
  it('installs a service worker that precaches the app, then runs with the network off', async () => {
    const { page, context } = s;
    await page.goto(inject('baseUrl'));
    await page.getByTestId('kpi-enterprises').waitFor({ timeout: 30_000 });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(inject('baseUrl'));
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId('kpi-enterprises').waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      // The Data view still answers SQL: DuckDB's wasm came from the cache.
      await page.getByRole('link', { name: 'Data', exact: true }).click();
      await page.getByTestId('sql-run').click();
      await expect.poll(() => page.getByTestId('sql-status').textContent()).toMatch(/rows/);
      await page.screenshot({ path: `${ARTIFACTS}/offline-data.png` });
    } finally {
      await context.setOffline(false);
    }
  });
});
