import type { ExportTable } from '../export/table';
import type { Slide } from './types';
import { PRESENT_TABLE_STRINGS as S } from './strings';

/**
 * A slide's chart as a table: what its thumbnail's text description is read from (src/lib/describe),
 * the same numbers the slide draws — bars by category and series, or the strip's townships.
 */
export function slideTable(slide: Slide): ExportTable {
  const chart = slide.chart;
  if (!chart) return { title: slide.headline, columns: [], rows: [] };
  if (chart.type === 'strip') {
    return {
      title: slide.headline,
      columns: [{ header: S.township }, { header: chart.axisLabel }],
      rows: chart.points.map((p) => [p.name, p.value]),
    };
  }
  const several = chart.series.length > 1;
  return {
    title: slide.headline,
    columns: [{ header: S.category }, ...chart.series.map((s) => ({ header: s.name })), ...(several ? [{ header: S.total }] : [])],
    rows: chart.categories.map((category, i) => {
      const values = chart.series.map((s) => s.values[i]);
      return [category, ...values, ...(several ? [values.reduce((sum, v) => sum + v, 0)] : [])];
    }),
  };
}
