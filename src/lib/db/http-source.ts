import type { AtlasSource } from '../atlas/engine';
import { fetchData, refetchData } from '../host/fetch-data';
import { concatBytes } from '../bytes/concat';

/**
 * The served data over HTTP, relative to the data folder's absolute URL (a worker resolves relative
 * URLs against its own script, so the page sends the folder's URL). Reports download progress.
 */
export function httpSource(dataUrl: string): AtlasSource {
  const source: AtlasSource = {
    fetch: async (path, onProgress) => bytesOf(path, await fetchData(path, dataUrl), onProgress),
  };
  const again = refetchData;
  if (again) source.refetch = async (path) => bytesOf(path, await again(path, dataUrl));
  return source;
}

/** A response's body, its progress reported as it arrives; an HTTP error names the file. */
async function bytesOf(path: string, response: Response, onProgress?: (loaded: number, total: number | null) => void): Promise<Uint8Array> {
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${response.statusText}`);
  const header = response.headers.get('content-length');
  const total = header ? Number(header) : null;
  if (!response.body || !onProgress) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, total);
  }
  return concatBytes(chunks, loaded);
}
