/**
 * A file under the site's `data/` folder, read by the page itself rather than by a worker: the
 * build's first answers, fetched at the page's start (src/lib/db/fetch-first-answers.ts), and the
 * complete database that 导出数据库 and the import send on, fetched only when asked for.
 */
export async function fetchServedFile(path: string, dataUrl: string): Promise<Uint8Array> {
  const response = await fetch(new URL(path, dataUrl));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
