import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertKeeping, keptExamples } from './keep-counterexample';

describe('a failing property keeps its counterexample as a fixture', () => {
  it('writes the shrunk case, and every later run tries it first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-atlas-kept-'));
    const belowFive = () => fc.property(fc.nat(), (n) => n < 5);
    expect(() => assertKeeping('below-five', belowFive(), { seed: 42 }, dir)).toThrow(/kept as .*below-five-42\.json/);
    const [file] = readdirSync(dir);
    expect(JSON.parse(readFileSync(join(dir, file), 'utf8'))).toMatchObject({ property: 'below-five', seed: 42, counterexample: [5] });
    expect(keptExamples('below-five', dir)).toEqual([[5]]);

    // A run whose own cases would all pass (they never reach 5) still fails, on the kept case.
    const neverFive = () => fc.property(fc.nat(3), (n) => n !== 5);
    expect(() => assertKeeping('below-five', neverFive(), { seed: 1, numRuns: 10 }, dir)).toThrow(/Counterexample: \[5\]/);
    // Fixed, the property passes its kept case and its own.
    expect(() =>
      assertKeeping(
        'below-five',
        fc.property(fc.nat(), (n) => n >= 0),
        { seed: 1 },
        dir,
      ),
    ).not.toThrow();
    // Kept cases belong to their property only.
    expect(keptExamples('another', dir)).toEqual([]);
  });
});
