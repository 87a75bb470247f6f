/**
 * The real served data for query tests: public/data (the atlas derived from the bundled lists)
 * opened by the same AtlasEngine the browser's worker runs, on the same engine (sql.js), reading
 * files instead of fetching them. If it has not been built yet, it is built here first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { AtlasEngine } from '../../../src/lib/atlas/engine';
import { SUMMARY_FILE } from '../../../src/lib/atlas/parts';
import { fileSource } from '../../../scripts/lib/file-source';
import type { DbClient } from '../../../src/lib/db/client';
import { sqlJsClient } from '../../../src/lib/db/sqljs-client';
import { sql } from '../../../src/lib/db/sql';
import { placesSql, type PlaceRow } from '../../../src/lib/queries/places';
import { PlaceIndex } from '../../../src/lib/state/selection';

const ROOT = resolve(import.meta.dirname, '../../..');
const DATA = resolve(ROOT, 'public/data');

let engine: Promise<AtlasEngine> | undefined;

export function realDb(): Promise<AtlasEngine> {
  engine ??= (async () => {
    if (!existsSync(resolve(DATA, SUMMARY_FILE))) {
      execFileSync('npx', ['tsx', 'scripts/build-db.ts', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
    }
    return AtlasEngine.open(await initSqlJs(), fileSource(DATA));
  })();
  return engine;
}

/** The atlas of any built data folder (a synthetic set, say), opened afresh. */
export async function atlasAt(dataDir: string): Promise<AtlasEngine> {
  return AtlasEngine.open(await initSqlJs(), fileSource(dataDir));
}

let complete: Promise<DbClient> | undefined;

/**
 * The complete database (public/data/duties.sqlite), the contract the atlas is derived from: tests
 * compute the figures a view should show from it with plain SQL, independently of the parts and
 * cubes the views read.
 */
export function completeDb(): Promise<DbClient> {
  complete ??= (async () => {
    await realDb(); // builds both if needed
    return sqlJsClient(new (await initSqlJs()).Database(readFileSync(resolve(DATA, 'duties.sqlite'))));
  })();
  return complete;
}

/**
 * Each bundled township's id by its name. Ids come from the documents (the official township codes),
 * so a test names a township as its list does and never writes an id.
 */
export async function townshipIdsByName(): Promise<(name: string) => string> {
  const rows = await (await completeDb()).query<{ id: string; name: string }>(sql`SELECT id, name FROM townships`);
  const ids = new Map(rows.map((r) => [r.name, r.id]));
  if (ids.size !== rows.length) throw new Error('two bundled townships share a name: name them by county too');
  return (name) => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`no bundled township is called ${name}`);
    return id;
  };
}

/** The place tree of an atlas, indexed (what App builds when the data opens). */
export async function placeIndexOf(db: DbClient): Promise<PlaceIndex> {
  return new PlaceIndex(await db.query<PlaceRow>(placesSql()));
}
