/**
 * A place in a list file as its reader sees it. The parser only counts lines of text; a reader of a
 * richer format (src/lib/import/docx) says where each line came from — a table row, a paragraph —
 * because that is what its user can find in Word. Refusals carry these as data, so the build can print
 * them in English and the page in Chinese.
 */
export type Where =
  | { line: number }
  | { table: number; row: number }
  | { paragraph: number }
  /** The blank line a Word table ends with in its text export. */
  | { afterTable: number };

/** 'line 12', 'table 2, row 15', 'paragraph 3', 'after table 2': the build's report and developers read these. */
export function whereInEnglish(where: Where): string {
  if ('line' in where) return `line ${where.line}`;
  if ('row' in where) return `table ${where.table}, row ${where.row}`;
  if ('paragraph' in where) return `paragraph ${where.paragraph}`;
  return `after table ${where.afterTable}`;
}

/** Whether `value` is a line of text, the only kind of Where the parser itself writes. */
export function isLine(value: unknown): value is { line: number } {
  return (
    typeof value === 'object' && value !== null && Object.keys(value).length === 1 && typeof (value as { line?: unknown }).line === 'number'
  );
}

/**
 * `value` with every line of text in it replaced by `origin(line)`: a refusal's lines, named the way
 * the file's own reader names them. Walks plain data only (what a refusal is made of).
 */
export function relocate<T>(value: T, origin: (line: number) => Where): T {
  if (isLine(value)) return origin(value.line) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => relocate(v, origin)) as T;
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, relocate(v as unknown, origin)])) as T;
  return value;
}
