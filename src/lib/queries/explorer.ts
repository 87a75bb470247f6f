import { group } from 'd3';
import { sql, raw, needing, type Sql } from '../db/sql';
import type { ListKind } from '../parse/types';
import type { Filters } from '../state/filters';
import { listNameSql } from '../atlas/codes';
import { namesNeed, stepsNeed, textNeed } from '../atlas/parts';
import { searchNeed } from '../atlas/search-need';
import { factClause, itemCube, usesKinds } from './filter-clause';

/**
 * 事项查询: Chinese substring search across duty names and their steps, with the shared filters.
 *
 * The terms are looked up in the build's character-pair index (src/lib/search): its matches equal
 * LIKE '%term%' on the name or any step, without loading any text. The engine puts them in
 * search_hits; the facts give the order, the filters and the count; a page of rows then reads the
 * text of its counties only. Whitespace separates terms, all of which must match.
 */

/** Escapes LIKE's wildcards so a user's `%` or `_` matches literally (used with ESCAPE '\'). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Terms of a search box: split on (full- or half-width) whitespace, empty terms dropped. */
export const searchTerms = (query: string) => query.split(/[\s\u3000]+/).filter(Boolean);

/** Joins fact_items f to the search's matches, when there are terms. */
function hits(query: string): Sql {
  const terms = searchTerms(query);
  return terms.length ? needing(sql`JOIN search_hits h ON h.item = f.id`, searchNeed(terms)) : sql``;
}

/**
 * How many items the list holds. With terms, the matches drive it: SQLite knows nothing of the
 * temporary table's size, and would scan every item. Without terms and without a department-kind
 * filter, the summary's item cube holds the same number (items per township × list × category,
 * summed per county where no township filter applies): counting a region's 279,439 facts under a
 * category filter took longer than the rest of the redraw. Under one department kind, the network's
 * kind cube holds it (see itemCube).
 */
export function searchCountSql(filters: Filters, query: string): Sql {
  if (searchTerms(query).length)
    return needing(
      sql`SELECT count(*) AS count FROM search_hits h CROSS JOIN fact_items f ON f.id = h.item WHERE ${factClause(filters, 'f')}`,
      searchNeed(searchTerms(query)),
    );
  // Several kinds: an item naming two of them counts once, which only the facts know (itemCube).
  if (usesKinds(filters) && filters.departmentKinds.length > 1)
    return sql`SELECT count(*) AS count FROM fact_items f WHERE ${factClause(filters, 'f')}`;
  return sql`SELECT coalesce(sum(items), 0) AS count FROM (${itemCube(filters, [], 'county')})`;
}

export interface ExplorerRow {
  id: number;
  township_id: string;
  township: string;
  /** The county's place id: which text part holds the row's name and steps. */
  county: number;
  list: ListKind;
  seq: number;
  category: string;
  duty_group: number;
}

/** One page of matching items, without their text. */
export function searchPageSql(filters: Filters, query: string, offset: number, limit: number): Sql {
  return sql`
    SELECT f.id, t.id AS township_id, t.name AS township, f.county, ${raw(listNameSql('f.list'))} AS list, f.seq,
           c.name AS category, f.duty_group
    FROM fact_items f ${hits(query)}
    JOIN townships t ON t.place = f.township
    JOIN categories c ON c.id = f.category
    WHERE ${factClause(filters, 'f')}
    ORDER BY f.township, f.list, f.seq
    LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * Where an item stands in the results (its 0-based row), or no row when it does not match: how
 * many matching items come before it in display order. The list scrolls to an item opened from
 * another view without fetching the pages before it.
 */
export function searchPositionSql(filters: Filters, query: string, itemId: number): Sql {
  return sql`
    WITH it AS (SELECT township, list, seq FROM fact_items f WHERE f.id = ${itemId} AND ${factClause(filters, 'f')}
                ${searchTerms(query).length ? sql`AND f.id IN (SELECT item FROM search_hits)` : sql``})
    SELECT (SELECT count(*) FROM fact_items f ${hits(query)}
            WHERE ${factClause(filters, 'f')}
              AND (f.township, f.list, f.seq) < (SELECT township, list, seq FROM it)) AS position
    FROM it`;
}

export interface ExplorerTextRow {
  id: number;
  name: string;
  /** Departments named for the item (lead for 配合, receiver for 收回), as written, joined by '、'. */
  departments: string | null;
  /** The first step containing the first term, when the name itself does not contain it. */
  matched_step: string | null;
}

/** A row whose text is read: its item and the county whose text part holds it. */
export interface TextRowRef {
  id: number;
  county: number;
}

/**
 * The text of some rows, from their counties' text parts: their names alone without a search term;
 * with one, the step each row matched in too. `grain` says what of a county's steps is copied in for
 * that: the rows' own ('rows': a screen of results, a millisecond where a county's whole steps took
 * 40–100 ms at 1,100 townships), or all of them ('counties': an export reading every result).
 */
export function explorerTextSql(rows: readonly TextRowRef[], query: string, grain: 'rows' | 'counties' = 'rows'): Sql {
  const ids = rows.map((r) => r.id);
  const byCounty = group(rows, (r) => r.county);
  const terms = searchTerms(query);
  const first = terms.length ? `%${escapeLike(terms[0])}%` : null;
  const matchedStep = first
    ? sql`CASE WHEN x.name LIKE ${first} ESCAPE '\\' THEN NULL ELSE
        (SELECT s.text FROM step_text s WHERE s.item = x.item AND s.text LIKE ${first} ESCAPE '\\'
         ORDER BY s.party, s.ord LIMIT 1) END`
    : sql`NULL`;
  return needing(
    sql`
      SELECT x.item AS id, x.name,
             (SELECT group_concat(d.name, '、') FROM fact_departments fd JOIN departments d ON d.id = fd.department
              WHERE fd.item = x.item) AS departments,
             ${matchedStep} AS matched_step
      FROM item_text x WHERE x.item IN ${ids}`,
    'facts',
    // Without a term no step is read: the counties' names are enough (see namesNeed).
    ...[...byCounty].map(([county, countyRows]) =>
      !first
        ? namesNeed(county)
        : grain === 'counties'
          ? textNeed(county)
          : stepsNeed(
              county,
              countyRows.map((r) => r.id),
            ),
    ),
  );
}
