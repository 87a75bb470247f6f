import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What the page evaluates before its first chart: the entry (src/main.ts), the app it imports
 * (src/app.ts) and the first view (总览), each with everything it imports statically. Code that only
 * reading a list, exporting or presenting needs must stay out of it: evaluating @xmldom/xmldom alone
 * held the main thread ~25 ms before the first chart, although the shell never reads a list.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ROOTS = ['src/main.ts', 'src/app.ts', 'src/views/OverviewView.svelte'];

// A value import (`import type` is erased; `import { type A }` is kept, as an import for its side
// effects, under verbatimModuleSyntax) or a bare `import './x'`. Dynamic import() is not followed.
const STATIC_IMPORT = /^\s*(?:import(?!\s+type\s)\s[^'";]*?from\s+|import\s+|export\s[^'";]*?from\s+)'([^']+)'/gm;

/** The file a relative specifier names, as Vite resolves it for this project's sources. */
function moduleFile(path: string): string {
  const candidates = [path, `${path}.ts`, `${path}/index.ts`];
  const found = candidates.find((f) => /\.(ts|svelte|js|json|css)$/.test(f) && existsSync(f));
  if (!found) throw new Error(`cannot resolve ${path}`);
  return found;
}

/** The source of a module as far as imports go: a component's scripts, or the file. */
const importsOf = (file: string) =>
  file.endsWith('.svelte')
    ? [...readFileSync(file, 'utf8').matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
    : readFileSync(file, 'utf8');

function staticGraph(roots: string[]): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    if (!/\.(ts|svelte|js)$/.test(file)) return;
    for (const [, specifier] of importsOf(file).matchAll(STATIC_IMPORT)) {
      // A `?url` import is a file's address (the wasm the worker compiles), not code evaluated here.
      if (specifier.endsWith('?url')) continue;
      if (specifier.startsWith('.')) visit(moduleFile(resolve(dirname(file), specifier)));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
    }
  };
  for (const root of roots) visit(resolve(ROOT, root));
  return { modules: new Set([...modules].map((m) => relative(ROOT, m).replace(/\\/g, '/'))), packages };
}

describe('the code evaluated before the first chart', () => {
  const { modules, packages } = staticGraph(ROOTS);

  it('reaches the shell, the data connection and the first view', () => {
    // The walk itself works: it finds what the first chart does need.
    for (const needed of ['src/App.svelte', 'src/lib/state/early-start.ts', 'src/lib/components/FilterBar.svelte'])
      expect(modules).toContain(needed);
    expect(packages).toContain('svelte');
  });

  it('holds neither the list reader nor the libraries of import, export and presenting', () => {
    expect(
      [...packages].filter((p) => ['@xmldom/xmldom', 'fflate', 'exceljs', 'pptxgenjs', 'sql.js', 'docx', 'idb-keyval'].includes(p)),
    ).toEqual([]);
    // The parser's vocabulary (parse/types.ts: the three lists) is shared; the readers of files are not.
    expect(
      [...modules].filter((m) => /^src\/lib\/(import\/(list-file|add-lists|merge-lists|docx\/)|parse\/(index|parse-list|decode))/.test(m)),
    ).toEqual([]);
  });
});
