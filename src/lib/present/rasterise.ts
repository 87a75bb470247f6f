import { drawSlideChart, type ChartSize } from './slide-chart';
import type { Picture } from './pptx';
import type { Slide } from './types';

/**
 * A slide's chart as a PNG, for the deck's image slides: the live chart's SVG drawn on a canvas at
 * twice its size (sharp on a 1920×1080 projector). SVG rendered as an image uses the system's fonts,
 * the ones the page uses, so the picture reads as the slide does.
 */
export async function rasteriseChart(slide: Slide, size: ChartSize, scale = 2): Promise<Picture> {
  if (!slide.chart) throw new Error(`slide ${slide.id} has no chart`);
  const svg = drawSlideChart(slide.chart, size);
  // Through the CSSOM, not setAttribute('style'): the page's policy allows no style attribute (scripts/csp/policy.ts).
  svg.style.background = '#ffffff';
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size.width * scale;
    canvas.height = size.height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return { data: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height };
  } finally {
    URL.revokeObjectURL(url);
  }
}
