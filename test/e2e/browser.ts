/**
 * Headless Chromium for the e2e tests: every request of the page and its workers is recorded, so a test
 * can prove that nothing is fetched from another origin.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../tools/chromium';

export const ARTIFACTS = 'test/artifacts';

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL requested by pages and workers of this context, in order. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Requests whose origin differs from the app's. */
  foreignRequests(): string[];
  close(): Promise<void>;
}

export async function openApp(
  baseUrl: string,
  opts: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1440, height: 900 },
    locale: opts.locale ?? 'zh-CN',
    deviceScaleFactor: 1,
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('worker', (w) => requests.push(w.url()));
  const origin = new URL(baseUrl).origin;
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    browser,
    context,
    page,
    requests,
    errors,
    foreignRequests: () =>
      requests.filter(
        (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin,
      ),
    close: () => browser.close(),
  };
}

/**
 * Arms a wait for the next chart drawing the page finishes (the app's pcw-chart-finished event, which a
 * chart's host fires when ECharts has drawn, animation included): call it before the action that
 * redraws, then await what it returns.
 */
export async function nextChartDrawn(page: Page, timeout = 30_000): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const w = globalThis as unknown as { pcwTestChartDrawn?: boolean };
    w.pcwTestChartDrawn = false;
    document.addEventListener('pcw-chart-finished', () => (w.pcwTestChartDrawn = true), { once: true });
  });
  return async () => {
    await page.waitForFunction(
      () => (globalThis as unknown as { pcwTestChartDrawn?: boolean }).pcwTestChartDrawn === true,
      null,
      { timeout },
    );
  };
}
