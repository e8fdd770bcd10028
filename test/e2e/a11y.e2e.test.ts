/**
 * Accessibility on the built app in Chromium: axe-core on every page of the navigation in both languages
 * (and on the states with error messages and in embed mode) with no serious or critical violation; the
 * skip link, keyboard focus and the charts' text alternatives in the page's language.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './browser';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let s: Session;
beforeAll(async () => {
  s = await openApp(inject('baseUrl'));
});
afterAll(() => s?.close());

/**
 * Waits until the page has its content (not the loading panel) and charts have drawn: until nothing in
 * the document has changed for a moment, and at most 1.5 s after the content came (a page that keeps
 * changing, such as Pathways while it runs, is scanned then, as it is).
 */
async function ready(page: Page): Promise<void> {
  await page.locator('main h2').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('main .loading'), null, { timeout: 60_000 });
  await page.evaluate(
    ({ quietMs, mostMs }) =>
      new Promise<void>((resolve) => {
        const done = () => {
          observer.disconnect();
          clearTimeout(quiet);
          clearTimeout(most);
          resolve();
        };
        let quiet = setTimeout(done, quietMs);
        const most = setTimeout(done, mostMs);
        const observer = new MutationObserver(() => {
          clearTimeout(quiet);
          quiet = setTimeout(done, quietMs);
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      }),
    { quietMs: 400, mostMs: 1500 },
  );
}

/** Serious and critical axe violations of the page as it is now. */
async function serious(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, so the app's CSP (no inline script) does not block it; once
  // per document (going to another page of the app changes only the address's hash).
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
  const all = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe;
    const res = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('accessibility', () => {
  /** The page paths of the navigation. */
  async function navPaths(page: Page): Promise<string[]> {
    await page.goto(`${inject('baseUrl')}#/overview?park=sample`);
    await ready(page);
    return page
      .locator('nav a')
      .evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').replace(/^#\//, '').split('?')[0]));
  }

  for (const lang of ['zh', 'en']) {
    it(`every page in ${lang}: no serious or critical axe violation`, { timeout: 300_000 }, async () => {
      const { page } = s;
      const paths = await navPaths(page);
      expect(paths.length).toBeGreaterThanOrEqual(6);
      const found: Record<string, Violation[]> = {};
      for (const path of paths) {
        const extra = path === 'self-check' ? '&enterprise=E0005' : '';
        await page.goto(`${inject('baseUrl')}#/${path}?park=sample&lang=${lang}${extra}`);
        await ready(page);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(
          lang === 'zh' ? 'zh-CN' : 'en-US',
        );
        const v = await serious(page);
        if (v.length) found[path] = v;
      }
      expect(found).toEqual({});
    });
  }

  it(
    'states with messages: invalid inputs are linked to their message; embed mode; no serious violation',
    { timeout: 120_000 },
    async () => {
      const { page } = s;
      await page.goto(`${inject('baseUrl')}#/calculator?park=sample&lang=en`);
      await page.getByTestId('calc-rows').waitFor({ timeout: 30_000 });
      await page.getByTestId('row-1-amount').fill('12,3x');
      const amount = page.getByTestId('row-1-amount');
      await expect.poll(() => amount.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
      const describedBy = await amount.getAttribute('aria-describedby');
      expect(describedBy).toBeTruthy();
      const message = await page.locator(`[id="${describedBy}"]`).textContent();
      expect(message).toContain('"12,3x" is not a number');
      expect(await serious(page)).toEqual([]);

      await page.goto(`${inject('baseUrl')}#/self-check?park=sample&lang=zh`);
      await ready(page);
      await page.getByTestId('mode-own').click();
      await page.getByTestId('paste-box').fill('2024,electricity,abc,kWh');
      await page.getByTestId('paste-import').click();
      await page.getByTestId('paste-issues').waitFor();
      expect(await page.getByTestId('paste-box').getAttribute('aria-describedby')).toBe('paste-issues');
      expect(await serious(page)).toEqual([]);
      await page.getByTestId('mode-park').click();

      await page.goto(`${inject('baseUrl')}#/inventory?park=sample&lang=en&embed=1`);
      await ready(page);
      expect(await page.locator('nav').count()).toBe(0);
      expect(await serious(page)).toEqual([]);
    },
  );

  it('keyboard: the skip link comes first and moves focus to the content; focus is visible; the data grid scrolls by keyboard', async () => {
    const { page } = s;
    await page.goto(`${inject('baseUrl')}#/data?park=sample&lang=en`);
    await page.reload();
    await ready(page);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      outline: getComputedStyle(document.activeElement!).outlineStyle,
      top: document.activeElement!.getBoundingClientRect().top,
    }));
    expect(first.text).toBe('Skip to main content');
    expect(first.outline).not.toBe('none');
    expect(first.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(page.url()).toContain('#/data');

    const grid = page.locator('.grid-wrap').first();
    await grid.waitFor();
    await grid.focus();
    expect(await grid.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('PageDown');
    await expect.poll(() => grid.evaluate((el) => el.scrollTop), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it("charts' text alternatives follow the page's language: summary and data table", async () => {
    const { page } = s;
    await page.goto(`${inject('baseUrl')}#/inventory?park=sample&lang=en`);
    await ready(page);
    const host = page.locator('figure[data-chart] [role="img"]').first();
    await expect
      .poll(() => host.getAttribute('aria-label'), { timeout: 15_000 })
      .toMatch(/^[^\u4e00-\u9fff]*Highest: /);
    const figure = page.locator('figure[data-chart]').first();
    await figure.locator('details summary').click();
    // The table is drawn when the details open: wait for it.
    await expect.poll(() => figure.locator('table tbody tr').count()).toBe(10); // 2015–2024
    expect(await figure.locator('table thead th').first().textContent()).toBe('Category');

    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => host.getAttribute('aria-label'), { timeout: 15_000 }).toContain('最大值');
  });
});
