/**
 * The parts a review decision derives are shown over the parts kept: a part replaced is read from
 * the new bytes, every other from where it was (memory or the server), and a hundred decisions keep
 * one copy of each part, not a hundred.
 */
import { describe, expect, it } from 'vitest';
import type { AtlasSource } from '../../../src/lib/atlas/engine';
import { memorySource, withFiles } from '../../../src/lib/atlas/memory-source';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = async (source: AtlasSource, path: string) => Array.from(await source.fetch(path));

describe('withFiles', () => {
  it('replaces parts held in memory and keeps the others', async () => {
    const opened = memorySource(
      new Map([
        ['atlas/facts.sqlite.gz', bytes(1)],
        ['atlas/network.sqlite.gz', bytes(2)],
      ]),
    );
    const decided = withFiles(opened, new Map([['atlas/facts.sqlite.gz', bytes(3)]]));
    expect(await text(decided, 'atlas/facts.sqlite.gz')).toEqual([3]);
    expect(await text(decided, 'atlas/network.sqlite.gz')).toEqual([2]);
    await expect(decided.fetch('atlas/text/9.sqlite.gz')).rejects.toThrow('not among the parts');
  });

  it('puts parts in front of served ones, which are still fetched', async () => {
    const fetched: string[] = [];
    const served: AtlasSource = {
      async fetch(path) {
        fetched.push(path);
        return bytes(9);
      },
    };
    const decided = withFiles(served, new Map([['atlas/summary.sqlite.gz', bytes(4)]]));
    expect(await text(decided, 'atlas/summary.sqlite.gz')).toEqual([4]);
    expect(await text(decided, 'atlas/text/3.sqlite.gz')).toEqual([9]);
    expect(fetched).toEqual(['atlas/text/3.sqlite.gz']);
  });

  it('keeps one copy of a part however many decisions replace it', async () => {
    let source = memorySource(new Map([['atlas/facts.sqlite.gz', bytes(0)]]));
    for (let k = 1; k <= 100; k++) source = withFiles(source, new Map([['atlas/facts.sqlite.gz', bytes(k)]]));
    expect(await text(source, 'atlas/facts.sqlite.gz')).toEqual([100]);
    expect((source as unknown as { files: Map<string, Uint8Array> }).files.size).toBe(1);
    expect((source as unknown as { base: AtlasSource | null }).base).toBeNull();
  });
});
