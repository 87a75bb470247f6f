/**
 * A composed SVG drawn to PNG in the page: the browser renders the SVG as an image (with the fonts
 * installed on this machine, so Chinese glyphs are rasterised here and the PNG needs no font where
 * it is opened) onto a canvas `scale` times its CSS size. The SVG is handed over at the target size
 * so its vectors are drawn at that resolution, not a 1× bitmap stretched.
 */

/**
 * Canvas limits held to on every browser we meet: Chromium allows 32,767 px a side and 268 M pixels,
 * Safari and older Chromium less; a 4× heatmap of a region would pass them. Beyond them the scale is
 * lowered (the menu says so).
 */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 120_000_000;

/** The scale a picture of `width` × `height` can be drawn at, at most `asked`, in steps of ½. */
export function feasibleScale(width: number, height: number, asked: number): number {
  const limit = Math.min(MAX_SIDE / Math.max(width, height), Math.sqrt(MAX_PIXELS / (width * height)));
  return asked <= limit ? asked : Math.max(0.5, Math.floor(limit * 2) / 2);
}

export async function svgToPng(svgText: string, width: number, height: number, scale: number): Promise<Uint8Array> {
  const pixelWidth = Math.round(width * scale);
  const pixelHeight = Math.round(height * scale);
  // The same picture at the pixel size (its viewBox keeps the coordinates).
  const sized = svgText.replace(/<svg([^>]*?) width="[^"]*" height="[^"]*"/, `<svg$1 width="${pixelWidth}" height="${pixelHeight}"`);
  const url = URL.createObjectURL(new Blob([sized], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image(pixelWidth, pixelHeight);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas 2d context unavailable');
    context.drawImage(image, 0, 0, pixelWidth, pixelHeight);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error(`PNG ${pixelWidth}×${pixelHeight} could not be encoded`);
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
