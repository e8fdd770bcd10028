/**
 * Chart downloads in the browser: the chart's option rendered again as SVG by ECharts (server-side
 * rendering mode, no animation), framed by the header and footer of src/charts/export.ts; the PNG is that
 * SVG drawn on a canvas at twice the size (for slides). Nothing leaves the machine.
 */
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from '../../charts/echarts-setup';
import { composeExportSvg, exportOption, type ExportMeta, type ExportWords } from '../../charts/export';
import type { ChartOption } from '../../charts/types';

let svgReady = false;

/** The SVG renderer is only needed for exports, so it is registered on the first one. */
function loadSvgRenderer(): void {
  if (!svgReady) echarts.use(SVGRenderer);
  svgReady = true;
}

/** The framed SVG of a chart drawn at `width` × `height` px. */
export async function chartSvg(
  option: ChartOption,
  meta: ExportMeta,
  words: ExportWords,
  width: number,
  height: number,
): Promise<string> {
  loadSvgRenderer();
  const chart = echarts.init(null, 'pcw', { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(exportOption(option), { notMerge: true });
    return composeExportSvg(chart.renderToSVGString(), meta, words, width, height);
  } finally {
    chart.dispose();
  }
}

/** A PNG of an SVG text at `scale` times its size. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
