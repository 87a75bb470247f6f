/**
 * The export menu's actions: each builds its file in the page and hands it to the browser as a
 * download (download.ts). Returns a note for the reader where the file differs from what was asked.
 */
import { downloadBytes } from './download';
import { composeChartSvg, type ChartPicture } from './chart-image';
import { chartSettled } from './chart-settled';
import { feasibleScale, svgToPng } from './rasterize';
import { csvBytes } from './csv';
import { exportFileName } from './file-name';
import type { ExportTable, TableCaption } from './table';
import { EXPORT_STRINGS as S } from '../ui/strings';

export async function exportChartSvg(picture: ChartPicture): Promise<void> {
  await chartSettled(picture.chart);
  const { text } = composeChartSvg(picture);
  downloadBytes(new TextEncoder().encode(text), exportFileName(picture.title, 'svg', new Date()), 'image/svg+xml');
}

export async function exportChartPng(picture: ChartPicture, asked: number): Promise<string | void> {
  await chartSettled(picture.chart);
  const { text, width, height } = composeChartSvg(picture);
  const scale = feasibleScale(width, height, asked);
  const bytes = await svgToPng(text, width, height, scale);
  downloadBytes(bytes, exportFileName(picture.title, 'png', new Date(), `@${scale}x`), 'image/png');
  if (scale !== asked) return S.scaledDown(asked, scale);
}

export function exportTableCsv(table: ExportTable): void {
  downloadBytes(csvBytes(table), exportFileName(table.title, 'csv', new Date()), 'text/csv;charset=utf-8');
}

export async function exportTableXlsx(table: ExportTable, caption: TableCaption): Promise<void> {
  // Its own chunk, fetched on the first XLSX asked for (xlsx.ts).
  const { xlsxBytes, XLSX_TYPE } = await import('./xlsx');
  downloadBytes(await xlsxBytes(table, caption), exportFileName(table.title, 'xlsx', new Date()), XLSX_TYPE);
}
