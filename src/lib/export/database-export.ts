import type { StoredDatabase } from '../import/stored-database';
import { DATA_STRINGS } from '../ui/strings';
import { fetchServedFile } from '../host/served-file';

/** The complete database the site serves beside its parts (written by `npm run build:db`). */
export const SERVED_DATABASE = 'duties.sqlite';

/**
 * The complete database of what is shown, for 导出数据库: the file the reader opened as it was
 * opened, or the served one, fetched only now (it is never on the first paint's path).
 */
export async function databaseToExport(
  opened: StoredDatabase | null,
  dataUrl = new URL('./data/', document.baseURI).href,
): Promise<{ bytes: Uint8Array; name: string }> {
  if (opened) return { bytes: opened.bytes, name: opened.name };
  return { bytes: await fetchServedFile(SERVED_DATABASE, dataUrl), name: DATA_STRINGS.builtInFileName };
}
