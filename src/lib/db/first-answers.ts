import type { DataInfo } from './protocol';
import { questionKey } from './result-cache';
import type { Sql } from './sql';

/**
 * The answers the page's first screen asks for, computed by the build from the parts it has just
 * written (scripts/lib/first-answers.ts) and served beside them: the shell's filter options and place
 * tree, and 总览's queries for a page opened without filters.
 *
 * Why: the first chart otherwise waits for the database worker — its script, sql.js's wasm, the
 * summary, a cold first query — which reaches the page 300–400 ms after navigation on a 2-core
 * machine, while the page's own code is ready at about 220. With these answers the page draws the
 * first screen from them and the worker opens meanwhile; any other question waits for it.
 *
 * The answers belong to one build's data: `info` is what the worker reports once the summary is open
 * (its file listing and meta). The client compares the two when the worker is ready and, where they
 * differ (a cached file of another build), the page opens the data again without them.
 */
export const FIRST_ANSWERS_FILE = 'atlas/first-answers.json.gz';

export interface FirstAnswers {
  info: DataInfo;
  /** Each question's key (questionKey) and its rows. */
  answers: [key: string, rows: object[]][];
}

/** The file's JSON for `info` and the questions asked with their answers. */
export const firstAnswersJson = (info: DataInfo, asked: readonly (readonly [Sql, object[]])[]): string =>
  JSON.stringify({ info, answers: asked.map(([q, rows]) => [questionKey(q), rows]) } satisfies FirstAnswers);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The answers in `text`, or null for anything else (an HTML error page served in its place, another
 * version's shape): the page then waits for the worker, as it would without the file.
 */
export function parseFirstAnswers(text: string): FirstAnswers | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || !isRecord(value.info) || !Array.isArray(value.answers)) return null;
  const { files, meta } = value.info;
  if (!Array.isArray(files) || !files.every((f) => Array.isArray(f) && typeof f[0] === 'string' && typeof f[1] === 'number')) return null;
  if (!isRecord(meta) || !Object.values(meta).every((v) => typeof v === 'string')) return null;
  const answersWell = value.answers.every(
    (a) => Array.isArray(a) && a.length === 2 && typeof a[0] === 'string' && Array.isArray(a[1]) && a[1].every(isRecord),
  );
  return answersWell ? (value as unknown as FirstAnswers) : null;
}

/** Whether two reports describe the same build's data: every file at the same size, the same meta. */
export function sameData(a: DataInfo, b: DataInfo): boolean {
  const files = new Map(a.files);
  if (files.size !== b.files.length || b.files.some(([path, bytes]) => files.get(path) !== bytes)) return false;
  const keys = Object.keys(a.meta);
  return keys.length === Object.keys(b.meta).length && keys.every((k) => a.meta[k] === b.meta[k]);
}
