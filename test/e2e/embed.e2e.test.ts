/**
 * Deep links and embedding on the built app in Chromium. Deep links preselect page, park, enterprise,
 * year and language, and name what they cannot use. Embedded in an iframe of a portal page served from
 * another origin, the app hides its header and navigation, posts its height to the parent, obeys a
 * command from an origin in embed-config.json and ignores the same command from any other origin.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../tools/chromium';
import { ARTIFACTS } from './browser';

let browser: Browser;
let portal: Server;
let portalOrigin: string;

/** The portal page: the app in an iframe, the messages it receives, and a way to send one. */
function portalHtml(appUrl: string, appOrigin: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Portal</title></head><body style="margin:0">
<h1 style="font:20px sans-serif;margin:8px">Portal</h1>
<iframe id="app" src="${appUrl}" style="width:1200px;height:500px;border:1px solid #999"></iframe>
<script>
  window.received = [];
  const frame = document.getElementById('app');
  window.addEventListener('message', (e) => {
    if (e.origin !== ${JSON.stringify(appOrigin)} || e.source !== frame.contentWindow) return;
    window.received.push(e.data);
    if (e.data && e.data.type === 'pcw:height') frame.style.height = e.data.height + 'px';
  });
  window.send = (m) => frame.contentWindow.postMessage(m, ${JSON.stringify(appOrigin)});
</script></body></html>`;
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  const appBase = inject('baseUrl');
  const appOrigin = new URL(appBase).origin;
  portal = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://x').searchParams.get('app') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(portalHtml(`${appBase}${target}`, appOrigin));
  });
  // "localhost" vs the app's "127.0.0.1" and another port: a different origin.
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  portalOrigin = `http://localhost:${(portal.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => portal?.close(resolve));
});

/** A fresh context whose embed-config.json allows `allowed`. */
async function contextAllowing(allowed: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    serviceWorkers: 'block',
  });
  await context.route('**/embed-config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ allowedOrigins: allowed }) }),
  );
  return context;
}

async function openPortal(context: BrowserContext, appHash: string): Promise<{ page: Page; app: Frame }> {
  const page = await context.newPage();
  await page.goto(`${portalOrigin}/?app=${encodeURIComponent(appHash)}`);
  const app = page.frameLocator('#app');
  await app.locator('[data-testid="self-kpi-total"]').waitFor({ timeout: 90_000 });
  const frame = page.frames().find((f) => f.url().includes('#/self-check'))!;
  return { page, app: frame };
}

const received = (page: Page) => page.evaluate(() => (window as unknown as { received: unknown[] }).received);

describe('deep links', () => {
  it(
    'preselect page, park, enterprise, year and language; name what they cannot use',
    { timeout: 240_000 },
    async () => {
      const context = await contextAllowing([]);
      const page = await context.newPage();
      await page.goto(`${inject('baseUrl')}#/self-check?park=sample&enterprise=E0005&year=2021&lang=en`);
      await page.getByTestId('self-kpi-total').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('pick-enterprise').inputValue()).toBe('E0005');
      await expect
        .poll(() => page.locator('.year-pick button[aria-pressed="true"]').textContent(), { timeout: 10_000 })
        .toBe('2021');
      expect(await page.locator('#self-heading').textContent()).toBe('Enterprise carbon self-check');
      expect(await page.getByTestId('link-notices').count()).toBe(0);

      await page.goto(`${inject('baseUrl')}#/inventory?park=workshop&year=2020&lang=zh`);
      await expect.poll(() => page.getByTestId('inv-year').inputValue(), { timeout: 60_000 }).toBe('2020');
      await expect
        .poll(() => page.getByTestId('dataset-select').inputValue(), { timeout: 60_000 })
        .toBe('workshop');
      expect(await page.getByTestId('inv-kpi-total').textContent()).toBeTruthy();

      // Unknown park, enterprise and year: a notice names each, the app goes on with its defaults.
      await page.goto(`${inject('baseUrl')}#/self-check?park=atlantis&enterprise=E9999&year=1900&lang=en`);
      const notices = page.getByTestId('link-notices');
      await expect.poll(() => notices.textContent(), { timeout: 60_000 }).toContain('"E9999"');
      const text = (await notices.textContent()) ?? '';
      expect(text).toContain('park "atlantis", which does not exist');
      expect(text).toContain('year "1900"');
      expect(await page.getByTestId('dataset-select').inputValue()).toBe('sample');
      expect(await page.getByTestId('pick-enterprise').inputValue()).toBe('');
      await page.goto(`${inject('baseUrl')}#/nowhere?lang=en`);
      await expect.poll(() => notices.textContent()).toContain('page "nowhere"');
      expect(await page.locator('#overview-heading').count()).toBe(1);
      await context.close();
    },
  );
});

