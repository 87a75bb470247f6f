import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AtlasSource } from '../../src/lib/atlas/engine';

/** The served data read from a folder (the site's data/ folder, e.g. public/data): for tests and scripts in Node. */
export function fileSource(dataDir: string): AtlasSource & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched,
    async fetch(path) {
      fetched.push(path);
      return new Uint8Array(await readFile(join(dataDir, path)));
    },
  };
}
