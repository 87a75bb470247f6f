import type { DbClient } from '../db/client';
import type { Filters } from '../state/filters';
import type { Selection } from '../state/selection';
import { townshipTotals } from '../queries/overview';
import { receivingKinds } from '../queries/receivers';
import { reliance } from '../queries/network';
import { loadHeatmap } from '../queries/heatmap';
import type { DeckData } from './findings';

/**
 * The filters a deck is computed under: the place, the townships and the categories. Not the list
 * filter: the slides compare the lists (a deck "of 收回 only" would state that nothing is basic). Not
 * the department-kind filter: two slides rank the department kinds, and the reliance query reads
 * every kind, so the counts beside them would be of other items than the ranking's.
 */
export const deckFilters = (filters: Filters): Filters => ({ ...filters, lists: [], departmentKinds: [] });

/**
 * Asks the query layer every question the deck answers, at the level the views use for this
 * selection (counties or prefectures past thirty townships), all at once.
 */
export async function loadDeck(client: DbClient, filters: Filters, selection: Selection): Promise<DeckData> {
  const f = deckFilters(filters);
  const columns = selection.units.map((u) => ({ key: u.key, townships: selection.unitTownships.get(u.key) ?? 0 }));
  const [totals, receivers, heatmap, relied] = await Promise.all([
    townshipTotals(client, f),
    receivingKinds(client, f, selection.level),
    loadHeatmap(client, f, selection.level, columns),
    reliance(client, f),
  ]);
  return { level: selection.level, totals, receivers, heatmap, reliance: relied };
}
