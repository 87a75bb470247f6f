/**
 * "A failing seed becomes a fixture" (#11), done by the test rather than by hand: a property that
 * fails writes its shrunk counterexample to tests/unit/parse/fixtures/fuzz/<property>-<seed>.json, and
 * every later run of that property tries the kept counterexamples first (fast-check's `examples`), so
 * a bug found once by `npm run fuzz` is checked by every `npm test` after it. Commit the file with the fix.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';

export const FUZZ_FIXTURES = resolve(import.meta.dirname, 'fixtures/fuzz');

interface Kept<Ts> {
  property: string;
  seed: number;
  path: string | null;
  counterexample: Ts;
}

/** The counterexamples kept for the property `name` in `dir`. */
export function keptExamples<Ts>(name: string, dir = FUZZ_FIXTURES): Ts[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.json'))
    .sort()
    .map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as Kept<Ts>).counterexample);
}

/**
 * fc.assert that keeps what it finds: runs the property `name` (its kept counterexamples first); on a
 * failure writes the counterexample as a fixture and fails with fast-check's report and the file's path.
 */
export function assertKeeping<Ts extends unknown[]>(
  name: string,
  property: fc.IProperty<Ts>,
  params: fc.Parameters<Ts> = {},
  dir = FUZZ_FIXTURES,
): void {
  const details = fc.check(property, { ...params, examples: [...keptExamples<Ts>(name, dir), ...(params.examples ?? [])] });
  if (!details.failed) return;
  const file = join(dir, `${name}-${details.seed}.json`);
  if (details.counterexample !== null) {
    mkdirSync(dir, { recursive: true });
    const kept: Kept<Ts> = { property: name, seed: details.seed, path: details.counterexamplePath, counterexample: details.counterexample };
    writeFileSync(file, `${JSON.stringify(kept, null, 2)}\n`);
  }
  throw new Error(`${fc.defaultReportMessage(details)}\nThe counterexample is kept as ${file}: commit it with the fix.`);
}
