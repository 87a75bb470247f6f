import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { unpack } from '../atlas/unpack';
import { WASM_FILE } from './embedded-format';
import { workerFile } from './worker-files';
import type * as served from '../host/sql-js';

/**
 * sql.js with the wasm the page carries (single-file build): a page opened from file:// can load
 * nothing by URL, so the bytes come from the page and are compiled from memory.
 */
export const loadSqlJs: typeof served.loadSqlJs = async (): Promise<SqlJsStatic> => {
  const wasm = await unpack(await workerFile(WASM_FILE));
  return initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
};
