/**
 * Worker threads running a TypeScript module, for scripts that run under tsx (`npm run build:db`,
 * `npx tsx …`) or inside vitest.
 *
 * Node 20 does not load a worker's `.ts` entry through the hooks tsx registers, neither inherited
 * nor passed as `execArgv: ['--import', 'tsx']` (both fail with ERR_UNKNOWN_FILE_EXTENSION; tsx
 * issue #354). So the worker starts from a one-line JavaScript entry that registers tsx's ESM hooks
 * in the worker itself and then imports the module.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

let api: string | undefined;

/** tsx's ESM register API (`tsx/esm/api`, its `import` export), as a file URL. */
function tsxApi(): string {
  if (api) return api;
  // Read from tsx's own exports map: require.resolve would give the CommonJS build, which cannot
  // register ESM hooks, and import.meta.resolve is missing where vitest runs the build.
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const target = JSON.parse(readFileSync(manifest, 'utf8')).exports['./esm/api'].import;
  api = pathToFileURL(join(dirname(manifest), typeof target === 'string' ? target : target.default)).href;
  return api;
}

/** Starts `module` (a .ts file URL) in a worker thread. */
export function startTsWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const entry = `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(entry, { ...options, eval: true });
}
