/**
 * A `sql` tagged template in the manner of Observable Framework's SQLite client: every interpolated
 * value becomes a bound `?` parameter, so SQL is never assembled by string concatenation.
 *
 *   sql`SELECT * FROM items WHERE township_id IN ${ids} AND list = ${list}`
 *
 * An array expands to `(?, ?, …)`; a nested Sql fragment is spliced in with its own parameters;
 * `raw` marks a trusted identifier or keyword from our own code (never from user input).
 */
export type SqlValue = string | number | null;

export interface Sql {
  readonly text: string;
  readonly params: readonly SqlValue[];
  /**
   * Parts of the served data the statement reads beyond the first-paint summary (see
   * src/lib/atlas/parts.ts): the engine loads them before running it. Absent = none.
   */
  readonly needs?: readonly string[];
}

const RAW = Symbol('raw');
export interface RawSql {
  readonly [RAW]: string;
}
export const raw = (text: string): RawSql => ({ [RAW]: text });

type Interpolated = SqlValue | readonly SqlValue[] | Sql | RawSql;

function isSql(v: unknown): v is Sql {
  return typeof v === 'object' && v !== null && 'text' in v && 'params' in v;
}
function isRaw(v: unknown): v is RawSql {
  return typeof v === 'object' && v !== null && RAW in v;
}

export function sql(strings: TemplateStringsArray, ...values: Interpolated[]): Sql {
  let text = strings[0];
  const params: SqlValue[] = [];
  const needs = new Set<string>();
  values.forEach((value, i) => {
    if (isSql(value)) {
      text += value.text;
      params.push(...value.params);
      for (const need of value.needs ?? []) needs.add(need);
    } else if (isRaw(value)) {
      text += value[RAW];
    } else if (Array.isArray(value)) {
      // An empty IN () is a syntax error in SQLite; (NULL) matches nothing, which is what an empty set means.
      text += value.length ? `(${value.map(() => '?').join(', ')})` : '(NULL)';
      params.push(...value);
    } else {
      text += '?';
      params.push(value as SqlValue);
    }
    text += strings[i + 1];
  });
  return needs.size ? { text, params, needs: [...needs].sort() } : { text, params };
}

/** Joins fragments with a separator, e.g. conditions with ' AND '. */
export function join(fragments: readonly Sql[], separator: string): Sql {
  const needs = [...new Set(fragments.flatMap((f) => f.needs ?? []))].sort();
  const joined = { text: fragments.map((f) => f.text).join(separator), params: fragments.flatMap((f) => f.params) };
  return needs.length ? { ...joined, needs } : joined;
}

/** The same statement, marked as reading the given parts (a table reference adds its part this way). */
export function needing(q: Sql, ...parts: string[]): Sql {
  const needs = [...new Set([...(q.needs ?? []), ...parts])].sort();
  return needs.length ? { ...q, needs } : q;
}

export const empty: Sql = { text: '', params: [] };
