/**
 * The malformed files #11 names beyond one per refusal (refusal-reasons.test.ts has those): files
 * that are something else under a list's name, a Word document with no table, a zip bomb, a 100 KB
 * cell, text cut inside a character. Each goes through both readers a user meets: the build
 * (`readSource`, a folder holding that file) and the page's import (`readList`, then the Chinese
 * sentence). Each must be refused — or, for the long cell, read — with the file named, the line or
 * table row where the file has one, and within a second (the time each took is printed; the test
 * allows five, so a loaded machine does not fail it, while a reader that inflates a bomb or loops
 * still does).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INPUT } from '../../../scripts/build-db';
import { readSource } from '../../../scripts/lib/read-source';
import { loadPlaceTable } from '../../../scripts/lib/load-place-table';
import { readList } from '../../../src/lib/import/add-lists';
import { describeListProblem } from '../../../src/lib/import/describe-list-problem';
import type { PlaceTable } from '../../../src/lib/model/place-table';
import { malformedCases } from '../../fixtures/malformed/corpus';

const firstList = readdirSync(DEFAULT_INPUT)
  .filter((f) => f.endsWith('.txt'))
  .sort()[0];
const CASES = malformedCases(readFileSync(join(DEFAULT_INPUT, firstList), 'utf8').split(/\r?\n/));

let places: PlaceTable;
beforeAll(() => {
  places = loadPlaceTable();
});

/** Builds never log a reader's time by themselves; the figures are printed here for the README. */
const timings: string[] = [];

describe('malformed files, in the build and in the import', () => {
  it.each(Object.entries(CASES))('%s', async (what, { file, reads, at, kind }) => {
    const { name, bytes } = await file();
    const dir = mkdtempSync(join(tmpdir(), 'duty-atlas-corpus-'));
    writeFileSync(join(dir, name), bytes);

    let started = performance.now();
    const built = readSource(dir, name, places);
    const buildMs = performance.now() - started;
    started = performance.now();
    const { report } = readList(name, bytes, places);
    const importMs = performance.now() - started;
    timings.push(`${what}: build ${buildMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms`);
    expect(buildMs, 'build reader time').toBeLessThan(5000);
    expect(importMs, 'import reader time').toBeLessThan(5000);

    if (reads) {
      expect('list' in built, JSON.stringify(built).slice(0, 300)).toBe(true);
      expect(report.problems).toEqual([]);
      return;
    }
    // The build: `path[:where]: reason`, naming the file.
    expect('problem' in built).toBe(true);
    const problem = (built as { problem: string }).problem;
    expect(problem.startsWith(join(dir, name))).toBe(true);
    // The import: one problem, said in Chinese, with no English left and no reader fault.
    expect(report.file).toBe(name);
    expect(report.problems).toHaveLength(1);
    const [p] = report.problems;
    expect(p.refusal.kind).not.toBe('unexpected');
    if (kind) expect(p.refusal.kind).toBe(kind);
    const sentence = describeListProblem(p);
    expect(sentence).toMatch(/[\u4e00-\u9fff]/);
    expect(sentence).not.toMatch(/\b(the|file|line|not|is)\b/);
    if (at) {
      expect(p.at).not.toBeNull();
      const line = typeof p.at === 'object' && p.at !== null && 'line' in p.at ? String(p.at.line) : JSON.stringify(p.at);
      expect(line).toMatch(at);
      expect(problem).toMatch(new RegExp(`^${join(dir, name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `));
    }
  });

  it('prints what each took', () => {
    console.info(`malformed corpus, time to refuse or read:\n${timings.join('\n')}`);
    expect(timings).toHaveLength(Object.keys(CASES).length);
  });
});
