import { OVERVIEW_MEASURES, RANK_COLUMNS, type OverviewMeasure, type RankColumn } from '../../lib/queries/overview-stats';
import { withParam } from '../../lib/state/view-params';

/**
 * 总览's own state in the URL (absent = default, so the five-township URL stays bare):
 *   ov.measure  items | share | steps   what the distribution compares (default items)
 *   ov.tab      rank                    the township ranking instead of the chart
 *   ov.sort     a RankColumn            the ranking's sort column (default: the measure's column)
 *   ov.asc      1                       ascending (default: descending for numbers, ascending for names)
 *   ov.at       a township key          the ranking row found from a dot of the chart (scrolled to, marked)
 */
export interface OverviewParams {
  measure: OverviewMeasure;
  tab: 'chart' | 'rank';
  sort: RankColumn | null;
  ascending: boolean | null;
  at: string | null;
}

export function readParams(params: Record<string, string>): OverviewParams {
  const measure = params['ov.measure'] as OverviewMeasure;
  const sort = params['ov.sort'] as RankColumn;
  return {
    measure: OVERVIEW_MEASURES.includes(measure) ? measure : 'items',
    tab: params['ov.tab'] === 'rank' ? 'rank' : 'chart',
    sort: RANK_COLUMNS.includes(sort) ? sort : null,
    ascending: params['ov.asc'] === '1' ? true : params['ov.asc'] === '0' ? false : null,
    at: params['ov.at'] || null,
  };
}

/** The bag with several of 总览's keys set (null removes a key, keeping the default). */
export function withParams(params: Record<string, string>, changes: Record<string, string | null>): Record<string, string> {
  return Object.entries(changes).reduce((bag, [key, value]) => withParam(bag, key, value), params);
}
