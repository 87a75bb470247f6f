import { beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../../src/lib/db/client';
import { sql } from '../../../src/lib/db/sql';
import { NO_FILTERS, type Filters } from '../../../src/lib/state/filters';
import { selectionOf, type PlaceIndex } from '../../../src/lib/state/selection';
import { loadDeck } from '../../../src/lib/present/load-deck';
import { buildSlides, MAX_BARS, MAX_DUTY_BARS } from '../../../src/lib/present/findings';
import { FINDING_IDS } from '../../../src/lib/present/types';
import { completeDb, placeIndexOf, realDb } from '../queries/real-db';

/**
 * The deck built from the served atlas, through the query layer, against the complete database read
 * with plain SQL: the figures every headline is written from.
 */
let atlas: DbClient;
let complete: DbClient;
let places: PlaceIndex;
beforeAll(async () => {
  atlas = await realDb();
  complete = await completeDb();
  places = await placeIndexOf(atlas);
});

const deckOf = async (filters: Filters) => buildSlides(await loadDeck(atlas, filters, selectionOf(places, filters)));
const byId = <T extends { id: string }>(slides: T[], id: string) => slides.find((s) => s.id === id)!;

describe('the deck of every bundled township', () => {
  it('has one slide per finding, in order, each stating the lists’ counts of the complete database', async () => {
    const slides = await deckOf(NO_FILTERS);
    expect(slides.map((s) => s.id)).toEqual([...FINDING_IDS]);
    const [expected] = await complete.query<Record<string, number>>(sql`
      SELECT (SELECT count(*) FROM townships) AS townships, count(*) AS total, sum(list = 'basic') AS basic,
             sum(list = 'coop') AS coop, sum(list = 'reclaimed') AS reclaimed FROM items`);
    expect(byId(slides, 'lists').figures).toEqual(expected);
    for (const s of slides) expect(s.headline).not.toMatch(/undefined|NaN|null/);
  });

  it('names the department kind receiving the most reclaimed items, and the one leading the most 配合 duties', async () => {
    const slides = await deckOf(NO_FILTERS);
    const byRole = (role: string) =>
      complete.query<{ kind: string; n: number }>(sql`
        SELECT d.kind, count(DISTINCT x.item_id) AS n FROM item_departments x JOIN departments d ON d.id = x.department_id
        WHERE x.role = ${role} GROUP BY d.kind ORDER BY n DESC`);
    const [receivers, leads] = await Promise.all([byRole('receiver'), byRole('lead')]);
    const most = (rows: { kind: string; n: number }[]) => rows.filter((r) => r.n === rows[0].n).map((r) => r.kind);
    expect(byId(slides, 'reclaimed').figures).toMatchObject({ top: most(receivers).sort().join('、'), topDuties: receivers[0].n });
    expect(String(byId(slides, 'reliance').figures.top).split('、').sort()).toEqual(most(leads).sort());
    expect(byId(slides, 'reliance').figures.dutiesLed).toBe(leads[0].n);
    for (const s of slides)
      if (s.chart?.type === 'bar') expect(s.chart.categories.length).toBeLessThanOrEqual(s.id === 'divergent' ? MAX_DUTY_BARS : MAX_BARS);
  });

  it('counts the duties reclaimed in some townships and still carried in others', async () => {
    const slides = await deckOf(NO_FILTERS);
    const [{ n }] = await complete.query<{ n: number }>(sql`
      WITH held AS (SELECT duty_group, township_id, max(list = 'reclaimed') AS reclaimed FROM items GROUP BY duty_group, township_id)
      SELECT count(*) AS n FROM (SELECT duty_group FROM held GROUP BY duty_group HAVING sum(reclaimed) > 0 AND sum(1 - reclaimed) > 0)`);
    expect(byId(slides, 'divergent').figures.duties).toBe(n);
  });
});

describe('a deck scoped to one county', () => {
  it('counts only that county’s townships, one bar per township', async () => {
    const county = places.places.find((p) => p.level === 'county')!;
    const filters = { ...NO_FILTERS, scope: county.key };
    const slides = await deckOf(filters);
    const names = places.townshipsUnder(county).map((t) => t.name);
    const lists = byId(slides, 'lists');
    expect(lists.figures.townships).toBe(names.length);
    expect(lists.chart?.type === 'bar' && [...lists.chart.categories].sort()).toEqual([...names].sort());
    const [counted] = await complete.query<{ total: number }>(sql`
      SELECT count(*) AS total FROM items WHERE township_id IN ${places.townshipsUnder(county).map((t) => t.key)}`);
    expect(lists.figures.total).toBe(counted.total);
  });
});

describe('a deck under a category filter', () => {
  it('counts that category’s items on every slide, and ignores the list and department-kind filters', async () => {
    const [top] = await complete.query<{ category: string; n: number; reclaimed: number }>(sql`
      SELECT category, count(*) AS n, sum(list = 'reclaimed') AS reclaimed FROM items GROUP BY category ORDER BY n DESC LIMIT 1`);
    const [kind] = await complete.query<{ kind: string }>(sql`SELECT kind FROM departments LIMIT 1`);
    const filters: Filters = { ...NO_FILTERS, categories: [top.category], lists: ['coop'], departmentKinds: [kind.kind] };
    const slides = await deckOf(filters);
    expect(byId(slides, 'lists').figures.total).toBe(top.n);
    expect(byId(slides, 'reclaimed').figures.reclaimed).toBe(top.reclaimed);
    const [{ led }] = await complete.query<{ led: number }>(sql`
      SELECT max(n) AS led FROM (SELECT count(DISTINCT x.item_id) AS n FROM item_departments x
        JOIN items i ON i.id = x.item_id JOIN departments d ON d.id = x.department_id
        WHERE x.role = 'lead' AND i.category = ${top.category} GROUP BY d.kind)`);
    expect(byId(slides, 'reliance').figures.dutiesLed).toBe(led);
  });
});
