/**
 * The build writes the county text parts on both of its threads and the summary in two steps
 * (scripts/lib/shared-text-parts.ts, deriveAtlasInSteps): whichever thread writes which county, the
 * files are the ones a single thread derives, byte for byte, and a county nobody wrote is not missed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deriveAtlas,
  deriveAtlasInSteps,
  deriveTextFiles,
  listed,
  readContractTables,
  type ContractTables,
} from '../../../src/lib/atlas/derive';
import { mergeTextFiles, textClaim, writeClaimedTextFiles } from '../../../scripts/lib/shared-text-parts';
import { withoutPreloads } from '../../../scripts/lib/bundled-worker';
import { realDb } from '../queries/real-db';

let SQL: SqlJsStatic;
let tables: ContractTables;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

beforeAll(async () => {
  await realDb(); // builds public/data if needed
  SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(resolve(import.meta.dirname, '../../../public/data/duties.sqlite')));
  tables = readContractTables(db);
  db.close();
});

describe('county text parts written by two threads', () => {
  it('are the files one thread writes, in its order, however the counties were shared', () => {
    const alone = deriveTextFiles(SQL, tables);
    expect(alone.length).toBeGreaterThan(1);
    // The other thread took the first county (its names and steps) before this one started.
    const other = [{ index: 0, files: alone.slice(0, 2) }];
    const claimRest = textClaim();
    Atomics.add(claimRest, 0, 1);
    const mine = writeClaimedTextFiles(SQL, tables, claimRest, (b) => b);
    expect(mine.map((c) => c.index)).not.toContain(0);
    const merged = mergeTextFiles(claimRest, other, mine);
    expect(merged.map((f) => f.path)).toEqual(alone.map((f) => f.path));
    merged.forEach((file, i) => expect(same(file.bytes, alone[i].bytes), file.path).toBe(true));
  });

  it('are not written again by a thread that finds every county taken', () => {
    const claim = textClaim();
    const all = writeClaimedTextFiles(SQL, tables, claim, (b) => b);
    expect(writeClaimedTextFiles(SQL, tables, claim, (b) => b)).toEqual([]);
    expect(mergeTextFiles(claim, all)).toEqual(all.flatMap((c) => c.files));
  });

  it('refuses to publish when a county was written by neither thread', () => {
    const claim = textClaim();
    const all = writeClaimedTextFiles(SQL, tables, claim, (b) => b);
    expect(() => mergeTextFiles(claim, all.slice(1))).toThrow(/counties/);
    expect(() => mergeTextFiles(claim, all.slice(0, -1))).toThrow(/counties/);
  });
});

describe('the atlas derived in two steps', () => {
  it('gives the summary and parts deriveAtlas gives, byte for byte', () => {
    const text = deriveTextFiles(SQL, tables);
    const whole = deriveAtlas(SQL, tables, { extraFiles: text, meta: { built_from: 'x' } });
    const steps = deriveAtlasInSteps(SQL, tables, { meta: { built_from: 'x' } });
    const files = [...steps.parts, ...text];
    const stepped = [steps.summary(files.map(listed)), ...files];
    expect(stepped.map((f) => f.path)).toEqual(whole.map((f) => f.path));
    stepped.forEach((file, i) => expect(same(file.bytes, whole[i].bytes), file.path).toBe(true));
  });
});

describe('the bundled worker', () => {
  it('does not inherit the main thread’s preloads, and keeps its other flags', () => {
    expect(
      withoutPreloads([
        '--import',
        'tsx',
        '--import=./rss-hook.ts',
        '-r',
        'x.cjs',
        '--require=y.cjs',
        '--max-old-space-size=4096',
        '--cpu-prof',
      ]),
    ).toEqual(['--max-old-space-size=4096', '--cpu-prof']);
  });
});
