import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { wholeDatabaseProblem } from '../../../src/lib/export/whole-database';
import { realDb } from '../queries/real-db';

/** 导出数据库 hands over the served complete database only when the server handed over all of it. */
describe('wholeDatabaseProblem', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    await realDb(); // builds public/data if it is not there
    bytes = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../public/data/duties.sqlite')));
  });

  it('accepts the complete database as the build wrote it', () => {
    expect(wholeDatabaseProblem(bytes)).toBeNull();
  });

  it('refuses a server’s HTML page and an empty answer as not a database', () => {
    const page = new TextEncoder().encode('<!doctype html><html><body>404 Not Found</body></html>'.padEnd(200));
    expect(wholeDatabaseProblem(page)).toEqual({ kind: 'not-sqlite' });
    expect(wholeDatabaseProblem(new Uint8Array(0))).toEqual({ kind: 'not-sqlite' });
  });

  it('refuses a transfer that stopped early, naming the size it should have had', () => {
    for (const received of [100, 4096, Math.floor(bytes.length / 2), bytes.length - 1])
      expect(wholeDatabaseProblem(bytes.subarray(0, received))).toEqual({ kind: 'truncated', expected: bytes.length, received });
  });
});
