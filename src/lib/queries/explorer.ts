import { sql, join, type Sql } from '../db/sql';
import type { ListKind } from '../parse/types';
import type { Filters } from '../state/filters';
import { filterClause } from './filter-clause';

/**
 * 事项查询: Chinese substring search across duty names and their steps. The sql.js build has no FTS5,
 * and a tokenizer would need a word list; LIKE on ~1,200 items and ~3,500 steps takes a few ms (see
 * scripts/bench-search.ts), so no bigram index is built. Whitespace separates terms, all of which must match.
 */

/** Escapes LIKE's wildcards so a user's `%` or `_` matches literally (used with ESCAPE '\'). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Terms of a search box: split on (full- or half-width) whitespace, empty terms dropped. */
export const searchTerms = (query: string) => query.split(/[\s\u3000]+/).filter(Boolean);

export interface ExplorerRow {
  id: number;
  township_id: string;
  township: string;
  list: ListKind;
  seq: number;
  category: string;
  name: string;
  duty_group: number;
  /** Departments named for the item (lead for 配合, receiver for 收回), as written, joined by '、'. */
  departments: string | null;
  /** The first step containing the first term, when the name itself does not contain it. */
  matched_step: string | null;
}

function termMatches(term: string): Sql {
  const pattern = `%${escapeLike(term)}%`;
  return sql`(i.name LIKE ${pattern} ESCAPE '\\'
    OR EXISTS (SELECT 1 FROM steps s WHERE s.item_id = i.id AND s.text LIKE ${pattern} ESCAPE '\\'))`;
}

export function searchItems(filters: Filters, query: string): Sql {
  const terms = searchTerms(query);
  const where = join([filterClause(filters, 'i'), ...terms.map(termMatches)], ' AND ');
  const first = terms.length ? `%${escapeLike(terms[0])}%` : null;
  const matchedStep = first
    ? sql`CASE WHEN i.name LIKE ${first} ESCAPE '\\' THEN NULL ELSE
        (SELECT s.text FROM steps s WHERE s.item_id = i.id AND s.text LIKE ${first} ESCAPE '\\'
         ORDER BY s.party, s.ord LIMIT 1) END`
    : sql`NULL`;
  return sql`
    SELECT i.id, i.township_id, t.name AS township, i.list, i.seq, i.category, i.name, i.duty_group,
           (SELECT group_concat(d.name, '、') FROM item_departments idp JOIN departments d ON d.id = idp.department_id
            WHERE idp.item_id = i.id) AS departments,
           ${matchedStep} AS matched_step
    FROM items i JOIN townships t ON t.id = i.township_id
    WHERE ${where}
    ORDER BY t.prefecture, t.county, t.id,
             CASE i.list WHEN 'basic' THEN 0 WHEN 'coop' THEN 1 ELSE 2 END, i.seq`;
}
