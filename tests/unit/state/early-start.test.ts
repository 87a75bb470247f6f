import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../../src/lib/state/connect';
import type { OpenOptions } from '../../../src/lib/db/worker-client';
import { FIRST_CHART_MARK } from '../../../src/lib/components/chart-drawn';

// The served data's connection, as the worker would open it: one per call, counted, with its options.
const opened: { connection: Connection; options: OpenOptions; resolve: () => void }[] = [];
vi.mock('../../../src/lib/state/connect', () => ({
  connect: (options: OpenOptions) =>
    new Promise<Connection>((resolve) => {
      const connection = { client: {} } as unknown as Connection;
      opened.push({ connection, options, resolve: () => resolve(connection) });
    }),
}));
vi.mock('../../../src/lib/import/stored-database', () => ({ loadStoredDatabase: async () => null }));
// The first answers as fetched: what the connection is handed is the fetch's promise.
const answersFetched: string[] = [];
vi.mock('../../../src/lib/db/fetch-first-answers', () => ({
  fetchFirstAnswers: (dataUrl: string) => {
    answersFetched.push(dataUrl);
    return Promise.resolve(null);
  },
}));
vi.mock('../../../src/lib/db/worker-client', () => ({ servedDataUrl: () => 'http://site/data/' }));

describe('startEarly', () => {
  beforeEach(() => {
    opened.length = 0;
    answersFetched.length = 0;
    performance.clearMarks(FIRST_CHART_MARK);
    vi.resetModules();
    vi.stubGlobal('location', { search: '' });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('starts the data once: the boot’s later call is handed the connection src/start-data.ts opened', async () => {
    const { startEarly, takeEarlyStart } = await import('../../../src/lib/state/early-start');
    startEarly(); // src/start-data.ts, before the other modules
    const whenOpen = vi.fn();
    startEarly(whenOpen); // src/boot.ts, with 总览's head start
    expect(opened).toHaveLength(1);
    expect(whenOpen).not.toHaveBeenCalled();
    opened[0].resolve();
    const early = takeEarlyStart();
    expect(await early?.connection).toBe(opened[0].connection);
    await Promise.resolve();
    expect(whenOpen).toHaveBeenCalledTimes(1);
    expect(whenOpen).toHaveBeenCalledWith(opened[0].connection);
    // Taken once: the shell's next load starts afresh.
    expect(takeEarlyStart()).toBeNull();
  });

  it('starts afresh once the first start was taken', async () => {
    const { startEarly, takeEarlyStart } = await import('../../../src/lib/state/early-start');
    startEarly();
    takeEarlyStart();
    startEarly();
    expect(opened).toHaveLength(2);
  });

  it('hands the served data’s first answers over, and starts the worker once the first chart is painted', async () => {
    const { startEarly } = await import('../../../src/lib/state/early-start');
    startEarly();
    expect(answersFetched).toEqual(['http://site/data/']);
    const { firstAnswers, startAfter } = opened[0].options;
    expect(await firstAnswers).toBeNull();
    let started = false;
    void startAfter!.then(() => (started = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toBe(false);
    performance.mark(FIRST_CHART_MARK);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toBe(true);
  });

  it('opens a page with a query string without the first answers, starting the worker at once', async () => {
    vi.stubGlobal('location', { search: '?view=categories' });
    const { startEarly } = await import('../../../src/lib/state/early-start');
    startEarly();
    expect(answersFetched).toEqual([]);
    expect(opened[0].options.firstAnswers).toBeUndefined();
    expect(opened[0].options.startAfter).toBeUndefined();
  });
});
