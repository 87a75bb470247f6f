import { fetchServedFile } from '../host/served-file';
import { refetchData } from '../host/fetch-data';
import { unpack } from '../atlas/unpack';
import { FIRST_ANSWERS_FILE, parseFirstAnswers, type FirstAnswers } from './first-answers';

/**
 * The build's first answers for the served data in `dataUrl` (db/first-answers.ts), or null where
 * there are none to use: a site built before them, a failed download, a file that does not read.
 * Null costs only time: the page then waits for the worker, as it always did.
 */
export async function fetchFirstAnswers(dataUrl: string): Promise<FirstAnswers | null> {
  try {
    const bytes = await unpack(await fetchServedFile(FIRST_ANSWERS_FILE, dataUrl));
    return parseFirstAnswers(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/**
 * Fetches the first answers again past the browser's cache (read to the end, so the cache keeps the
 * whole file), so the next visit finds this build's: called when the ones this page drew from were
 * another build's (worker-client.ts). Nothing where there is no cache to go past (the single file).
 */
export async function refreshFirstAnswers(dataUrl: string): Promise<void> {
  try {
    await (await refetchData?.(FIRST_ANSWERS_FILE, dataUrl))?.arrayBuffer();
  } catch {
    // The next visit finds out again.
  }
}
