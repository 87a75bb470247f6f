import type { DatabaseProblem } from './read-database';
import { DATA_STRINGS } from '../ui/strings';

/** A problem with an opened database, in the reader's words. */
export function describeProblem(problem: DatabaseProblem): string {
  const say = DATA_STRINGS.problems;
  switch (problem.kind) {
    case 'not-sqlite':
      return say['not-sqlite']();
    case 'corrupt':
      return say.corrupt(problem.detail);
    case 'missing-table':
      return say['missing-table'](problem.table);
    case 'missing-column':
      return say['missing-column'](problem.table, problem.column);
    case 'newer-schema':
      return say['newer-schema'](problem.version);
    case 'no-townships':
      return say['no-townships']();
    case 'broken-reference':
      return say['broken-reference'](problem.table, problem.row, problem.parent);
    case 'role-mismatch':
      return say['role-mismatch'](problem.row, problem.role, problem.list);
  }
}
