import type { ListKind } from '../parse/types';

/**
 * The filters every view shares. An empty array means "no restriction". The whole state is mirrored
 * in the URL (see url-state), so a view can be bookmarked and back/forward work.
 */
export interface Filters {
  townships: string[];
  lists: ListKind[];
  categories: string[];
  departmentKinds: string[];
}

export const NO_FILTERS: Filters = { townships: [], lists: [], categories: [], departmentKinds: [] };

/** Toggles one value in a filter dimension: clicking a bar twice clears its filter again. */
export function toggle<K extends keyof Filters>(filters: Filters, key: K, value: Filters[K][number]): Filters {
  const current = filters[key] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [key]: next };
}
