import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES, ListFileError, readListFile, refusedUnread } from '../../../src/lib/import/list-file';

/**
 * The import worker does not read a file refused whatever it holds: a 2 GB text export, a PDF. It
 * passes the size instead, and the refusal is the one the bytes would have given.
 */
describe('files refused without reading them', () => {
  it('are those of no list format, and text over the limit; a Word document is always read (its pictures may make it large)', () => {
    expect(refusedUnread('报告.pdf', 10)).toBe(true);
    expect(refusedUnread('清单.txt', MAX_TEXT_BYTES + 1)).toBe(true);
    expect(refusedUnread('清单.TXT', MAX_TEXT_BYTES)).toBe(false);
    expect(refusedUnread('清单.docx', 2 * 1024 ** 3)).toBe(false);
  });

  it('are refused by their size alone, as the bytes would be', () => {
    const size = 2 * 1024 ** 3;
    let thrown: unknown;
    try {
      readListFile('全县清单.txt', new Uint8Array(0), size);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ListFileError);
    expect((thrown as ListFileError).refusal).toEqual({ kind: 'too-large', bytes: size, limit: MAX_TEXT_BYTES });
  });
});
