import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Duty texts come from documents we do not control and may contain things that look like markup
 * (凉州户镇 writes 乡<镇>村). They must reach the page as text only: no {@html}, no innerHTML.
 */
const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(svelte|ts)$/.test(name) ? [path] : [];
  });

describe('data is shown as text, never executed as markup', () => {
  const sources = files(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  it('finds the sources it guards', () => {
    expect(sources.some((s) => s.path.endsWith('.svelte'))).toBe(true);
  });

  it.each(['{@html', '.innerHTML', '.outerHTML', 'insertAdjacentHTML', 'document.write', '.html('])('no source uses %s', (pattern) => {
    expect(sources.filter((s) => s.text.includes(pattern)).map((s) => s.path)).toEqual([]);
  });
});
