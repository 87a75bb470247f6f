import type { DbClient } from '../lib/db/client';
import type { Filters } from '../lib/state/filters';
import type { PlaceIndex, Selection } from '../lib/state/selection';
import type { ViewId } from '../lib/ui/strings';

/** What App.svelte passes to every view. See README.md beside this file. */
export interface ViewProps {
  client: DbClient;
  filters: Filters;
  setFilters: (f: Filters) => void;
  params: Record<string, string>;
  setParams: (p: Record<string, string>) => void;
  openItem: (itemId: number) => void;
  /** Shows another view under other filters: a finding's link to the chart that shows it. */
  showView: (view: ViewId, filters: Filters) => void;
  /** The loaded places (prefectures, counties, townships), indexed. */
  places: PlaceIndex;
  /** The townships shown and the level the views aggregate at (derived from `filters`). */
  selection: Selection;
  /** Drills into a place (a prefecture's or county's key; null for all): the scope filter, township filter cleared. */
  drill: (placeKey: string | null) => void;
  /**
   * Ids of the townships whose lists the reader added in the page (the 数据 panel), kept in the
   * database's meta: every view marks them （导入）, and a county or prefecture holding one （含导入）
   * (`importedMarks` in src/lib/state/imported-marks.ts turns them into marks by place key).
   */
  imported: ReadonlySet<string>;
}
