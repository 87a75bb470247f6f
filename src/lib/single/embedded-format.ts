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

/**
 * The page's first message to a worker of the single file: the files that worker reads, still in
 * base64. The worker decodes a file when it first reads it, so the page's thread decodes nothing
 * and a part no view asks for is never decoded (at 200 townships, 40 MB of base64 took the page
 * 0.4 s to decode).
 */
export interface EmbeddedMessage {
  type: 'duty-atlas:embedded-files';
  files: [path: string, base64: string][];
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

/** A short name for embedded data (its base64): FNV-1a over the text, with its length; the same data, the same name. */
export function dataFingerprint(base64: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < base64.length; i++) hash = Math.imul(hash ^ base64.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${base64.length.toString(16)}`;
}

/** Bytes from base64: the browser's own decoder where it has one (three times faster), else atob (every browser, and Node). */
export function decodeBase64(text: string): Uint8Array {
  const typed = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array };
  if (typed.fromBase64) return typed.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The embedded files under `root` (the page's document) by path, in base64 (decodeBase64 when read);
 * their tags are removed, so the page keeps one copy.
 */
export function takeEmbedded(root: ParentNode): Map<string, string> {
  const files = new Map<string, string>();
  for (const tag of root.querySelectorAll(`script[type="${EMBEDDED_TYPE}"][${EMBEDDED_ATTRIBUTE}]`)) {
    files.set(tag.getAttribute(EMBEDDED_ATTRIBUTE)!, tag.textContent ?? '');
    tag.remove();
  }
  return files;
}
