import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  FIRST_ANSWERS_FILE,
  answersByKey,
  firstAnswersJson,
  parseFirstAnswers,
  sameData,
  sameRows,
  type FirstAnswers,
} from '../../../src/lib/db/first-answers';
import { questionKey, ResultCache } from '../../../src/lib/db/result-cache';
import type { DataInfo } from '../../../src/lib/db/protocol';
import { sql, type Sql } from '../../../src/lib/db/sql';
import type { DbClient } from '../../../src/lib/db/client';
import { readShell } from '../../../src/lib/state/shell-data';
import { decodeState } from '../../../src/lib/state/url-codec';
import { askOverview } from '../../../src/views/overview/load';
import { realDb } from '../queries/real-db';

const DATA = resolve(import.meta.dirname, '../../../public/data');

const info: DataInfo = {
  files: [
    ['atlas/summary.sqlite.gz', 100],
    ['atlas/network.sqlite.gz', 200],
  ],
  meta: { schema_version: '9', townships: '5' },
};

describe('the first answers file', () => {
  it('reads back what was written: each question, to ask again, and its rows under the cache’s key', () => {
    const q = sql`SELECT name FROM townships WHERE county = ${'托克逊县'}`;
    const parsed = parseFirstAnswers(firstAnswersJson(info, [[q, [{ name: '伊拉湖镇' }]]]))!;
    expect(parsed.info).toEqual(info);
    expect(parsed.answers.map((a) => a.question)).toEqual([{ text: q.text, params: ['托克逊县'], needs: [] }]);
    expect(answersByKey(parsed)).toEqual([[questionKey(q), [{ name: '伊拉湖镇' }]]]);
  });

  it('tells rows that differ from the answer, in a value or a column’s order', () => {
    const [answer] = parseFirstAnswers(firstAnswersJson(info, [[sql`SELECT 1`, [{ name: '伊拉湖镇', items: 245 }]]]))!.answers;
    expect(sameRows(answer, [{ name: '伊拉湖镇', items: 245 }])).toBe(true);
    expect(sameRows(answer, [{ name: '伊拉湖镇', items: 246 }])).toBe(false);
    expect(sameRows(answer, [{ items: 245, name: '伊拉湖镇' }])).toBe(false);
    expect(sameRows(answer, [])).toBe(false);
  });

  it.each([
    ['an HTML page served in its place', '<!doctype html><title>404</title>'],
    ['no answers', JSON.stringify({ info })],
    ['a file listed without its size', JSON.stringify({ info: { files: [['atlas/summary.sqlite.gz']], meta: {} }, answers: [] })],
    ['a meta value that is not text', JSON.stringify({ info: { files: [], meta: { townships: 5 } }, answers: [] })],
    [
      'rows that are not objects',
      JSON.stringify({ info, answers: [{ question: { text: 'SELECT 1', params: [], needs: [] }, rows: [1, 2] }] }),
    ],
    ['an answer without its rows', JSON.stringify({ info, answers: [{ question: { text: 'SELECT 1', params: [], needs: [] } }] })],
    ['a question without its parameters', JSON.stringify({ info, answers: [{ question: { text: 'SELECT 1', needs: [] }, rows: [] }] })],
    [
      'a parameter that is not a value',
      JSON.stringify({ info, answers: [{ question: { text: 'SELECT ?', params: [{}], needs: [] }, rows: [] }] }),
    ],
    ['an earlier shape (key and rows)', JSON.stringify({ info, answers: [['SELECT 1', [{ n: 1 }]]] })],
  ])('is not used when it holds %s', (_, text) => {
    expect(parseFirstAnswers(text)).toBeNull();
  });

  it('describes the same data only when every file has the same size and the meta is the same', () => {
    expect(sameData(info, structuredClone(info))).toBe(true);
    expect(sameData(info, { ...info, files: [info.files[1], info.files[0]] })).toBe(true);
    expect(sameData(info, { ...info, files: [info.files[0], ['atlas/network.sqlite.gz', 201]] })).toBe(false);
    expect(sameData(info, { ...info, files: [info.files[0]] })).toBe(false);
    expect(sameData(info, { ...info, files: [...info.files, ['atlas/text/1.sqlite.gz', 1]] })).toBe(false);
    expect(sameData(info, { ...info, meta: { ...info.meta, townships: '6' } })).toBe(false);
    expect(sameData(info, { ...info, meta: { ...info.meta, built_from: 'x' } })).toBe(false);
  });
});

describe('a result cache with known answers', () => {
  it('answers a known question without asking, and asks any other', async () => {
    const known = sql`SELECT 1 AS n`;
    const other = sql`SELECT 2 AS n`;
    const cache = new ResultCache(96, [[questionKey(known), [{ n: 1 }]]]);
    const asked: Sql[] = [];
    const run = (q: Sql) => () => {
      asked.push(q);
      return Promise.resolve([{ n: 9 }]);
    };
    expect(await cache.query(known, run(known))).toEqual([{ n: 1 }]);
    expect(await cache.query(other, run(other))).toEqual([{ n: 9 }]);
    expect(asked).toEqual([other]);
  });
});

describe('the bundled data’s first answers (npm run build:db)', () => {
  it('answer every question of a page opened without filters as the served data does', async () => {
    const engine = await realDb();
    const written = parseFirstAnswers(gunzipSync(readFileSync(resolve(DATA, FIRST_ANSWERS_FILE))).toString('utf8')) as FirstAnswers;
    expect(written).not.toBeNull();
    expect(sameData(written.info, { files: [...engine.info.files], meta: engine.info.meta })).toBe(true);

    // The page's first questions, asked of the served data: the shell's, then 总览's head start.
    const asked: [Sql, Promise<object[]>][] = [];
    const client: DbClient = {
      query<Row extends object>(q: Sql) {
        const answer = engine.query<Row>(q);
        asked.push([q, answer]);
        return answer;
      },
    };
    const shell = await readShell(client);
    askOverview({ client, places: shell.places }, decodeState(''));
    const served = await Promise.all(asked.map(async ([q, answer]) => [questionKey(q), await answer] as const));

    expect(new Map(answersByKey(written))).toEqual(new Map(served));
    // 总览's own figures are among them, not only the shell's.
    expect(served.length).toBeGreaterThan(4);
  });
});
