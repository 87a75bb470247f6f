import { describe, expect, it } from 'vitest';
import { firstRuns, overTarget, queryRuns, worstQuery, worstRedraw } from '../../../scripts/bench/figures';
import { poolWalks } from '../../../scripts/bench/pool';
import type { Change, QuerySample, SizeResult, ViewFigures } from '../../../scripts/bench/types';

const q = (sql: string, runMs: number): QuerySample => ({ sql, runMs, waitMs: 0, roundTripMs: runMs + 1, needs: [] });
let seq = 0;
const change = (kind: Change['kind'], ms: number, queries: QuerySample[], session = 0): Change => ({
  kind,
  search: `?${kind}`,
  ms,
  longTasksMs: 0,
  timedOut: false,
  queries,
  seq: seq++,
  session,
});
const sizeOf = (views: ViewFigures[]): SizeResult => ({ townships: 5, views, search: { terms: [], node: [] } }) as unknown as SizeResult;

describe('firstRuns', () => {
  it('counts a statement once per page, whichever view ran it first there', () => {
    const page = () => {
      // The walk's order: categories first, then overview, which runs the statement again.
      const categories: ViewFigures = {
        view: 'categories',
        changes: [change('open', 90, [q('SELECT places', 12), q('SELECT counts', 14)])],
      };
      const overview: ViewFigures = {
        view: 'overview',
        changes: [change('open', 60, [q('SELECT places', 1)]), change('filter', 30, [q('SELECT places', 2)])],
      };
      // The size's views are in tab order, not the walk's.
      return [overview, categories];
    };
    const size = sizeOf(poolWalks([page(), page()]));
    const first = firstRuns(size);
    const firsts = [...first].map((s) => `${s.sql} ${s.runMs}`);
    expect(firsts).toEqual(['SELECT places 12', 'SELECT counts 14', 'SELECT places 12', 'SELECT counts 14']);
    expect(queryRuns(size, size.views[0]).map((r) => r.first)).toEqual([false, false, false, false]);
  });

  it('counts it again on a page the walk opened afresh after a timeout', () => {
    const view: ViewFigures = {
      view: 'heatmap',
      changes: [change('open', 90, [q('SELECT cells', 12)]), change('drill', 30, [q('SELECT cells', 11)], 1)],
    };
    expect(firstRuns(sizeOf([view])).size).toBe(2);
  });
});

describe('overTarget', () => {
  it('counts the samples behind a worst p95 that took longer than the target', () => {
    const view: ViewFigures = {
      view: 'network',
      changes: [change('filter', 120, [q('a', 12)]), change('filter', 40, [q('a', 3)]), change('drill', 150, [q('a', 2)])],
    };
    const size = sizeOf([view]);
    // The drill-down's p95 (150 ms) is the worst redraw; without it, the filters' (120 ms).
    expect(overTarget(worstRedraw(size, false)!, 100)).toEqual({ over: 1, n: 1 });
    const filtersOnly = sizeOf([{ ...view, changes: view.changes.filter((c) => c.kind === 'filter') }]);
    expect(worstRedraw(filtersOnly, false)!.where).toBe('network, filter');
    expect(overTarget(worstRedraw(filtersOnly, false)!, 100)).toEqual({ over: 1, n: 2 });
    expect(overTarget(worstQuery(size, false)!, 10)).toEqual({ over: 1, n: 3 });
  });
});
