/**
 * Reading one list: decode, parse, resolve its place. Shared by the build's main thread and its
 * worker (scripts/lib/build-worker.ts), which read the files of one folder between them, so that a
 * list reads the same and is refused with the same words whichever thread read it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { decodeListFile, DecodeError, parseDocument, ParseError } from '../../src/lib/parse';
import type { SourceDocument } from '../../src/lib/model/assemble';
import { resolvePlace } from '../../src/lib/model/places';
import type { PlaceTable } from '../../src/lib/model/place-table';
import { UNKNOWN_PLACE } from '../../src/lib/ui/strings';

/** A refusal with the place it concerns: the CLI prints `file:line: reason`. */
export class BuildError extends Error {}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The lists of a folder, by name. */
export function listFiles(inputDir: string): string[] {
  if (!existsSync(inputDir) || !statSync(inputDir).isDirectory()) throw new BuildError(`${inputDir}: no such folder`);
  const files = readdirSync(inputDir)
    .filter((f) => extname(f) === '.txt')
    .sort();
  if (files.length === 0) throw new BuildError(`${inputDir}: no .txt lists in this folder`);
  return files;
}

/** One list read: its source, or the problem that refuses it as `file:line: reason`. */
export type ReadResult = { source: SourceDocument } | { problem: string };

/**
 * Reads and parses one list and checks its place against the place table; the file name (an ASCII
 * slug) becomes the township id. Errors other than a refusal are thrown.
 */
export function readSource(inputDir: string, file: string, places: PlaceTable): ReadResult {
  const townshipId = basename(file, '.txt');
  const path = join(inputDir, file);
  try {
    if (!SLUG.test(townshipId))
      throw new ParseError(path, 1, `the file name must be an ASCII slug like qitai-jibuku.txt: it becomes the township id`);
    const { text } = decodeListFile(readFileSync(path));
    const document = parseDocument(text, file);
    return { source: { townshipId, document, place: resolvePlace(document.place, places) } };
  } catch (error) {
    if (error instanceof ParseError) return { problem: `${path}:${error.line}: ${error.reason}` };
    if (error instanceof DecodeError) return { problem: `${path}:${error.line}: ${error.reason}` };
    throw error;
  }
}

/**
 * The lists read, in file order, once every file has been: throws a BuildError naming every
 * problem — each file's, then two lists of one township, known by its code, or by county and name
 * where the table lacks it. A township whose county is unknown cannot be told from a namesake, so it
 * is never a duplicate.
 */
export function collectSources(inputDir: string, results: readonly ReadResult[]): SourceDocument[] {
  const problems: string[] = [];
  const sources: SourceDocument[] = [];
  for (const result of results) {
    if ('problem' in result) problems.push(result.problem);
    else sources.push(result.source);
  }
  const seen = new Map<string, string>();
  for (const { document, place } of sources) {
    if (!place || (!place.code && place.county === UNKNOWN_PLACE)) continue;
    const key = place.code ?? `${place.county}${place.township}`;
    const label = `${place.county}${place.township}`;
    if (seen.has(key)) problems.push(`${join(inputDir, document.source)}:1: ${label} is already listed by ${seen.get(key)}`);
    seen.set(key, document.source);
  }
  if (problems.length) throw new BuildError(problems.join('\n'));
  return sources;
}
