/**
 * The single-file build (scripts/build-single.ts): the app built as one HTML page that opens from
 * file:// with no network, carrying sql.js's wasm and a built data folder inside it.
 *
 * Three differences from `vite build`, each a plugin here, so the app's own code holds no build-mode
 * conditionals:
 * - `hostModules` swaps each module of src/lib/host/ (how a worker starts, where sql.js's wasm and
 *   the data files come from) for its namesake in src/lib/single/, in the page and in the workers;
 * - `embedFiles` puts the data files and the wasm, gzipped at level 9, into the page as base64;
 * - vite-plugin-singlefile inlines the scripts and styles (the workers are already inlined by
 *   `?worker&inline`, dynamic imports become one bundle).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { EMBEDDED_ATTRIBUTE, EMBEDDED_TYPE, WASM_FILE } from '../../src/lib/single/embedded-format';
import { SERVED_DATABASE } from '../../src/lib/export/database-export';
import { ATLAS_DIR, SUMMARY_FILE } from '../../src/lib/atlas/parts';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The page's title as its file name: what a reader looks for on the USB stick. Windows, macOS and
 * Linux keep Unicode names on FAT32, exFAT and NTFS sticks; only an old zip tool might garble it, and
 * `--out` names the file otherwise.
 */
export const SINGLE_FILE_NAME = '履职事项清单看板.html';
const HOST = join(ROOT, 'src/lib/host');
const SINGLE = join(ROOT, 'src/lib/single');

/** Redirects an import of src/lib/host/<name>.ts to src/lib/single/<name>.ts. */
export function hostModules(): Plugin {
  return {
    name: 'duty-atlas:single-host-modules',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.includes('host/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || dirname(resolved.id) !== HOST) return null;
      const single = join(SINGLE, relative(HOST, resolved.id));
      if (!existsSync(single)) throw new Error(`${single} is missing: every module of src/lib/host needs its single-file namesake`);
      return single;
    },
  };
}

/** A file the page carries: its path (as under the site's data/, or WASM_FILE) and its gzipped bytes. */
export interface EmbeddedFile {
  path: string;
  bytes: Uint8Array;
}

/** gzip at level 9: the build's level 1 is for a region's build time; here every byte is read from a USB stick. */
const gzipBest = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes, { level: 9 }));
const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * What the single file carries from a built data folder (`npm run build:db`'s output: duties.sqlite
 * and atlas/): every atlas part and the place table, the complete database (导出数据库, the import and
 * the review start from it) and sql.js's wasm, each gzipped at level 9.
 */
export function filesToEmbed(dataDir: string): EmbeddedFile[] {
  for (const required of [SERVED_DATABASE, SUMMARY_FILE]) {
    if (!existsSync(join(dataDir, required))) throw new Error(`${join(dataDir, required)} is missing: run \`npm run build:db\` first`);
  }
  const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  const atlas = filesUnder(join(dataDir, ATLAS_DIR)).map((file) => relative(dataDir, file).split(sep).join('/'));
  const files = [...atlas, SERVED_DATABASE].sort().map((path) => {
    const raw = new Uint8Array(readFileSync(join(dataDir, path)));
    return { path, bytes: gzipBest(isGzip(raw) ? new Uint8Array(gunzipSync(raw)) : raw) };
  });
  return [...files, { path: WASM_FILE, bytes: gzipBest(new Uint8Array(readFileSync(wasm))) }];
}

/** Puts `files` into the page's body, one inert script element each (src/lib/single/embedded-format.ts). */
export function embedFiles(files: EmbeddedFile[]): Plugin {
  return {
    name: 'duty-atlas:single-embed-files',
    transformIndexHtml: () =>
      files.map((file): HtmlTagDescriptor => ({
        tag: 'script',
        attrs: { type: EMBEDDED_TYPE, [EMBEDDED_ATTRIBUTE]: file.path },
        children: Buffer.from(file.bytes).toString('base64'),
        injectTo: 'body',
      })),
  };
}
