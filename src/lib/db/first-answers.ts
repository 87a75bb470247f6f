import type { DataInfo } from './protocol';
import { questionKey } from './result-cache';
import type { Sql, SqlValue } from './sql';

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
 * The answers belong to one build's data. Once the worker has the data open, the client checks them:
 * `info` against what the worker reports (the summary's file listing and meta), then every question
 * asked again of the worker against its rows — a rebuild that renames a category changes no file's
 * size and no meta. Where either differs (a cached file of another build), the page opens the data
 * again without them.
 */
export const FIRST_ANSWERS_FILE = 'atlas/first-answers.json.gz';

/** One question of the first screen and the rows it was answered with. */
export interface FirstAnswer {
  question: { text: string; params: SqlValue[]; needs: string[] };
  rows: object[];
}

export interface FirstAnswers {
  info: DataInfo;
  answers: FirstAnswer[];
}

/** The file's JSON for `info` and the questions asked with their answers. */
export const firstAnswersJson = (info: DataInfo, asked: readonly (readonly [Sql, object[]])[]): string =>
  JSON.stringify({
    info,
    answers: asked.map(([q, rows]) => ({ question: { text: q.text, params: [...q.params], needs: [...(q.needs ?? [])] }, rows })),
  } satisfies FirstAnswers);

/** The answers by questionKey, as the client's result cache holds answers. */
export const answersByKey = (first: FirstAnswers): [key: string, rows: object[]][] =>
  first.answers.map((a) => [questionKey(a.question), a.rows]);

/** Whether `rows` are the rows `answer` holds (as the engine returns them: same columns in the same order). */
export const sameRows = (answer: FirstAnswer, rows: readonly object[]): boolean => JSON.stringify(rows) === JSON.stringify(answer.rows);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSqlValue = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number';

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
    (a) =>
      isRecord(a) &&
      isRecord(a.question) &&
      typeof a.question.text === 'string' &&
      Array.isArray(a.question.params) &&
      a.question.params.every(isSqlValue) &&
      Array.isArray(a.question.needs) &&
      a.question.needs.every((n) => typeof n === 'string') &&
      Array.isArray(a.rows) &&
      a.rows.every(isRecord),
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
