import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeListFile, parseDocument } from '../../../src/lib/parse';
import { RAW_DIR } from './helpers';

/**
 * Golden files, in the manner of Observable Framework: the whole parse of each real list is kept in
 * tests/unit/parse/golden/<township>.json, so any change to what the parser reads shows up in review
 * as a diff of items and steps. Outside CI a missing or intentionally changed file is (re)written with
 * `npx vitest run -u`; in CI a mismatch fails.
 */
describe('golden parses of the real lists', () => {
  for (const file of readdirSync(RAW_DIR).filter((f) => f.endsWith('.txt'))) {
    it(file, async () => {
      const doc = parseDocument(decodeListFile(readFileSync(join(RAW_DIR, file))).text, file);
      await expect(JSON.stringify(doc, null, 1) + '\n').toMatchFileSnapshot(
        join(import.meta.dirname, 'golden', file.replace('.txt', '.json')),
      );
    });
  }
});
