import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { handedWasm } from '../db/handed-downloads';

/**
 * sql.js with the wasm the site serves (a hashed file in assets/ that Vite bundles, never a CDN):
 * the module the page compiled already where it handed one (src/lib/db/handed-downloads.ts), else
 * fetched and compiled here.
 */
export const loadSqlJs = async (): Promise<SqlJsStatic> => {
  const module = await handedWasm();
  if (!module) return initSqlJs({ locateFile: () => wasmUrl });
  // Emscripten's hook for a module compiled elsewhere; its callback has no way to fail, so a failed
  // instantiation rejects through the race.
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  return Promise.race([
    initSqlJs({
      locateFile: () => wasmUrl,
      instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
        WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module), fail);
        return {};
      },
    } as Parameters<typeof initSqlJs>[0]),
    failed,
  ]);
};
