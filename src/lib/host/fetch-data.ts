import { takeHandedResponse } from '../db/handed-downloads';

/**
 * A file under the site's `data/` folder (an atlas part, the place table), fetched by a worker
 * relative to the folder's absolute URL: as the server hands it over, gzipped where the build gzips.
 * The page's own download where it started one for this worker (the summary: src/lib/host/db-worker.ts).
 */
export const fetchData = async (path: string, dataUrl: string): Promise<Response> => {
  const url = new URL(path, dataUrl).href;
  return (await takeHandedResponse(url)) ?? fetch(url);
};

/**
 * The same file again from the server, past the browser's cache: the parts keep their names from one
 * build to the next, so a cache may hold an earlier build's (src/lib/atlas/engine.ts asks when a
 * file is not the size the summary lists; the page, for first answers of another build:
 * src/lib/db/fetch-first-answers.ts). Null where there is no cache to go past.
 */
export const refetchData: ((path: string, dataUrl: string) => Promise<Response>) | null = (path, dataUrl) =>
  fetch(new URL(path, dataUrl).href, { cache: 'reload' });
