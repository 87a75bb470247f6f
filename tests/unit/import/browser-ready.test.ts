import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The list reader (src/lib/import) is to run in the browser's import worker too: nothing it imports,
 * directly or through the parser, may be Node's. Its packages are the two chosen for running in both.
 */
const ENTRY = fileURLToPath(new URL('../../../src/lib/import/index.ts', import.meta.url));
const SPECIFIER = /^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm;

/** The file a relative import names: `./x` is x.ts, `../parse` its folder's index.ts. */
const moduleFile = (path: string) => [path, `${path}.ts`, `${path}/index.ts`].find((f) => f.endsWith('.ts') && existsSync(f))!;

function importsFrom(entry: string): { modules: string[]; packages: Set<string> } {
  const modules: string[] = [];
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.includes(file)) return;
    modules.push(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      if (specifier.startsWith('.')) visit(moduleFile(resolve(dirname(file), specifier)));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { modules, packages };
}

describe('src/lib/import can run in a Web Worker', () => {
  const { modules, packages } = importsFrom(ENTRY);

  it('imports no Node module, through any of its modules', () => {
    expect(modules.length).toBeGreaterThan(5);
    const node = [...packages].filter((p) => p.startsWith('node:') || builtinModules.includes(p));
    expect(node).toEqual([]);
  });

  it('uses only fflate and @xmldom/xmldom, both pure JavaScript for Node and browsers alike', () => {
    expect([...packages].sort()).toEqual(['@xmldom/xmldom', 'fflate']);
  });
});
