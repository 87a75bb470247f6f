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
