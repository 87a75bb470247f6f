import { describe, expect, it } from 'vitest';
import { AsyncQuery } from '../../../src/lib/state/async-query.svelte';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('AsyncQuery', () => {
  it('keeps the latest answer when an older, slower one arrives later', async () => {
    const q = new AsyncQuery<string>();
    const slow = q.run(() => after(30, 'old filters'));
    const fast = q.run(() => after(5, 'new filters'));
    await Promise.all([slow, fast]);
    expect(q.value).toBe('new filters');
    expect(q.loading).toBe(false);
  });

  it('reports an error of the latest run, and ignores one from a superseded run', async () => {
    const q = new AsyncQuery<number>();
    const failing = q.run(() => after(20, 0).then(() => Promise.reject(new Error('stale failure'))));
    const ok = q.run(() => after(5, 42));
    await Promise.all([failing, ok]);
    expect(q.error).toBeNull();
    expect(q.value).toBe(42);
    await q.run(() => Promise.reject(new Error('no such table')));
    expect(q.error).toBe('no such table');
    expect(q.value).toBe(42); // the last good answer stays on screen behind the error
  });
});
