import type { StoredDatabase } from '../import/stored-database';
import { DATA_STRINGS } from '../ui/strings';
import { fetchServedFile } from '../host/served-file';
import { wholeDatabaseProblem } from './whole-database';

/** The complete database the site serves beside its parts (written by `npm run build:db`). */
export const SERVED_DATABASE = 'duties.sqlite';

/**
 * The complete database of what is shown, for 导出数据库: the file the reader opened as it was
 * opened, or the served one, fetched only now (it is never on the first paint's path) and refused,
 * with the reason in Chinese, when the server did not hand over the whole database.
 */
export async function databaseToExport(
  opened: StoredDatabase | null,
  dataUrl = new URL('./data/', document.baseURI).href,
): Promise<{ bytes: Uint8Array; name: string }> {
  if (opened) return { bytes: opened.bytes, name: opened.name };
  let bytes: Uint8Array;
  try {
    bytes = await fetchServedFile(SERVED_DATABASE, dataUrl);
  } catch (e) {
    throw new Error(DATA_STRINGS.servedMissing(e instanceof Error ? e.message : String(e)));
  }
  const problem = wholeDatabaseProblem(bytes);
  if (problem?.kind === 'not-sqlite') throw new Error(DATA_STRINGS.servedNotDatabase);
  if (problem?.kind === 'truncated') throw new Error(DATA_STRINGS.servedTruncated(problem.expected, problem.received));
  return { bytes, name: DATA_STRINGS.builtInFileName };
}
