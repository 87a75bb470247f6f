import type { DbClient } from '../lib/db/client';
import type { Filters } from '../lib/state/filters';
import type { PlaceIndex, Selection } from '../lib/state/selection';

/** What App.svelte passes to every view. See README.md beside this file. */
export interface ViewProps {
  client: DbClient;
  filters: Filters;
  setFilters: (f: Filters) => void;
  params: Record<string, string>;
  setParams: (p: Record<string, string>) => void;
  openItem: (itemId: number) => void;
  /** The loaded places (prefectures, counties, townships), indexed. */
  places: PlaceIndex;
  /** The townships shown and the level the views aggregate at (derived from `filters`). */
  selection: Selection;
  /** Drills into a place (a prefecture's or county's key; null for all): the scope filter, township filter cleared. */
  drill: (placeKey: string | null) => void;
}
