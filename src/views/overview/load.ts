import type { DbClient } from '../../lib/db/client';
import type { Filters } from '../../lib/state/filters';
import type { PlaceIndex } from '../../lib/state/selection';
import type { AppState } from '../../lib/state/url-codec';
import { selectionOf } from '../../lib/state/selection';
import {
  coopSteps,
  departmentFigures,
  townshipListCounts,
  townshipTotals,
  type CoopStepsRow,
  type DepartmentFiguresRow,
  type TownshipListCountRow,
  type TownshipTotalsRow,
} from '../../lib/queries/overview';
import { readParams } from './params';

/**
 * What 总览 asks the database, in one place for the view (OverviewView.svelte) and for the boot
 * (src/boot.ts), which asks the same as soon as the data is open: the worker then answers while the
 * shell renders, and the view finds the answers in the client's cache (db/result-cache.ts), or on
 * their way, when it asks. A boot that guessed wrong only leaves an answer no one reads.
 */

export type OverviewMode = 'bars' | 'distribution' | 'rank';

/**
 * `atScale`: the scope alone holds more townships than bars show one by one; `aggregated`: the
 * selection's units are counties or prefectures.
 */
export const overviewMode = (atScale: boolean, aggregated: boolean, tab: 'chart' | 'rank'): OverviewMode =>
  atScale && tab === 'rank' ? 'rank' : aggregated ? 'distribution' : 'bars';

export interface OverviewRows {
  /** The selection's townships (the key figures and the distribution). */
  totals: TownshipTotalsRow[];
  /** Every township of the scope, picked or not (the ranking). */
  scopeTotals: TownshipTotalsRow[];
  counts: TownshipListCountRow[];
  steps: CoopStepsRow[];
}

/** The chart's rows; `pickedOnly` as the view's `atScale`. */
export async function overviewRows(client: DbClient, f: Filters, mode: OverviewMode, pickedOnly: boolean): Promise<OverviewRows> {
  const totals = townshipTotals(client, f);
  const [selected, scope, counts, steps] = await Promise.all([
    totals,
    mode === 'rank' && f.townships.length ? townshipTotals(client, f, ['townships']) : totals,
    mode === 'bars' ? client.query<TownshipListCountRow>(townshipListCounts(f, pickedOnly)) : [],
    mode === 'bars' ? client.query<CoopStepsRow>(coopSteps(f)) : [],
  ]);
  return { totals: selected, scopeTotals: scope, counts, steps };
}

/** The departments' key figure (it reads the network part, which the first chart does not wait for). */
export const departmentRow = async (client: DbClient, f: Filters): Promise<DepartmentFiguresRow> =>
  (await client.query<DepartmentFiguresRow>(departmentFigures(f)))[0];

/**
 * Asks what 总览 will ask for `state` (the URL's) of the open data: the boot's head start, and the
 * build's first answers for a page opened without filters (scripts/lib/first-answers.ts).
 */
export function askOverview({ client, places }: { client: DbClient; places: PlaceIndex }, { filters, params }: AppState): void {
  const atScale = selectionOf(places, { ...filters, townships: [] }).aggregated;
  const mode = overviewMode(atScale, selectionOf(places, filters).aggregated, readParams(params).tab);
  overviewRows(client, filters, mode, atScale).catch(() => {});
  departmentRow(client, filters).catch(() => {});
}
