/**
 * The PDF text reader used by the e2e report tests: on a PDF printed by Chromium from a page of known
 * English and Chinese text, and on a small hand-written PDF for the operators Chromium does not use.
 */
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../tools/chromium';
import { pdfText } from '../../tools/pdf-text';

const PAGE = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><style>
  body { font: 14px sans-serif; } td { padding: 0 3em; }
</style></head><body>
  <h1>Peak and neutrality pathways report</h1>
  <p>Probability of peaking by 2030: 78% ± 1.3 pts</p>
  <table><tr><td>Purchased electricity</td><td>grid emission factor</td></tr></table>
  <h2>园区碳排放盘查报告</h2>
  <p>报告年份：2024 电力折标方法：当量值（0.1229 kgce/kWh）</p>
  <p style="break-before: page">Second page: 企业碳排放自查报告, office fluff</p>
</body></html>`;

describe('pdfText on a PDF printed by Chromium', () => {
  let browser: Browser;
  let pages: string[];
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.setContent(PAGE);
    pages = pdfText(await page.pdf({ format: 'A4' }));
  });
  afterAll(() => browser?.close());

  it('reads the English and the Chinese text, line by line, page by page', () => {
    expect(pages).toHaveLength(2);
    const lines = pages[0].split('\n');
    expect(lines).toContain('Peak and neutrality pathways report');
    expect(lines).toContain('Probability of peaking by 2030: 78% ± 1.3 pts');
    expect(lines).toContain('园区碳排放盘查报告');
    expect(lines).toContain('报告年份：2024 电力折标方法：当量值（0.1229 kgce/kWh）');
    // Two table cells on one baseline, with a gap and no space glyph between them.
    expect(lines).toContain('Purchased electricity grid emission factor');
    // Ligatures (ffl, fi) come back as their letters.
    expect(pages[1]).toBe('Second page: 企业碳排放自查报告, office fluff');
  });
});

/** A PDF with uncompressed and compressed streams, written by hand. */
function handMade(content: string, compress: boolean): Buffer {
  const cmap = [
    'begincmap',
    '2 beginbfchar <0001> <0048> <0002> <0069> endbfchar',
    '2 beginbfrange <0010> <0012> <4E2D> <0020> <0021> [<6587> <D83DDE00>] endbfrange',
    'endcmap',
  ].join('\n');
  const stream = (body: string) => {
    const raw = Buffer.from(body, 'latin1');
    const data = compress ? deflateSync(raw) : raw;
    const filter = compress ? '/Filter /FlateDecode ' : '';
    return Buffer.concat([
      Buffer.from(`<< ${filter}/Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]);
  };
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 4 0 R /F2 7 0 R >> >> >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 5 0 R >>'),
    Buffer.from(
      '<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [8 0 R] /ToUnicode 6 0 R >>',
    ),
    stream(content),
    stream(cmap),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /Widths [250] >>'),
    Buffer.from('<< /Type /Font /Subtype /CIDFontType2 /DW 500 /W [1 [600 300]] >>'),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  objects.forEach((o, i) => parts.push(Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')));
  parts.push(Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n'));
  return Buffer.concat(parts);
}

describe('pdfText on hand-written PDFs', () => {
  const content = [
    'BT /F1 10 Tf 12 TL 10 150 Td <00010002> Tj',
    // bfrange with a base code (中 + 1, + 2) and with an array (a surrogate pair too).
    'T* [<0010> -2000 <0011 0012>] TJ',
    // A simple font with no ToUnicode: one byte a character; \' moves to the next line first.
    "/F2 10 Tf (x y) ' (a\\(b\\) c\\101\\\ncontinued) Tj ET",
    'BT /F1 10 Tf 10 100 Td <00200021> Tj ET',
  ].join('\n');

  it.each([
    ['uncompressed', false],
    ['Flate-compressed', true],
  ])('reads bfchar and bfrange codes, TJ gaps, T*, literal strings (%s)', (_, compress) => {
    const [page] = pdfText(handMade(content, compress));
    expect(page.split('\n')).toEqual(['Hi', '中 丮丯', 'x ya(b) cAcontinued', '文😀']);
  });

  it('refuses what is not a PDF, and a stream filter it cannot read, with a message', () => {
    expect(() => pdfText(Buffer.from('<html></html>'))).toThrow(/not a PDF/);
    const lzw = handMade('BT ET', false)
      .toString('latin1')
      .replace('<< /Length', '<< /Filter /LZWDecode /Length');
    expect(() => pdfText(Buffer.from(lzw, 'latin1'))).toThrow(/LZWDecode filter, not supported/);
  });
});
