/**
 * The deck as a PowerPoint file: one slide per finding, the headline as the slide's title (a title
 * placeholder, so PowerPoint's outline and WPS's navigation list it), the note under it, the chart,
 * and the source in the footer. Bar charts become native charts (editable: a presenter can restyle
 * or retype them), other charts the picture `rasterise` draws of the live chart.
 *
 * pptxgenjs (with JSZip inside) is ≈400 KB of script: imported here only, and this module is itself
 * imported only when 导出 PPT is clicked, so none of it is on the first paint's path.
 */
import type { BarChartSpec, Slide } from './types';

/** A picture of a chart that is not a bar chart: a PNG data URL and its size in pixels. */
export interface Picture {
  data: string;
  width: number;
  height: number;
}

export interface DeckOptions {
  /** The footer of every slide. */
  source: string;
  /** Draws a slide's chart as a picture (in the browser: the live SVG on a canvas). */
  rasterise: (slide: Slide) => Promise<Picture>;
}

/** 16:9 at PowerPoint's widescreen size, in inches. */
const W = 13.333;
const H = 7.5;
const MASTER = 'DUTY_FINDING';
/** A font PowerPoint and WPS on Windows both have; LibreOffice falls back to Noto CJK. */
const FONT = 'Microsoft YaHei';
const hex = (colour: string) => colour.replace('#', '').toUpperCase();

/** The chart area of a slide, below the title and note, above the footer. */
const CHART = { x: 0.5, y: 1.75, w: W - 1, h: H - 1.75 - 0.7 };

/**
 * Characters per line of a category label. LibreOffice wraps no label and hides those that overlap,
 * PowerPoint wraps at its own width: a duty's name is given as two lines of this many characters,
 * the rest cut with '…' (as on the live slide); the slide's notes keep every name whole.
 */
export const LABEL_LINE = 16;
export function wrapCategory(label: string): string {
  const chars = [...label];
  if (chars.length <= LABEL_LINE) return label;
  const second = chars.slice(LABEL_LINE);
  const rest = second.length > LABEL_LINE ? [...second.slice(0, LABEL_LINE - 1), '…'] : second;
  return `${chars.slice(0, LABEL_LINE).join('')}\n${rest.join('')}`;
}

function barChartData(chart: BarChartSpec) {
  // PowerPoint draws a bar chart's first category at the bottom: reversed, the largest stays on top.
  const labels = chart.categories.map(wrapCategory).reverse();
  return chart.series.map((s) => ({ name: s.name, labels, values: [...s.values].reverse() }));
}

export async function buildPptx(slides: readonly Slide[], options: DeckOptions): Promise<Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: 'FFFFFF' },
    objects: [
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: 0.5,
            y: 0.3,
            w: W - 1,
            h: 1.0,
            fontFace: FONT,
            fontSize: 26,
            bold: true,
            color: '1B1B1B',
            valign: 'top',
          },
          text: '',
        },
      },
    ],
    slideNumber: { x: W - 1.2, y: H - 0.55, w: 0.8, h: 0.35, fontFace: FONT, fontSize: 12, color: '555555' },
  });

  for (const s of slides) {
    const slide = pptx.addSlide({ masterName: MASTER });
    // Aligned here too: LibreOffice does not take the alignment from the master's placeholder.
    slide.addText(s.headline, { placeholder: 'title', align: 'left' });
    slide.addText(s.note, { x: 0.5, y: 1.25, w: W - 1, h: 0.45, fontFace: FONT, fontSize: 15, color: '555555' });
    slide.addText(options.source, { x: 0.5, y: H - 0.55, w: W - 2, h: 0.35, fontFace: FONT, fontSize: 12, color: '555555' });
    const chart = s.chart;
    if (chart?.type === 'bar') {
      const stacked = chart.series.length > 1;
      const long = chart.categories.some((c) => c.length > LABEL_LINE);
      if (long) slide.addNotes(chart.categories.join('\n'));
      slide.addChart(pptx.ChartType.bar, barChartData(chart), {
        ...CHART,
        barDir: 'bar',
        barGrouping: stacked ? 'stacked' : 'clustered',
        ...(stacked ? { overlap: 100 } : {}),
        barGapWidthPct: 45,
        chartColors: chart.series.map((x) => hex(x.colour)),
        catAxisLabelFontFace: FONT,
        // Every label, however tall: PowerPoint and LibreOffice otherwise skip every other long one.
        catAxisLabelFrequency: '1',
        catAxisLabelFontSize: long ? 13 : 16,
        catAxisLabelColor: '1B1B1B',
        valAxisHidden: true,
        valGridLine: { style: 'none' },
        showValue: true,
        dataLabelFontFace: FONT,
        dataLabelFontSize: 14,
        dataLabelColor: '1B1B1B',
        dataLabelPosition: stacked ? 'ctr' : 'outEnd',
        // The empty third section hides a stack's zero segments ("0" written on nothing).
        dataLabelFormatCode: chart.decimals ? '0.0;-0.0;;' : '#,##0;-#,##0;;',
        showLegend: stacked,
        legendPos: 't',
        legendFontFace: FONT,
        legendFontSize: 16,
      });
    } else if (chart) {
      const picture = await options.rasterise(s);
      // Fitted inside the chart area, its proportions kept.
      const scale = Math.min(CHART.w / picture.width, CHART.h / picture.height);
      const w = picture.width * scale;
      const h = picture.height * scale;
      slide.addImage({ data: picture.data, x: CHART.x + (CHART.w - w) / 2, y: CHART.y + (CHART.h - h) / 2, w, h, altText: s.headline });
    }
  }
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}
