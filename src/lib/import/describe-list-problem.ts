import type { ListProblem } from './add-lists';
import type { ListRefusal, ListRefusalKind } from './list-refusal';
import { IMPORT_STRINGS } from '../ui/strings';

/**
 * Refusals about the file as a whole: the parser names a line only because the build's report
 * needs one (line 1, or the last), which would send a reader looking in the wrong place.
 */
const WHOLE_FILE: ReadonlySet<ListRefusalKind> = new Set<ListRefusalKind>([
  'empty',
  'utf16-odd-length',
  'utf16-invalid',
  'utf16-without-bom',
  'unknown-encoding',
  'no-list',
  'no-place',
  'list-missing',
  'contents-list-missing',
  // Each mismatch names its own place.
  'stated-counts',
]);

/** A refused file's problem in the reader's words: where in the file, then what is wrong and what to do. */
export function describeListProblem(problem: ListProblem): string {
  const say = IMPORT_STRINGS.refusals[problem.refusal.kind] as (refusal: ListRefusal, at: typeof IMPORT_STRINGS.at) => string;
  const sentence = say(problem.refusal, IMPORT_STRINGS.at);
  return problem.at === null || WHOLE_FILE.has(problem.refusal.kind)
    ? sentence
    : IMPORT_STRINGS.placed(IMPORT_STRINGS.at(problem.at), sentence);
}
