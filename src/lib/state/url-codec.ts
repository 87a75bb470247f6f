import { LIST_KINDS, type ListKind } from '../parse/types';
import { VIEW_LABELS, type ViewId } from '../ui/strings';
import type { Filters } from './filters';

/**
 * Everything the dashboard shows is a function of this state, and this state is the URL's query
 * string: a view can be bookmarked, shared, and back/forward restore it.
 *
 *   ?view=explorer&p=6523&t=650422104&t=652301105&l=reclaimed&c=党的建设&k=农业农村局&q=检疫&item=812&net.merge=0
 *
 * `p` is the place the views are drilled into (a prefecture's or county's key); `t` a township's id
 * (src/lib/model/township-id.ts: its official code, or an id derived from its names).
 *
 * Multi-valued filters repeat their key (no separator to escape). Every key not reserved below belongs
 * to the free-form per-view `params` bag; views namespace their keys (`net.merge`, `heat.group`).
 */
export interface AppState {
  view: ViewId;
  filters: Filters;
  /** Explorer search text. */
  query: string;
  /** The item whose detail panel is open. */
  item: number | null;
  params: Record<string, string>;
}

export const DEFAULT_VIEW: ViewId = 'overview';

const KEYS = {
  view: 'view',
  scope: 'p',
  townships: 't',
  lists: 'l',
  categories: 'c',
  departmentKinds: 'k',
  query: 'q',
  item: 'item',
} as const;
const RESERVED = new Set<string>(Object.values(KEYS));

const isView = (v: string | null): v is ViewId => v !== null && Object.hasOwn(VIEW_LABELS, v);
const isList = (v: string): v is ListKind => (LIST_KINDS as readonly string[]).includes(v);
const unique = <T>(values: T[]) => [...new Set(values)];

export function decodeState(search: string): AppState {
  const p = new URLSearchParams(search);
  const view = p.get(KEYS.view);
  const item = Number(p.get(KEYS.item));
  const params: Record<string, string> = {};
  for (const [key, value] of p) if (!RESERVED.has(key)) params[key] = value;
  return {
    view: isView(view) ? view : DEFAULT_VIEW,
    filters: {
      scope: p.get(KEYS.scope) || null,
      townships: unique(p.getAll(KEYS.townships).filter(Boolean)),
      lists: unique(p.getAll(KEYS.lists).filter(isList)),
      categories: unique(p.getAll(KEYS.categories).filter(Boolean)),
      departmentKinds: unique(p.getAll(KEYS.departmentKinds).filter(Boolean)),
    },
    query: p.get(KEYS.query) ?? '',
    item: Number.isInteger(item) && item > 0 ? item : null,
    params,
  };
}

/** The query string (with leading '?', or '' for the default state). Keys in a stable order. */
export function encodeState(state: AppState): string {
  const p = new URLSearchParams();
  if (state.view !== DEFAULT_VIEW) p.set(KEYS.view, state.view);
  if (state.filters.scope) p.set(KEYS.scope, state.filters.scope);
  for (const t of state.filters.townships) p.append(KEYS.townships, t);
  for (const l of state.filters.lists) p.append(KEYS.lists, l);
  for (const c of state.filters.categories) p.append(KEYS.categories, c);
  for (const k of state.filters.departmentKinds) p.append(KEYS.departmentKinds, k);
  if (state.query) p.set(KEYS.query, state.query);
  if (state.item !== null) p.set(KEYS.item, String(state.item));
  for (const key of Object.keys(state.params).sort()) {
    if (RESERVED.has(key)) continue; // a view cannot shadow the shared state
    p.set(key, state.params[key]);
  }
  const text = p.toString();
  return text ? `?${text}` : '';
}
