/**
 * npm run build:single [-- --data DIR] [--out FILE]
 *
 * Builds the dashboard as one HTML file (scripts/lib/single-file.ts) that opens by double-click from
 * a USB stick, with no server and no network: the app, sql.js's wasm and a built data folder (by
 * default public/data, which `npm run build:single` builds first; `--data` takes another, e.g.
 * `npm run build:db -- --out DIR/duties.sqlite`'s). Writes dist-single/履职事项清单看板.html unless
 * `--out` names another file, and prints its size and what it carries.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { build } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { SINGLE_FILE_NAME, embedFiles, filesToEmbed, hostModules } from './lib/single-file';
import { singleFileContentSecurityPolicy } from './csp/plugin';

const ROOT = resolve(import.meta.dirname, '..');

const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = resolve(value('--data') ?? resolve(ROOT, 'public/data'));
const out = resolve(value('--out') ?? resolve(ROOT, 'dist-single', SINGLE_FILE_NAME));

const started = performance.now();
const files = filesToEmbed(dataDir);
await build({
  root: ROOT,
  configFile: resolve(ROOT, 'vite.config.ts'),
  mode: 'single',
  logLevel: 'warn',
  // The data is in the page; nothing of public/ may land beside it.
  publicDir: false,
  // Never emptied: --out may name a file in any folder, and the build writes that one file alone.
  build: { outDir: dirname(out), emptyOutDir: false },
  // The policy last: it hashes the scripts vite-plugin-singlefile has put into the page.
  plugins: [hostModules(), embedFiles(files), viteSingleFile({ outputFileName: basename(out) }), singleFileContentSecurityPolicy()],
  // Classic workers: Chromium refuses a module worker from a blob: URL minted by a file:// page, and
  // starts a classic one (the blob holds the worker's whole bundle, so it imports nothing).
  worker: { format: 'iife', plugins: () => [hostModules()] },
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const carried = (prefix: string) => files.filter((f) => f.path.startsWith(prefix)).reduce((sum, f) => sum + f.bytes.length, 0);
const data = files.reduce((sum, f) => sum + f.bytes.length, 0);
console.log(
  [
    `${out}: ${statSync(out).size} bytes in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    `  carries ${kb(data)} gzipped (${kb(Math.ceil(data / 3) * 4)} as base64): atlas parts ${kb(carried('atlas/'))},` +
      ` complete database ${kb(carried('duties.sqlite'))}, sql.js wasm ${kb(carried('sql-wasm'))}`,
  ].join('\n'),
);
