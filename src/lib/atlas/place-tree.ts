/**
 * The place tree (prefecture → county → township) the views aggregate and drill by, built from the
 * complete database's townships. A place's key is what the URL carries: a township keeps its id
 * (the township filter's value); a county or prefecture its official code where the build knew the
 * place, else a key built from its names — readable, and stable across rebuilds of the same lists.
 */

export type PlaceLevel = 'prefecture' | 'county' | 'township';

/** What the tree needs of a township row (the official codes are null where the place is unknown). */
export interface TownshipPlaceInput {
  id: string;
  name: string;
  county: string;
  prefecture: string;
  code?: string | null;
  county_code?: string | null;
  prefecture_code?: string | null;
}

export interface PlaceNode {
  id: number;
  key: string;
  level: PlaceLevel;
  parent: number | null;
  name: string;
  code: string | null;
  townships: number;
  ord: number;
}

export interface PlaceTree {
  places: PlaceNode[];
  /** For each township id: its own, its county's and its prefecture's place ids. */
  ofTownship: Map<string, { township: number; county: number; prefecture: number }>;
}

const zh = new Intl.Collator('zh-CN');

/** Known places in code order first, then the rest by name. */
function compareKeys(a: { code: string | null; name: string }, b: { code: string | null; name: string }): number {
  if (a.code && b.code) return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  if (a.code || b.code) return a.code ? -1 : 1;
  return zh.compare(a.name, b.name);
}

export function buildPlaceTree(townships: TownshipPlaceInput[]): PlaceTree {
  interface Draft {
    key: string;
    level: PlaceLevel;
    name: string;
    code: string | null;
    parentKey: string | null;
    townships: number;
  }
  const drafts = new Map<string, Draft>();
  const keysOf = new Map<string, { township: string; county: string; prefecture: string }>();
  const add = (draft: Omit<Draft, 'townships'>) => {
    const existing = drafts.get(draft.key);
    if (existing) existing.townships++;
    else drafts.set(draft.key, { ...draft, townships: 1 });
  };

  for (const t of townships) {
    const prefectureKey = t.prefecture_code ?? `${t.prefecture}`;
    const countyKey = t.county_code ?? `${t.prefecture}/${t.county}`;
    add({ key: prefectureKey, level: 'prefecture', name: t.prefecture, code: t.prefecture_code ?? null, parentKey: null });
    add({ key: countyKey, level: 'county', name: t.county, code: t.county_code ?? null, parentKey: prefectureKey });
    if (drafts.has(t.id)) throw new Error(`place tree: township id ${t.id} is also the key of another place`);
    add({ key: t.id, level: 'township', name: t.name, code: t.code ?? null, parentKey: countyKey });
    keysOf.set(t.id, { township: t.id, county: countyKey, prefecture: prefectureKey });
  }

  // Ids in display order: each prefecture, then its counties, each followed by its townships.
  const children = new Map<string | null, Draft[]>();
  for (const d of drafts.values()) {
    const list = children.get(d.parentKey) ?? [];
    list.push(d);
    children.set(d.parentKey, list);
  }
  const places: PlaceNode[] = [];
  const idOf = new Map<string, number>();
  const visit = (parentKey: string | null, parent: number | null) => {
    const list = (children.get(parentKey) ?? []).sort(compareKeys);
    list.forEach((d, index) => {
      const id = places.length + 1;
      idOf.set(d.key, id);
      places.push({ id, key: d.key, level: d.level, parent, name: d.name, code: d.code, townships: d.townships, ord: index + 1 });
      visit(d.key, id);
    });
  };
  visit(null, null);

  const ofTownship = new Map<string, { township: number; county: number; prefecture: number }>();
  for (const [id, keys] of keysOf)
    ofTownship.set(id, { township: idOf.get(keys.township)!, county: idOf.get(keys.county)!, prefecture: idOf.get(keys.prefecture)! });
  return { places, ofTownship };
}
