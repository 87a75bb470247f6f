import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No SQL is assembled from strings: every statement that takes a value is written with the `sql`
 * tagged template (src/lib/db/sql.ts), which binds each value as a parameter. This reads every
 * TypeScript source of the app and of the build, and lists each SQL text built by an untagged
 * template with `${…}` or by `+`. The few that splice something in splice identifiers our own code
 * chose (a table, an alias), never input; each is named below with why, and a new one fails here
 * until it is rewritten with `sql` or argued for.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SQL_WORDS = /\b(SELECT|INSERT|UPDATE|DELETE|WHERE|FROM|JOIN|ATTACH|DETACH|PRAGMA|CREATE|DROP|VALUES|LIKE)\b/;

/** Spliced SQL that is allowed: `file: spliced expression` → why it holds no input. */
const ALLOWED: Record<string, string> = {
  'src/lib/atlas/attach.ts: alias':
    'ATTACH/DETACH take no parameter for the schema name; the alias is a constant of the engine, checked as [a-z_][a-z0-9_]* before use',
  "src/lib/db/bulk-insert.ts: table, columns.join(', ')":
    'the table and its columns are named by the build and the import from the schema; every value is bound (? per cell)',
  'scripts/lib/decision-paths.ts: table':
    'an evaluation script reading every table of a database the build itself wrote; it reads, binds nothing',
  'scripts/bench/figures.ts: t.term, t.found, t.likeFound': 'not SQL: a line of the benchmark report that says "LIKE"',
};

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });

/** Each SQL text in `file` built by splicing: `file: the spliced expressions`. */
function splicedSql(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const name = relative(ROOT, file);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTemplateExpression(node) && !ts.isTaggedTemplateExpression(node.parent)) {
      const literal = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (SQL_WORDS.test(literal)) found.push(`${name}: ${node.templateSpans.map((s) => s.expression.getText(source)).join(', ')}`);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const sides = [node.left, node.right];
      if (sides.some((side) => ts.isStringLiteralLike(side) && SQL_WORDS.test(side.text)))
        found.push(
          `${name}: ${sides
            .filter((side) => !ts.isStringLiteralLike(side))
            .map((side) => side.getText(source))
            .join(', ')}`,
        );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('SQL is never assembled from strings', () => {
  const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'scripts'))];
  const spliced = files.flatMap(splicedSql);

  it('reads the sources it guards', () => {
    expect(files.some((f) => f.endsWith('src/lib/queries/explorer.ts'))).toBe(true);
  });

  it('splices nothing but the identifiers named here', () => {
    expect(spliced.filter((s) => !(s in ALLOWED))).toEqual([]);
  });

  it('names no splice that is gone (the list stays true)', () => {
    expect(Object.keys(ALLOWED).filter((s) => !spliced.includes(s))).toEqual([]);
  });

  it('views write no SQL: they call the queries of src/lib/queries', () => {
    const views = [
      ...sources(join(ROOT, 'src/views')),
      ...readdirSync(join(ROOT, 'src/views'), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.svelte'))
        .map((f) => join(ROOT, 'src/views', f)),
    ];
    expect(views.filter((f) => /\bsql`|\bSELECT\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f))).toEqual([]);
  });
});
