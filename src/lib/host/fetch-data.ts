/**
 * A file under the site's `data/` folder (an atlas part, the place table), fetched by a worker
 * relative to the folder's absolute URL: as the server hands it over, gzipped where the build gzips.
 */
export const fetchData = (path: string, dataUrl: string): Promise<Response> => fetch(new URL(path, dataUrl));
