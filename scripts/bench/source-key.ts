/**
 * What a built site depends on, as one hash: the sources the build and the synthesis import (followed
 * through their relative imports), the lists and reviewed files under data/, and the locked packages.
 * A cached site is reused only while this is unchanged, so its build figures describe today's build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** The relative specifiers a module imports (static, re-exports and dynamic with a literal). */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
}

function resolveModule(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** Every source file reachable from `entries` through relative imports, entries included. */
export function importClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(e));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.[cm]?[jt]s$/.test(file)) continue;
    for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
      const target = resolveModule(file, specifier);
      if (target) queue.push(target);
    }
  }
  return [...seen].sort();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** The hash of a site's inputs: `parts` (size, seed…), then each file's path (from `root`) and bytes. */
export function sourceKey(
  root: string,
  parts: readonly string[],
  entries: readonly string[],
  folders: readonly string[],
  files: readonly string[],
): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part}\0`);
  const all = [
    ...importClosure(entries.map((e) => join(root, e))),
    ...folders.flatMap((d) => filesUnder(join(root, d))),
    ...files.map((f) => join(root, f)),
  ];
  for (const file of [...new Set(all)].sort()) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}
