/**
 * Reading one list: decode, parse, resolve its place. Shared by the build's main thread and its
 * worker (scripts/lib/build-worker.ts), which read the files of one folder between them, so that a
 * list reads the same and is refused with the same words whichever thread read it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFormatOf, ListFileError, readListFile } from '../../src/lib/import';
import type { ParsedDocument } from '../../src/lib/parse';
import type { SourceDocument } from '../../src/lib/model/assemble';
import { resolvePlace, type ResolvedPlace } from '../../src/lib/model/places';
import type { PlaceTable } from '../../src/lib/model/place-table';
import { countyUnknown, townshipIdOf, townshipNameKey } from '../../src/lib/model/township-id';

/** A refusal with the place it concerns: the CLI prints `file:line: reason`. */
export class BuildError extends Error {}

/**
 * The lists of a folder (.txt and .docx, under any name: the township comes from the document), by
 * name. Word's lock files (~$清单.docx, there while the list is open in Word) are not lists.
 */
export function listFiles(inputDir: string): string[] {
  if (!existsSync(inputDir) || !statSync(inputDir).isDirectory()) throw new BuildError(`${inputDir}: no such folder`);
  const files = readdirSync(inputDir)
    .filter((f) => listFormatOf(f) !== null && !f.startsWith('~$'))
    .sort();
  if (files.length === 0) throw new BuildError(`${inputDir}: no .txt or .docx lists in this folder`);
  return files;
}

/** One list as read, before it has its township id: that waits for every list (collectSources). */
export interface ReadList {
  document: ParsedDocument;
  place: ResolvedPlace;
}

/** One list read, or the problem that refuses it as `file:line: reason` (`file:table 2, row 15: reason` for a .docx). */
export type ReadResult = { list: ReadList } | { problem: string };

/** Reads and parses one list and checks its place against the place table. Errors other than a refusal are thrown. */
export function readSource(inputDir: string, file: string, places: PlaceTable): ReadResult {
  const path = join(inputDir, file);
  try {
    const document = readListFile(file, readFileSync(path));
    return { list: { document, place: resolvePlace(document.place, places) } };
  } catch (error) {
    if (error instanceof ListFileError) return { problem: `${path}${error.where === null ? '' : `:${error.where}`}: ${error.reason}` };
    throw error;
  }
}

/**
 * The lists read, each with its township id (src/lib/model/township-id.ts), in id order — so the
 * database is the same whatever the files are called and in whatever order they were read. Throws
 * a BuildError naming every problem: each file's, then every township listed by two files, naming
 * both.
 */
export function collectSources(inputDir: string, results: readonly ReadResult[]): SourceDocument[] {
  const problems: string[] = [];
  const byId = new Map<string, SourceDocument>();
  for (const result of results) {
    if ('problem' in result) {
      problems.push(result.problem);
      continue;
    }
    const { document, place } = result.list;
    const townshipId = townshipIdOf(place);
    const first = byId.get(townshipId);
    if (first) problems.push(`${join(inputDir, document.source)}: ${listedTwice(first, result.list)}`);
    else byId.set(townshipId, { townshipId, document, place });
  }
  if (problems.length) throw new BuildError(problems.join('\n'));
  return [...byId.values()].sort((a, b) => (a.townshipId < b.townshipId ? -1 : 1));
}

/** Why a list's township id is already taken, naming the file that took it. */
function listedTwice(first: SourceDocument, second: ReadList): string {
  const { place } = second;
  const label = countyUnknown(place) ? place.township : `${place.county}${place.township}`;
  if (!place.code && townshipNameKey(place) !== townshipNameKey(first.place!))
    return `${label} and ${first.place!.township} of ${first.document.source} hash to the same township id ${first.townshipId} — a collision the build cannot resolve; please report it`;
  const twice = `${label} is already listed by ${first.document.source}: one list per township`;
  if (!countyUnknown(place)) return twice;
  return `${twice} (neither names its county: if they are namesakes in two counties, name the county in their titles)`;
}
