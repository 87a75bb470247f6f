import type { PlaceLevel, PlaceRow } from '../queries/places';
import type { Filters } from './filters';

/**
 * Which townships the views show, and at which level they aggregate them.
 *
 * A bar or a column per township stops being readable past about thirty. So every view shows the
 * units of one level: townships when the selection holds few enough, else the counties they belong
 * to, else the prefectures. Drilling into a place (the `scope` filter) narrows the selection to it:
 * a prefecture's counties, a county's townships.
 */

/** Most units a chart shows side by side. */
export const FIT = 30;

/** The place tree, indexed. Built once when the data opens. */
export class PlaceIndex {
  readonly byKey = new Map<string, PlaceRow>();
  readonly byId = new Map<number, PlaceRow>();
  private readonly childrenOf = new Map<number | null, PlaceRow[]>();

  constructor(readonly places: readonly PlaceRow[]) {
    for (const p of places) {
      this.byKey.set(p.key, p);
      this.byId.set(p.id, p);
      const siblings = this.childrenOf.get(p.parent) ?? [];
      siblings.push(p);
      this.childrenOf.set(p.parent, siblings);
    }
  }

  children(place: PlaceRow | null): PlaceRow[] {
    return this.childrenOf.get(place?.id ?? null) ?? [];
  }

  /** The place and its ancestors, outermost first. */
  path(place: PlaceRow | null): PlaceRow[] {
    const path: PlaceRow[] = [];
    for (let p = place; p; p = p.parent === null ? null : (this.byId.get(p.parent) ?? null)) path.unshift(p);
    return path;
  }

  /**
   * Every township under a place (all of them for null), in display order. The tree never changes,
   * so each place's list is gathered once: every change of the URL asks for the scope's (the shell's
   * selection, the filter bar, the views), a thousand townships each at a region's size. The list is
   * shared: read it, never change it.
   */
  townshipsUnder(place: PlaceRow | null): readonly PlaceRow[] {
    if (place?.level === 'township') return [place];
    const key = place?.id ?? null;
    let under = this.under.get(key);
    if (!under) {
      under = this.children(place).flatMap((child) => this.townshipsUnder(child));
      this.under.set(key, under);
    }
    return under;
  }
  private readonly under = new Map<number | null, readonly PlaceRow[]>();

  /** The ancestor of a township at `level` (the township itself for 'township'). */
  ancestorAt(township: PlaceRow, level: PlaceLevel): PlaceRow {
    let p: PlaceRow | undefined = township;
    while (p && p.level !== level) p = p.parent === null ? undefined : this.byId.get(p.parent);
    if (!p) throw new Error(`place ${township.key} has no ${level}`);
    return p;
  }

  get townshipCount(): number {
    return (this.townships ??= this.places.filter((p) => p.level === 'township').length);
  }
  private townships: number | undefined;
}

export interface Selection {
  /** The place drilled into; null for everything loaded (or an unknown key in the URL). */
  scope: PlaceRow | null;
  /** Breadcrumbs: the scope and its ancestors, outermost first. */
  path: PlaceRow[];
  /** The townships shown: those in scope, narrowed by the township filter (which the app keeps within the scope). */
  townships: readonly PlaceRow[];
  /** The level the views aggregate at, and its units (each holding at least one selected township). */
  level: PlaceLevel;
  units: PlaceRow[];
  /** Whether the views aggregate (the selection holds more townships than fit). */
  aggregated: boolean;
  /** Townships shown per unit (by key): the base of a unit's shares and averages. */
  unitTownships: Map<string, number>;
  /** Place ids of the counties the townships shown belong to: whose text parts hold their names and steps. */
  counties: number[];
}

/**
 * The filters with the places the data does not hold taken out: a link or bookmark made on other
 * lists names a county or townships these lists lack. Queries find nothing there, while the
 * selection reads an unknown scope as everything, so the page said "all townships" over empty
 * charts. A township named as the scope (a hand-made link; drilling stops at counties) becomes the
 * township filter within its county. Returns `filters` itself when every place is known.
 */
export function knownPlaces(filters: Filters, index: PlaceIndex): Filters {
  let { scope, townships } = filters;
  const place = scope === null ? null : index.byKey.get(scope);
  if (scope !== null && place?.level === 'township') {
    townships = [...new Set([...townships, place.key])];
    scope = place.parent === null ? null : (index.byId.get(place.parent)?.key ?? null);
  } else if (scope !== null && !place) scope = null;
  const known = townships.filter((key) => index.byKey.get(key)?.level === 'township');
  if (scope === filters.scope && known.length === filters.townships.length) return filters;
  return { ...filters, scope, townships: known };
}

export function selectionOf(index: PlaceIndex, filters: Filters, fit = FIT): Selection {
  const scope = filters.scope ? (index.byKey.get(filters.scope) ?? null) : null;
  const inScope = index.townshipsUnder(scope);
  const picked = new Set(filters.townships);
  const townships = picked.size ? inScope.filter((t) => picked.has(t.key)) : inScope;
  const unitsAt = (level: PlaceLevel) => {
    const seen = new Map<number, PlaceRow>();
    for (const t of townships) {
      const unit = index.ancestorAt(t, level);
      seen.set(unit.id, unit);
    }
    return [...seen.values()];
  };
  const countAt = (level: PlaceLevel) => {
    const counts = new Map<string, number>();
    for (const t of townships) {
      const key = index.ancestorAt(t, level).key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  // A county is always shown township by township (drilling ends there), a prefecture by county.
  let level: PlaceLevel = 'township';
  if (townships.length > fit && scope?.level !== 'county') {
    level = scope?.level === 'prefecture' || unitsAt('county').length <= fit ? 'county' : 'prefecture';
  }
  return {
    scope,
    path: index.path(scope),
    townships,
    level,
    units: unitsAt(level),
    aggregated: level !== 'township',
    unitTownships: countAt(level),
    counties: unitsAt('county').map((c) => c.id),
  };
}

/**
 * The scope that keeps `scope` as narrow as it can while holding `township`: the scope itself when
 * the township is in it, else the deepest place that holds both (null: every township). The township
 * picker searches every township, and picking one outside the place drilled into widens the scope
 * to it, so the township filter never names a township the views leave out.
 */
export function scopeIncluding(index: PlaceIndex, scope: string | null, township: string): string | null {
  const target = index.byKey.get(township);
  const current = scope ? (index.byKey.get(scope) ?? null) : null;
  if (!target || !current) return null;
  const ancestors = new Set(index.path(target).map((p) => p.key));
  const shared = index.path(current).filter((p) => ancestors.has(p.key));
  return shared.length ? shared[shared.length - 1].key : null;
}

/**
 * The part of a view's answer key that the scope gives: the place drilled into, the township filter,
 * the category filter, the level and the units shown with their township counts. The views' props are
 * new objects on every change of the URL; a view that reloads only when its key (this, and what else it
 * reads) changes draws nothing again for a filter it ignores.
 */
export function scopeKey(filters: Pick<Filters, 'scope' | 'townships' | 'categories'>, selection: Selection): unknown[] {
  return [
    filters.scope,
    filters.townships,
    filters.categories,
    selection.level,
    selection.units.map((u) => [u.key, selection.unitTownships.get(u.key) ?? 0]),
  ];
}
