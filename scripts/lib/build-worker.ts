/**
 * The build's worker thread (started by build-thread.ts, which says what it is for). It answers one
 * request at a time, in the order they come.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import initSqlJs from 'sql.js';
import { deriveAtlas, deriveTextFiles, type AtlasFile, type ContractTables } from '../../src/lib/atlas/derive';
import { deriveSearchFiles } from '../../src/lib/atlas/search-files';
import { buildSearchIndex, type SearchDocument } from '../../src/lib/search/index-writer';
import { verifyDatabase } from '../../src/lib/db/write-database';
import { packServed } from './pack-served';
import type { Derived, ParseMessage, PackedTables, WorkerReply, WorkerRequest } from './build-thread';
import { loadPlaceTable } from './load-place-table';
import { unpackRows } from './pack-rows';
import { readSource } from './read-source';

const port = parentPort!;
// Compiling sql.js's wasm takes a moment: start while the lists are read.
const sql = initSqlJs();

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'parse') return parse(request);
  if (request.type === 'warm-up') return warmUp(request.documents);
  const reply = (work: Promise<WorkerReply>, transfer: (reply: WorkerReply) => ArrayBuffer[] = () => []) =>
    work.then(
      (done) => port.postMessage(done, transfer(done)),
      (error) => port.postMessage({ id: request.id, error } satisfies WorkerReply),
    );
  if (request.type === 'derive')
    reply(
      derive(request).then((derived) => ({ id: request.id, derived })),
      transferable,
    );
  else reply(verify(request.path).then((problems) => ({ id: request.id, problems })));
});

/** Reads the lists it claims until none is left, sending each as it is read. */
function parse({ inputDir, files, claim, port: results }: Extract<WorkerRequest, { type: 'parse' }>): void {
  const next = new Int32Array(claim);
  for (let index = Atomics.add(next, 0, 1); index < files.length; index = Atomics.add(next, 0, 1)) {
    let message: ParseMessage;
    try {
      // Read once a list is claimed: with a few lists the main thread has often read them all by the
      // time this thread has started, and the country's table is 41,000 townships.
      message = { index, result: readSource(inputDir, files[index], loadPlaceTable()) };
    } catch (error) {
      message = { index, error };
    }
    results.postMessage(message);
  }
  results.close();
}

/** Indexes a sample of the lists a few times and drops the result (BuildThread.warmUp says why). */
function warmUp(documents: SearchDocument[]): void {
  for (let run = 0; run < 3; run++) buildSearchIndex(documents);
}

/**
 * The files' bytes move to the main thread; nothing large is copied. A small gzip result may sit in
 * Node's shared Buffer pool, whose buffer must not be moved: such a file gets its own copy first.
 */
function transferable(reply: WorkerReply): ArrayBuffer[] {
  if (!('derived' in reply)) return [];
  const { search, text, atlas } = reply.derived;
  const files = [...search.files, ...text, ...(atlas ?? [])];
  for (const file of files) if (file.bytes.byteLength !== file.bytes.buffer.byteLength) file.bytes = file.bytes.slice();
  return [...new Set(files.map((f) => f.bytes.buffer as ArrayBuffer))];
}

async function derive({ tables, atlas }: Extract<WorkerRequest, { type: 'derive' }>): Promise<Derived> {
  const SQL = await sql;
  const phases: Derived['phases'] = [];
  const timed = <T>(phase: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    phases.push([phase, performance.now() - started]);
    return result;
  };
  const rows = timed('take over', () => unpackTables(tables));
  const search = timed('search index', () => deriveSearchFiles(rows, packServed));
  const text = timed('text parts', () => deriveTextFiles(SQL, rows, packServed));
  const parts: AtlasFile[] | null = atlas
    ? timed('atlas parts', () =>
        deriveAtlas(SQL, rows as ContractTables, {
          pack: packServed,
          extraFiles: [...text, ...search.files],
          meta: { ...atlas.meta, search_buckets: String(search.buckets) },
        }),
      )
    : null;
  return { search, text, atlas: parts, phases };
}

function unpackTables(tables: PackedTables): Partial<ContractTables> & Pick<ContractTables, 'townships' | 'items' | 'steps'> {
  const rows: Partial<ContractTables> = {};
  for (const [name, packed] of Object.entries(tables) as [keyof ContractTables, NonNullable<PackedTables[keyof ContractTables]>][])
    (rows as Record<string, unknown>)[name] = unpackRows(packed);
  return rows as Partial<ContractTables> & Pick<ContractTables, 'townships' | 'items' | 'steps'>;
}

async function verify(path: string): Promise<string[]> {
  return verifyDatabase(await sql, readFileSync(path));
}
