/**
 * The product journey in the built app: a sample product's footprint with its range, a BOM imported
 * (a bad file first: nothing changes), a variant compared in pairs, the CSV table downloaded, the
 * printable report, in both languages; screenshots in test/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, openApp, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openApp(inject('baseUrl'), { viewport: { width: 1280, height: 900 } });
});
afterAll(() => s?.close());

/** Generous: under load the first footprint (worker start) takes seconds. */
const POLL = { timeout: 30_000 };

const number = (t: string | null) => Number((t ?? '').replace(/[^\d.]/g, ''));

describe('product footprint page', () => {
  it('computes, imports, compares variants and exports', async () => {
    const { page } = s;
    await page.goto(`${inject('baseUrl')}#/footprint`);
    await page.evaluate(() => localStorage.removeItem('pcw.footprint'));
    await page.reload();
    const total = page.getByTestId('fp-total');
    await total.waitFor({ timeout: 30_000 });
    expect(number(await total.textContent())).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('fp-range').textContent(), POLL).toMatch(/\d.*–.*\d/);
    expect(await page.getByTestId('fp-boundary').textContent()).toContain('从摇篮到大门');
    expect(await page.locator('[data-chart] canvas').count()).toBeGreaterThanOrEqual(2);

    // A bad BOM names file, row and column, and leaves the product as it was.
    const rowsBefore = await page.getByTestId('bom-row').count();
    await page.getByTestId('fp-file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('input,quantity,unit\nsteel,lots,kg\n'),
    });
    await expect
      .poll(() => page.getByTestId('fp-import-note').textContent(), POLL)
      .toContain('bad.csv: row 2, column quantity');
    expect(await page.getByTestId('bom-row').count()).toBe(rowsBefore);

    // The bundled steel-bracket BOM: the same deterministic total as the CLI's (3.58 kg CO2e).
    await page.getByTestId('fp-file').setInputFiles({
      name: 'steel-bracket.bom.csv',
      mimeType: 'text/csv',
      buffer: readFileSync('datasets/products/steel-bracket.bom.csv'),
    });
    await expect.poll(() => page.getByTestId('bom-row').count(), POLL).toBe(6);
    expect(await page.getByTestId('product-name').inputValue()).toBe('steel-bracket.bom');
    await expect.poll(async () => number(await total.textContent()), POLL).toBe(3.58);

    // A variant with scrap-based EAF steel is lower in every paired run.
    await page.getByTestId('fp-variant-add').click();
    await page.locator('[data-testid="bom-row"]').first().getByTestId('line-input').selectOption('steel_eaf');
    await expect.poll(() => page.getByTestId('fp-plower').last().textContent(), POLL).toMatch(/100(\.0)?%/);
    await page.screenshot({ path: `${ARTIFACTS}/footprint-zh.png`, fullPage: true });

    // The footprint table as CSV states the standard, the boundary and the lines.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('fp-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('GB/T 24067-2024');
    expect(csv).toContain('cradle-to-gate');
    expect(csv).toContain('steel_eaf');

    // The printable report: standard, boundary, functional unit and uncertainty; controls hidden.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('fp-report').isVisible()).toBe(true);
    expect(await page.getByTestId('fp-report').textContent()).toContain('ISO 14067');
    expect(await page.getByTestId('fp-variant-add').isVisible()).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}/footprint-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // English, same figures.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('fp-boundary').textContent(), POLL).toContain('Cradle-to-gate');
    await expect.poll(() => page.getByTestId('fp-plower').last().textContent(), POLL).toMatch(/100(\.0)?%/);
    await page.screenshot({ path: `${ARTIFACTS}/footprint-en.png`, fullPage: true });

    expect(s.foreignRequests()).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 180_000);
});
