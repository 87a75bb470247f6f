import type { ListKind } from '../parse/types';

/**
 * The filters every view shares. An empty array means "no restriction". The whole state is mirrored
 * in the URL (see url-state), so a view can be bookmarked and back/forward work.
 */
export interface Filters {
  /**
   * The place every view is drilled into: a prefecture's or county's key (places.key), or null for
   * every township loaded. The breadcrumbs show it; the other filters apply within it.
   */
  scope: string | null;
  townships: string[];
  lists: ListKind[];
  categories: string[];
  departmentKinds: string[];
}

/** The filters that hold a set of values (every one but the scope). */
export type SetFilter = 'townships' | 'lists' | 'categories' | 'departmentKinds';
export const SET_FILTERS: readonly SetFilter[] = ['townships', 'lists', 'categories', 'departmentKinds'];

export const NO_FILTERS: Filters = { scope: null, townships: [], lists: [], categories: [], departmentKinds: [] };

/** Toggles one value in a filter dimension: clicking a bar twice clears its filter again. */
export function toggle<K extends SetFilter>(filters: Filters, key: K, value: Filters[K][number]): Filters {
  const current = filters[key] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [key]: next };
}
