import type { Filters } from '../state/filters';
import { sql, join, raw, type Sql } from '../db/sql';

/**
 * The WHERE conditions the shared filters impose on an `items` row aliased `alias`. The department-kind
 * filter keeps items that involve a department of that kind, as lead or receiver.
 * Returns `1 = 1` when nothing is filtered so callers can always write `WHERE ${clause}`.
 */
export function filterClause(filters: Filters, alias = 'i', omit: (keyof Filters)[] = []): Sql {
  const a = raw(alias);
  const parts: Sql[] = [];
  const use = (k: keyof Filters) => !omit.includes(k) && filters[k].length > 0;
  if (use('townships')) parts.push(sql`${a}.township_id IN ${filters.townships}`);
  if (use('lists')) parts.push(sql`${a}.list IN ${filters.lists}`);
  if (use('categories')) parts.push(sql`${a}.category IN ${filters.categories}`);
  if (use('departmentKinds'))
    parts.push(
      sql`EXISTS (SELECT 1 FROM item_departments fd JOIN departments fdep ON fdep.id = fd.department_id
                  WHERE fd.item_id = ${a}.id AND fdep.kind IN ${filters.departmentKinds})`,
    );
  return parts.length ? join(parts, ' AND ') : sql`1 = 1`;
}
