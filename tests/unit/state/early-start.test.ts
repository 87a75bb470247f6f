import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../../src/lib/state/connect';

// The served data's connection, as the worker would open it: one per call, counted.
const opened: { connection: Connection; resolve: () => void }[] = [];
vi.mock('../../../src/lib/state/connect', () => ({
  connect: () =>
    new Promise<Connection>((resolve) => {
      const connection = { client: {} } as unknown as Connection;
      opened.push({ connection, resolve: () => resolve(connection) });
    }),
}));
vi.mock('../../../src/lib/import/stored-database', () => ({ loadStoredDatabase: async () => null }));

describe('startEarly', () => {
  beforeEach(() => {
    opened.length = 0;
    vi.resetModules();
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
});
