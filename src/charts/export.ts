/**
 * Chart exports (SVG and PNG files): the header (title, unit) and footer (data source, page link) drawn
 * around a chart rendered as SVG, as pure functions of text and sizes. The PNG is this SVG rasterised,
 * so both files carry the same words.
 */
import { FONT_FAMILY, MUTED_TEXT, TEXT_COLOR } from './theme';
import type { ChartOption } from './types';
import { textWidth } from './accounting/inventory-charts';

/** What an exported chart says about itself, already in the page's language. */
export interface ExportMeta {
  title: string;
  /** Unit of the values, e.g. "10⁴ tCO₂"; empty when the chart has none. */
  unit: string;
  /** Data source, e.g. the dataset's name and version. */
  source: string;
  /** Address of the page the chart was exported from. */
  link: string;
}

/** Labels of the header and footer fields in the page's language, each with its separator ("Unit: "). */
export interface ExportWords {
  unit: string;
  source: string;
  link: string;
}

export interface ExportLayout {
  width: number;
  height: number;
  /** Top of the chart inside the image. */
  chartTop: number;
  lines: { text: string; x: number; y: number; size: number; weight: number; color: string }[];
}

const PAD = 16;
const TITLE_SIZE = 16;
const TEXT_SIZE = 11;
const LINE_GAP = 1.45;

/**
 * The option to render for a file: no animation, and font names in single quotes (ECharts writes the
 * family unescaped into an SVG style attribute, where double quotes would end the attribute).
 */
export function exportOption(option: ChartOption): ChartOption {
  const text = (option.textStyle ?? {}) as { fontFamily?: string };
  return {
    ...option,
    animation: false,
    textStyle: { ...text, fontFamily: (text.fontFamily ?? FONT_FAMILY).replaceAll('"', "'") },
  };
}

/** The unit a chart's option names on its value axis (y first, then x), or ''. */
export function chartUnit(option: ChartOption): string {
  for (const axis of [option.yAxis, option.xAxis]) {
    const first = Array.isArray(axis) ? axis[0] : axis;
    const name = (first as { name?: unknown } | undefined)?.name;
    if (typeof name === 'string' && name.trim()) return name.trim();
  }
  return '';
}

/**
 * Splits text into lines no wider than `maxWidth` px at `fontSize`: at spaces where there are some,
 * anywhere in a long word (a link) or in CJK text.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.split(/(?<=\s)/u)) {
    if (textWidth(line + token, fontSize) <= maxWidth) {
      line += token;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    for (const ch of token) {
      if (textWidth(line + ch, fontSize) > maxWidth && line) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Where the header, the chart and the footer go in an image of a chart `width` × `chartHeight` px. */
export function exportLayout(
  meta: ExportMeta,
  words: ExportWords,
  width: number,
  chartHeight: number,
): ExportLayout {
  const maxWidth = width - 2 * PAD;
  const out: ExportLayout['lines'] = [];
  let y = PAD;
  const add = (text: string, size: number, weight: number, color: string) => {
    for (const part of wrapText(text, maxWidth, size)) {
      y += size;
      out.push({ text: part, x: PAD, y, size, weight, color });
      y += size * (LINE_GAP - 1);
    }
  };
  add(meta.title, TITLE_SIZE, 600, TEXT_COLOR);
  if (meta.unit) add(`${words.unit}${meta.unit}`, TEXT_SIZE, 400, MUTED_TEXT);
  y += PAD / 2;
  const chartTop = Math.ceil(y);
  y = chartTop + chartHeight + PAD / 2;
  if (meta.source) add(`${words.source}${meta.source}`, TEXT_SIZE, 400, MUTED_TEXT);
  if (meta.link) add(`${words.link}${meta.link}`, TEXT_SIZE, 400, MUTED_TEXT);
  return { width, height: Math.ceil(y + PAD / 2), chartTop, lines: out };
}

/** Text safe inside an XML element or attribute. */
export function xmlEscape(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/**
 * One SVG file: white background, header, the chart's own SVG (as ECharts renders it, `width` ×
 * `chartHeight`) nested below it, and the footer. The chart text is not escaped again: it is already SVG.
 */
export function composeExportSvg(
  chartSvg: string,
  meta: ExportMeta,
  words: ExportWords,
  width: number,
  chartHeight: number,
): string {
  const layout = exportLayout(meta, words, width, chartHeight);
  const inner = chartSvg
    .replace(/<\?xml[^>]*>\s*/, '')
    .replace(/^<svg\b/, `<svg x="0" y="${layout.chartTop}"`);
  const text = layout.lines
    .map(
      (l) =>
        `<text x="${l.x}" y="${l.y}" font-size="${l.size}" font-weight="${l.weight}" fill="${l.color}">${xmlEscape(l.text)}</text>`,
    )
    .join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${layout.height}" viewBox="0 0 ${width} ${layout.height}" font-family="${xmlEscape(FONT_FAMILY)}">`,
    `<title>${xmlEscape(meta.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text,
    inner,
    '</svg>',
  ].join('\n');
}

/** A download file name from a chart title: letters, digits, CJK, dash and underscore. */
export function chartFileName(title: string, ext: 'png' | 'svg'): string {
  const base = title.replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '') || 'chart';
  return `${base.slice(0, 80)}.${ext}`;
}
