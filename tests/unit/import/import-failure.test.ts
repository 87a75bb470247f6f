/**
 * The import worker's own failures (not a list file's) reach the reader in Chinese: every kind has
 * its sentence, an error thrown in the worker becomes the failure it stands for, and a database
 * that does not read lists each of its problems.
 */
import { describe, expect, it } from 'vitest';
import { describeImportFailure } from '../../../src/lib/import/describe-import-failure';
import { failureOf, ImportFailed, type ImportFailure } from '../../../src/lib/import/import-failure';
import { DatabaseRefused } from '../../../src/lib/import/read-database';
import { IMPORT_STRINGS } from '../../../src/lib/ui/strings';

/** One failure of every kind (a kind added without one here fails the check below). */
const EVERY: ImportFailure[] = [
  { kind: 'place-table-missing', status: 404 },
  { kind: 'place-table-missing', status: null },
  { kind: 'place-table-unreadable' },
  { kind: 'nothing-to-apply' },
  { kind: 'nothing-to-write' },
  { kind: 'database-refused', problems: [{ kind: 'no-townships' }, { kind: 'missing-table', table: 'items' }] },
  { kind: 'worker-stopped', detail: 'Out of memory' },
  { kind: 'unexpected', detail: 'TypeError: x is undefined' },
];

/** What is left of a sentence once the names it quotes (a path, a status, a command, the code's own words) are taken out. */
const withoutQuoted = (sentence: string, quoted: string[]) => quoted.reduce((s, q) => s.split(q).join(''), sentence);

describe('the import worker’s own failures, in Chinese', () => {
  it('has a sentence for every kind', () => {
    expect(new Set(EVERY.map((f) => f.kind))).toEqual(new Set(Object.keys(IMPORT_STRINGS.failures)));
  });

  it.each(EVERY.map((f) => [f.kind, f] as const))('%s is said in Chinese', (_kind, failure) => {
    const sentences = describeImportFailure(failure);
    expect(sentences.length).toBeGreaterThan(0);
    const quoted = ['atlas/places.json.gz', 'HTTP 404', 'npm run build', 'items', 'Out of memory', 'TypeError: x is undefined'];
    for (const sentence of sentences) {
      expect(sentence).toMatch(/[\u4e00-\u9fff]/);
      expect(withoutQuoted(sentence, quoted)).not.toMatch(/[A-Za-z]/);
    }
  });

  it('says what the server answered for the place table, or that it did not answer', () => {
    expect(describeImportFailure({ kind: 'place-table-missing', status: 404 })[0]).toContain('HTTP 404');
    expect(describeImportFailure({ kind: 'place-table-missing', status: null })[0]).not.toContain('HTTP');
  });

  it('lists every problem of a database that does not read', () => {
    const sentences = describeImportFailure({ kind: 'database-refused', problems: [{ kind: 'no-townships' }, { kind: 'not-sqlite' }] });
    expect(sentences).toHaveLength(3);
  });

  it('turns what the worker throws into the failure it stands for', () => {
    expect(failureOf(new ImportFailed({ kind: 'nothing-to-apply' }))).toEqual({ kind: 'nothing-to-apply' });
    expect(failureOf(new DatabaseRefused('x.sqlite', [{ kind: 'no-townships' }]))).toEqual({
      kind: 'database-refused',
      problems: [{ kind: 'no-townships' }],
    });
    expect(failureOf(new RangeError('Invalid array length'))).toEqual({ kind: 'unexpected', detail: 'RangeError: Invalid array length' });
  });
});
