/**
 * 对比 by county, on a synthetic set of 24 townships spread over counties like any lists: the
 * county's duties (at least half of its townships list them), the intersections and the shares, against
 * plain SQL over the set's complete database.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../../scripts/build-db';
import { synthesize, writeLists } from '../../../scripts/synth';
import type { DbClient } from '../../../src/lib/db/client';
import { sql } from '../../../src/lib/db/sql';
import { sqlJsClient } from '../../../src/lib/db/sqljs-client';
import { countyCompareItems } from '../../../src/lib/queries/compare';
import { compareCounties, MAJORITY, type CountyItem } from '../../../src/lib/compare/county-sets';
import { atlasAt, placeIndexOf } from './real-db';
import type { PlaceIndex } from '../../../src/lib/state/selection';

let atlas: DbClient;
let complete: DbClient;
let places: PlaceIndex;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'duty-atlas-compare-'));
  writeLists(synthesize({ townships: 24, seed: 5 }), join(dir, 'lists'));
  await buildDatabase(join(dir, 'lists'), join(dir, 'data/duties.sqlite'));
  atlas = await atlasAt(join(dir, 'data'));
  complete = sqlJsClient(new (await initSqlJs()).Database(readFileSync(join(dir, 'data/duties.sqlite'))));
  places = await placeIndexOf(atlas);
}, 240_000);

describe('对比 by county at scale', () => {
  it('gives each compared county the duties at least half of its townships list', async () => {
    // The two counties with the most townships: a county of one township would compare its list alone.
    const counties = places.places
      .filter((p) => p.level === 'county')
      .sort((a, b) => b.townships - a.townships)
      .slice(0, 2);
    expect(counties.length).toBe(2);
    expect(counties[1].townships).toBeGreaterThan(1);
    const keys = counties.map((c) => c.key);
    const items = await atlas.query<CountyItem>(countyCompareItems(keys));
    const comparison = compareCounties(
      keys,
      counties.map((c) => c.townships),
      items,
    );

    for (const [i, county] of counties.entries()) {
      const ids = places.townshipsUnder(county).map((t) => t.key);
      expect(ids).toHaveLength(county.townships);
      const listing = await complete.query<{ duty_group: number; n: number }>(
        sql`SELECT duty_group, count(DISTINCT township_id) AS n FROM items WHERE township_id IN ${ids} GROUP BY duty_group`,
      );
      const own = new Set(listing.filter((g) => g.n >= MAJORITY * ids.length).map((g) => g.duty_group));
      const shown = new Set(comparison.duties.filter((d) => d.mask & (1 << i)).map((d) => d.dutyGroup));
      expect(shown).toEqual(own);
      expect(own.size).toBeGreaterThan(0);
      // The share beside each compared duty is the townships listing it, from the complete database.
      const n = new Map(listing.map((g) => [g.duty_group, g.n]));
      for (const d of comparison.duties) expect(comparison.shares.get(d.dutyGroup)![i]).toBe(n.get(d.dutyGroup) ?? 0);
    }
    // Every compared duty is some county's, and sits in exactly one intersection.
    expect(comparison.intersections.reduce((sum, s) => sum + s.duties.length, 0)).toBe(comparison.duties.length);
  });
});
