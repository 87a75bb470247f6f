import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

/** sql.js with the wasm the site serves (a hashed file in assets/ that Vite bundles, never a CDN). */
export const loadSqlJs = (): Promise<SqlJsStatic> => initSqlJs({ locateFile: () => wasmUrl });
