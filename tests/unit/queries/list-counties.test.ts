import { beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { searchCountSql, searchPageSql, type ExplorerRow } from '../../../src/lib/queries/explorer';
import { NO_FILTERS } from '../../../src/lib/state/filters';
import type { PlaceIndex } from '../../../src/lib/state/selection';
import { firstListCounties } from '../../../src/views/explorer/list-counties';
import { placeIndexOf, realDb } from './real-db';

let db: DbClient;
let places: PlaceIndex;
beforeAll(async () => {
  db = await realDb();
  places = await placeIndexOf(db);
});

/** The counties of the explorer's rows, in the order the list reaches them. */
async function listedCounties(scope: string | null, query: string): Promise<number[]> {
  const filters = { ...NO_FILTERS, scope };
  const [{ count }] = await db.query<{ count: number }>(searchCountSql(filters, query));
  const rows = await db.query<ExplorerRow>(searchPageSql(filters, query, 0, count));
  return [...new Set(rows.map((r) => r.county))];
}

describe('firstListCounties: the counties the explorer’s list starts in, whose text a search shows first', () => {
  const scopes = () => [null, ...places.places.filter((p) => p.level !== 'township').map((p) => p.key)];

  it('names the counties in the order the list reaches them, in every scope', async () => {
    for (const scope of scopes()) {
      const place = scope === null ? null : places.byKey.get(scope)!;
      const all = firstListCounties(places, place, Infinity);
      expect(all.length).toBeGreaterThan(0);
      // Without a term the list holds every county under the scope, in this order.
      expect(await listedCounties(scope, '')).toEqual(all);
      // A search skips counties without a match, never reorders them: its first rows are in the first of these that match.
      for (const term of ['网格', '处罚', '消防', '宗教']) {
        const searched = await listedCounties(scope, term);
        expect(searched).toEqual(all.filter((c) => searched.includes(c)));
      }
      expect(firstListCounties(places, place, 1)).toEqual(all.slice(0, 1));
    }
  });

  it('names a county scope itself', () => {
    const county = places.places.find((p) => p.level === 'county')!;
    expect(firstListCounties(places, county, 3)).toEqual([county.id]);
  });
});
