import { describe, expect, it, vi } from 'vitest';
import { ResultCache } from '../../../src/lib/db/result-cache';
import { sql } from '../../../src/lib/db/sql';

const rows = (...ids: number[]) => ids.map((id) => ({ id }));

describe('ResultCache', () => {
  it('runs a query once and answers the same query, same parameters, from memory', async () => {
    const cache = new ResultCache();
    const run = vi.fn(async () => rows(1, 2));
    const q = () => sql`SELECT id FROM t WHERE county = ${7}`;
    expect(await cache.query(q(), run)).toEqual(rows(1, 2));
    expect(await cache.query(q(), run)).toEqual(rows(1, 2));
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('asks again when the parameters differ', async () => {
    const cache = new ResultCache();
    const run = vi.fn(async () => rows(1));
    await cache.query(sql`SELECT id FROM t WHERE county = ${7}`, run);
    await cache.query(sql`SELECT id FROM t WHERE county = ${8}`, run);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('shares one run between identical queries asked at once', async () => {
    const cache = new ResultCache();
    let finish!: (r: { id: number }[]) => void;
    const run = vi.fn(() => new Promise<{ id: number }[]>((resolve) => (finish = resolve)));
    const both = Promise.all([cache.query(sql`SELECT 1`, run), cache.query(sql`SELECT 1`, run)]);
    finish(rows(3));
    expect(await both).toEqual([rows(3), rows(3)]);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('gives each caller its own array: reordering one answer does not reorder the next', async () => {
    const cache = new ResultCache();
    const run = async () => rows(1, 2, 3);
    (await cache.query(sql`SELECT 1`, run)).reverse();
    expect(await cache.query(sql`SELECT 1`, run)).toEqual(rows(1, 2, 3));
  });

  it('forgets a failed query, so asking again retries it', async () => {
    const cache = new ResultCache();
    const run = vi.fn().mockRejectedValueOnce(new Error('part not loaded')).mockResolvedValueOnce(rows(4));
    await expect(cache.query(sql`SELECT 1`, run)).rejects.toThrow('part not loaded');
    expect(await cache.query(sql`SELECT 1`, run)).toEqual(rows(4));
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('keeps at most its capacity, dropping the least recently used', async () => {
    const cache = new ResultCache(2);
    const run = vi.fn(async () => rows(1));
    await cache.query(sql`SELECT ${1}`, run);
    await cache.query(sql`SELECT ${2}`, run);
    await cache.query(sql`SELECT ${1}`, run); // used again: now the newest
    await cache.query(sql`SELECT ${3}`, run); // evicts 2
    expect(cache.size).toBe(2);
    await cache.query(sql`SELECT ${1}`, run);
    expect(run).toHaveBeenCalledTimes(3);
    await cache.query(sql`SELECT ${2}`, run);
    expect(run).toHaveBeenCalledTimes(4);
  });
});

describe('ResultCache and needs', () => {
  it('asks again when only the needs differ (a search’s terms travel as a need)', async () => {
    const cache = new ResultCache();
    const run = vi.fn(async () => rows(1));
    const hits = (term: string) => ({ text: 'SELECT item FROM search_hits', params: [], needs: [`search:${term}`] });
    await cache.query(hits('屠宰检疫'), run);
    await cache.query(hits('网格'), run);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
