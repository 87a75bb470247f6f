import type { ImportFailure } from './import-failure';
import { describeProblem } from './describe-problem';
import { IMPORT_STRINGS } from '../ui/strings';

/** What went wrong in the import worker, in the reader's words: one sentence, or one per problem of a database that did not read. */
export function describeImportFailure(failure: ImportFailure): string[] {
  if (failure.kind === 'database-refused')
    return [IMPORT_STRINGS.failures['database-refused'](failure), ...failure.problems.map(describeProblem)];
  const say = IMPORT_STRINGS.failures[failure.kind] as (failure: ImportFailure) => string;
  return [say(failure)];
}
