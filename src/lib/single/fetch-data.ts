import { workerFile } from './worker-files';
import type * as served from '../host/fetch-data';

/**
 * A data file the page carries (single-file build), answered as a server would answer its URL: the
 * gzipped bytes, or 404 for a file this page does not carry. The data folder's URL means nothing here.
 */
export const fetchData: typeof served.fetchData = async (path) => {
  try {
    return new Response((await workerFile(path)) as BlobPart);
  } catch {
    return new Response(null, { status: 404, statusText: 'not in this single file' });
  }
};

/** The page carries one build's files, gzipped at its own level: nothing to fetch again, nothing to compare. */
export const refetchData: typeof served.refetchData = null;
