/// <reference lib="webworker" />
/**
 * The database worker. It compiles sql.js (src/lib/host/sql-js.ts: the wasm bundled by Vite, never a
 * CDN) and opens the served data's summary, reporting download progress, then answers queries
 * through the AtlasEngine, which fetches the other parts as queries need them. Where the wasm and
 * the parts come from is src/lib/host's to say (served beside the page, or carried by the single file).
 */
import type { SqlJsStatic } from 'sql.js';
import { AtlasEngine, type AtlasSource } from '../atlas/engine';
import { deriveAllFiles } from '../atlas/derive-all';
import aliasFile from '../../../data/department-aliases.json';
import { kindSourcesOf, type DepartmentAliases } from '../model/departments';
import { memorySource, withFiles } from '../atlas/memory-source';
import { SUMMARY_FILE } from '../atlas/parts';
import { DatabaseRefused, readCompleteDatabase } from '../import/read-database';
import { carriedMeta } from '../import/import-protocol';
import { loadSqlJs as compileSqlJs } from '../host/sql-js';
import { httpSource } from './http-source';
import type { FromWorker, ToWorker } from './protocol';
import type { Sql } from './sql';

declare const self: DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => self.postMessage(message);

let engine: AtlasEngine | null = null;
/** Where the engine's parts come from: the server, or the parts derived here from a file. */
let source: AtlasSource | null = null;
/** Whether the page asked for each query's timing (scripts/bench does; the app never does). */
let timing = false;

/** sql.js, compiled once per worker; a failure is reported as the wasm stage's. */
let sqlJs: Promise<SqlJsStatic> | null = null;
const loadSqlJs = () => (sqlJs ??= compileSqlJs());

/**
 * Replaces the engine with the one `start` opens, once sql.js is compiled: reports ready, or which
 * stage failed (the wasm's, else `stage`) with the problems a refused database names.
 */
async function openEngine(stage: 'db' | 'file', start: (SQL: SqlJsStatic) => Promise<AtlasEngine>) {
  engine?.close();
  engine = null;
  let SQL: SqlJsStatic;
  try {
    SQL = await loadSqlJs();
  } catch (e) {
    post({ type: 'open-error', stage: 'wasm', message: String(e) });
    return;
  }
  try {
    engine = await start(SQL);
    post({ type: 'ready', info: { files: [...engine.info.files], meta: engine.info.meta } });
  } catch (e) {
    engine = null;
    const problems = e instanceof DatabaseRefused ? e.problems : undefined;
    post({ type: 'open-error', stage, message: e instanceof Error ? e.message : String(e), problems });
  }
}

function open(dataUrl: string) {
  // The summary downloads while the wasm compiles: neither waits for the other. Its failure is
  // reported after the wasm's, as the stage that failed.
  const served = (source = httpSource(dataUrl));
  post({ type: 'progress', loaded: 0, total: null });
  const summary = served.fetch(SUMMARY_FILE, (loaded, total) => post({ type: 'progress', loaded, total }));
  summary.catch(() => {});
  return openEngine('db', (SQL) => AtlasEngine.open(SQL, served, undefined, summary));
}

/**
 * A complete database the reader opened: checked, then every part the site would serve is derived
 * from it here and read by the engine from memory, so every view and query works on it unchanged.
 */
function openFile(name: string, bytes: Uint8Array) {
  return openEngine('file', (SQL) => {
    const tables = readCompleteDatabase(SQL, bytes, name);
    // A database written before kinds were recorded: decided from the alias file the page carries.
    tables.departmentKindSources ??= kindSourcesOf(tables.departments, aliasFile as unknown as DepartmentAliases);
    const files = deriveAllFiles(SQL, tables, { built_from: name, ...carriedMeta(tables.meta) });
    source = memorySource(new Map(files.map((f) => [f.path, f.bytes])));
    return AtlasEngine.open(SQL, source);
  });
}

/**
 * Shows `files` in place of the parts at their paths: a new engine over them and the parts kept
 * (fetched again, or taken from memory, as queries need them). The engine shown stays until the new
 * one is open, so a summary that does not open changes nothing.
 */
async function replaceParts(files: [string, Uint8Array][]) {
  try {
    if (!engine || !source) throw new Error('database not open');
    const next = withFiles(source, new Map(files));
    const opened = await AtlasEngine.open(await loadSqlJs(), next);
    engine.close();
    engine = opened;
    source = next;
    post({ type: 'replaced', info: { files: [...opened.info.files], meta: opened.info.meta } });
  } catch (e) {
    post({ type: 'replace-error', message: e instanceof Error ? e.message : String(e) });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'open') {
    timing = message.timing === true;
    void open(message.dataUrl);
    return;
  }
  if (message.type === 'open-file') {
    void openFile(message.name, message.bytes);
    return;
  }
  if (message.type === 'replace-parts') {
    void replaceParts(message.files);
    return;
  }
  if (message.type === 'prefetch') {
    engine?.prefetch(message.needs, message.first);
    return;
  }
  if (message.type === 'load') {
    engine?.load(message.needs);
    return;
  }
  const { id } = message;
  if (!engine) {
    post({ type: 'query-error', id, message: 'database not open' });
    return;
  }
  const q = { text: message.text, params: message.params, needs: message.needs };
  const answer = timing ? timedQuery(engine, q) : engine.query<object>(q).then((rows) => ({ rows }));
  answer.then(
    (a) => post({ type: 'result', id, ...a }),
    (e: unknown) => post({ type: 'query-error', id, message: e instanceof Error ? e.message : String(e) }),
  );
};

/** A query with the time it waited (for the parts it needs, or for the queries before it) apart from the time it ran. */
async function timedQuery(engine: AtlasEngine, q: Sql) {
  const timing = { waitMs: 0, runMs: 0 };
  const rows = await engine.query<object>(q, timing);
  return { rows, timing };
}
