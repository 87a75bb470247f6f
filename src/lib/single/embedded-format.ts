/**
 * How the single-file build carries its files inside the HTML page, and how the page hands them to
 * a worker. Pure: the build writes what `parseEmbedded` reads, and the tests check one against the
 * other.
 *
 * Each file is one `<script type="application/octet-stream" data-embedded="<path>">` holding its
 * bytes in base64 (a browser never runs a script of that type, and HTML has no way to hold raw
 * bytes). Every file is gzipped by the build, so base64's third more is a third of the compressed
 * size; the readers (engine, import, export, sql.js loader) inflate what they take.
 */

export const EMBEDDED_TYPE = 'application/octet-stream';
export const EMBEDDED_ATTRIBUTE = 'data-embedded';

/** sql.js's wasm, gzipped, beside the data files (which keep their paths under the site's `data/`). */
export const WASM_FILE = 'sql-wasm.wasm.gz';

/** The page's first message to a worker of the single file: the files that worker reads. */
export interface EmbeddedMessage {
  type: 'duty-atlas:embedded-files';
  files: [path: string, bytes: Uint8Array][];
}

export const isEmbeddedMessage = (data: unknown): data is EmbeddedMessage =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'duty-atlas:embedded-files';

/** Which worker the files go to: the database worker reads the atlas parts, the import worker the place table. */
export type EmbeddedReader = 'db' | 'import';

/** Whether `reader` reads the file at `path`: each worker is sent only its own files, not the whole page's. */
export function readsFile(reader: EmbeddedReader, path: string): boolean {
  if (path === WASM_FILE) return true;
  if (reader === 'import') return path === 'atlas/places.json.gz';
  return path.startsWith('atlas/') && path !== 'atlas/places.json.gz';
}

/** Bytes from base64 (atob: in every browser and in Node, so the tests read what the page reads). */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The embedded files under `root` (the page's document), by path; their tags are removed, so the page keeps one copy. */
export function takeEmbedded(root: ParentNode): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const tag of root.querySelectorAll(`script[type="${EMBEDDED_TYPE}"][${EMBEDDED_ATTRIBUTE}]`)) {
    files.set(tag.getAttribute(EMBEDDED_ATTRIBUTE)!, decodeBase64(tag.textContent ?? ''));
    tag.remove();
  }
  return files;
}