describe('embedding in a portal', () => {
  it(
    'hides header and navigation, posts its height, obeys an allowed origin',
    { timeout: 240_000 },
    async () => {
      const context = await contextAllowing([portalOrigin]);
      const { page, app } = await openPortal(
        context,
        '#/self-check?park=sample&enterprise=E0005&lang=zh&embed=1',
      );
      expect(await app.locator('nav').count()).toBe(0);
      expect(await app.locator('header h1').count()).toBe(0);
      // A height message at start and one each time the content height changes (data loaded, charts drawn).
      const heights = async () =>
        (await received(page)).filter((m) => (m as { type: string }).type === 'pcw:height') as {
          height: number;
          page: string;
        }[];
      await expect
        .poll(async () => (await heights()).at(-1)?.height ?? 0, { timeout: 15_000 })
        .toBeGreaterThan(800);
      const all = await heights();
      expect(all.every((m) => m.page === 'self-check' && Number.isInteger(m.height))).toBe(true);
      expect(new Set(all.map((m) => m.height)).size).toBe(all.length); // no repeats
      // The frame was resized from the message: the whole page shows without an inner scroll bar.
      await expect
        .poll(() => page.locator('#app').evaluate((f) => f.getBoundingClientRect().height), {
          timeout: 10_000,
        })
        .toBeGreaterThan(800);
      await page.waitForTimeout(1000);
      await page.screenshot({ path: `${ARTIFACTS}/embed-portal-zh.png` });

      await page.evaluate(() =>
        (window as unknown as { send: (m: unknown) => void }).send({ type: 'pcw:set-language', lang: 'en' }),
      );
      await expect
        .poll(() => app.evaluate(() => document.documentElement.lang), { timeout: 10_000 })
        .toBe('en-US');
      await expect
        .poll(() => app.locator('#self-heading').textContent())
        .toBe('Enterprise carbon self-check');
      await page.evaluate(() =>
        (window as unknown as { send: (m: unknown) => void }).send({
          type: 'pcw:set-enterprise',
          enterprise: 'E0007',
        }),
      );
      await expect
        .poll(() => app.locator('[data-testid="pick-enterprise"]').inputValue(), { timeout: 10_000 })
        .toBe('E0007');
      await app.locator('[data-testid="self-kpi-total"]').waitFor({ timeout: 30_000 });
      await expect
        .poll(() => app.locator('[data-testid="self-results"]').textContent(), { timeout: 30_000 })
        .toContain('E0007');
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `${ARTIFACTS}/embed-portal-en.png` });
      await context.close();
    },
  );

  it(
    'ignores commands from an origin not in embed-config.json, and malformed commands',
    { timeout: 240_000 },
    async () => {
      const context = await contextAllowing(['https://portal.example.org']);
      const { page, app } = await openPortal(
        context,
        '#/self-check?park=sample&enterprise=E0005&lang=zh&embed=1',
      );
      await page.evaluate(() => {
        const send = (window as unknown as { send: (m: unknown) => void }).send;
        send({ type: 'pcw:set-language', lang: 'en' });
        send({ type: 'pcw:set-enterprise', enterprise: 'E0007' });
      });
      await page.waitForTimeout(1500);
      expect(await app.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      expect(await app.locator('[data-testid="pick-enterprise"]').inputValue()).toBe('E0005');
      await context.close();

      // Allowed origin, but not a documented command: ignored.
      const allowed = await contextAllowing([portalOrigin]);
      const second = await openPortal(allowed, '#/self-check?park=sample&enterprise=E0005&lang=zh&embed=1');
      await second.page.evaluate(() => {
        const send = (window as unknown as { send: (m: unknown) => void }).send;
        send({ type: 'pcw:set-language', lang: 'en', also: 'x' });
        send({ type: 'pcw:set-enterprise', enterprise: '<img src=x>' });
        send('pcw:set-language');
      });
      await second.page.waitForTimeout(1500);
      expect(await second.app.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      expect(await second.app.locator('[data-testid="pick-enterprise"]').inputValue()).toBe('E0005');
      await allowed.close();
    },
  );
});
