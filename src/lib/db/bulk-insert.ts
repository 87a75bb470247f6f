import type { Database } from 'sql.js';

/** Rows per INSERT statement: one multi-row statement binds many rows at once, which sql.js does far faster than one row a call. */
const ROWS_PER_STATEMENT = 256;

/**
 * Inserts `rows` into `table`, `columns` in order, with multi-row INSERT statements. Binding a
 * whole batch in one call avoids sql.js's per-call overhead, which dominates a build of a region's
 * lists (a million rows): about three times faster than one prepared INSERT per row.
 */
export function insertRows<Row extends object>(
  db: Database,
  table: string,
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): void {
  if (rows.length === 0) return;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const prefix = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const full = db.prepare(prefix + Array(Math.min(ROWS_PER_STATEMENT, rows.length)).fill(tuple).join(', '));
  const values: (string | number | null)[] = [];
  try {
    let start = 0;
    for (; start + ROWS_PER_STATEMENT <= rows.length; start += ROWS_PER_STATEMENT) {
      values.length = 0;
      for (let r = start; r < start + ROWS_PER_STATEMENT; r++)
        for (const c of columns) values.push(rows[r][c] as unknown as string | number | null);
      full.run(values);
    }
    const rest = rows.length - start;
    if (rest > 0) {
      values.length = 0;
      for (let r = start; r < rows.length; r++) for (const c of columns) values.push(rows[r][c] as unknown as string | number | null);
      // Fewer rows than one batch in all: `full` was prepared for exactly that many.
      if (rows.length < ROWS_PER_STATEMENT) full.run(values);
      else {
        const tail = db.prepare(prefix + Array(rest).fill(tuple).join(', '));
        try {
          tail.run(values);
        } finally {
          tail.free();
        }
      }
    }
  } finally {
    full.free();
  }
}
