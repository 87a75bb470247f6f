/**
 * The real built database for query tests: public/data/duties.sqlite opened with sql.js in Node —
 * the same engine as the browser. If it has not been built yet, it is built here first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs from 'sql.js';
import type { DbClient } from '../../../src/lib/db/client';
import { sqlJsClient } from '../../../src/lib/db/sqljs-client';

const ROOT = resolve(import.meta.dirname, '../../..');
const DB_FILE = resolve(ROOT, 'public/data/duties.sqlite');

let client: Promise<DbClient> | undefined;

export function realDb(): Promise<DbClient> {
  client ??= (async () => {
    if (!existsSync(DB_FILE)) {
      execFileSync('npx', ['tsx', 'scripts/build-db.ts'], { cwd: ROOT, stdio: 'inherit' });
    }
    const SQL = await initSqlJs();
    return sqlJsClient(new SQL.Database(readFileSync(DB_FILE)));
  })();
  return client;
}
