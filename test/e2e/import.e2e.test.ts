/**
 * The import journey in the built app: files in (a GBK activity file with Chinese headers, the
 * workshop park's enterprises and economics), the proposed mapping shown, an unknown carrier mapped
 * once, problems listed, valid rows loaded; the imported park in the dataset picker, still there after a
 * reload; "clear my data" removes it. Screenshots of the import and mapping screens in both languages.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, openApp, type Session } from './browser';
import { gbk } from '../fixtures/import/encode';

let s: Session;
beforeAll(async () => {
  s = await openApp(inject('baseUrl'));
});
afterAll(() => s?.close());

/** The workshop park's activity with Chinese headers and carrier names, one misspelt, saved as GBK. */
function chineseActivity(): Buffer {
  const names: Record<string, string> = { electricity: '电力', natural_gas: '天然气', heat: '蒸汽' };
  const lines = readFileSync('datasets/workshop/activity.csv', 'utf8').trim().split('\n').slice(1);
  const out = ['企业代码,年份,能源品种,消费量,计量单位'];
  const typo = lines.findIndex((l) => l.split(',')[2] === 'diesel');
  lines.forEach((l, i) => {
    const [id, year, carrier, amount, unit] = l.split(',');
    const zh = i === 0 ? '外购电' : (names[carrier] ?? carrier);
    out.push([id, year, i === typo ? '柴由' : zh, amount, unit].join(','));
  });
  return Buffer.from(gbk(out.join('\r\n') + '\r\n'));
}

describe('importing a park in the app', () => {
  it('checks files in a worker, shows the mapping and problems, loads the valid rows, keeps the park over a reload', async () => {
    const { page } = s;
    await page.goto(`${inject('baseUrl')}#/import`);
    await page.getByTestId('check').waitFor({ timeout: 30_000 });
    await page.getByTestId('park-name-zh').fill('导入测试园区');
    await page.getByTestId('park-name-en').fill('Imported test park');
    await page.getByTestId('file-activity').setInputFiles({
      name: '能耗台账.csv',
      mimeType: 'text/csv',
      buffer: chineseActivity(),
    });
    await page.getByTestId('file-enterprises').setInputFiles('datasets/workshop/enterprises.csv');
    await page.getByTestId('file-economics').setInputFiles('datasets/workshop/economics.csv');
    await page.getByTestId('check').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('GBK/GB18030');
    const problems = await page.getByTestId('problem-list').textContent();
    expect(problems).toMatch(/unknown carrier "柴由"/);
    expect(await page.getByTestId('mapping-sheet').count()).toBe(3);
    await page.screenshot({ path: `${ARTIFACTS}/import-mapping-zh.png`, fullPage: true });

    // Map the misspelt carrier once and check again: no errors left.
    await page.getByTestId('unknown-carriers').getByRole('combobox').selectOption('diesel');
    await page.getByTestId('recheck').click();
    await page.getByTestId('load-all').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.screenshot({ path: `${ARTIFACTS}/import-mapping-en.png`, fullPage: true });
    await page.getByRole('button', { name: '中文' }).click();

    await page.getByTestId('load-all').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('dataset-select')
            .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text),
        {
          timeout: 60_000,
        },
      )
      .toBe('导入测试园区');
    await page.getByTestId('kpi-enterprises').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${ARTIFACTS}/import-overview-zh.png`, fullPage: true });

    // After a reload the park is still listed and opens.
    await page.reload();
    await page.getByTestId('dataset-select').waitFor();
    await expect
      .poll(
        () =>
          page
            .getByTestId('dataset-select')
            .evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.text)),
        {
          timeout: 30_000,
        },
      )
      .toContain('导入测试园区');
    await page.getByTestId('kpi-enterprises').waitFor({ timeout: 60_000 });

    // Clear my data: confirmed, the park is gone from the picker and the page says so.
    await page.goto(`${inject('baseUrl')}#/import`);
    page.once('dialog', (d) => {
      expect(d.message()).toContain('导入测试园区');
      void d.accept();
    });
    await page.getByTestId('clear-data').click();
    await expect
      .poll(() => page.getByTestId('stored-parks').textContent(), { timeout: 30_000 })
      .toContain('尚未导入');
    const options = await page
      .getByTestId('dataset-select')
      .evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.text));
    expect(options).not.toContain('导入测试园区');
    expect(s.errors).toEqual([]);
  }, 180_000);
});
