/**
 * The build's worker thread (started by build-thread.ts, which says what it is for). It answers one
 * request at a time, in the order they come.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import initSqlJs from 'sql.js';
import { deriveAtlasInSteps, type AtlasFile, type ContractTables, type ListedFile } from '../../src/lib/atlas/derive';
import { deriveSearchFiles } from '../../src/lib/atlas/search-files';
import { buildSearchIndex, type SearchDocument } from '../../src/lib/search/index-writer';
import { verifyDatabase } from '../../src/lib/db/write-database';
import { packSearchIndex, packServed } from './pack-served';
import type { Derived, ParseMessage, PackedTables, WorkerReply, WorkerRequest } from './build-thread';
import { loadPlaceTable } from './load-place-table';
import { unpackRows } from './pack-rows';
import { readSource } from './read-source';
import { writeClaimedTextFiles } from './shared-text-parts';

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
  else if (request.type === 'summary')
    reply(
      Promise.resolve().then(() => ({ id: request.id, summary: writeSummary(request.files) })),
      (done) => ('summary' in done ? [ownBuffer(done.summary).buffer as ArrayBuffer] : []),
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
  const files = [...search.files, ...text.flatMap((claimed) => claimed.files), ...(atlas ?? [])];
  return [...new Set(files.map((f) => ownBuffer(f).buffer as ArrayBuffer))];
}

/** Gives a file whose bytes share a buffer with others (Node's Buffer pool) a buffer of its own, so it can move. */
function ownBuffer(file: AtlasFile): Uint8Array {
  if (file.bytes.byteLength !== file.bytes.buffer.byteLength) file.bytes = file.bytes.slice();
  return file.bytes;
}

/** The summary of the last derive, written once the main thread knows every file it lists. */
let pendingSummary: ((files: readonly ListedFile[]) => AtlasFile) | null = null;

function writeSummary(files: readonly ListedFile[]): AtlasFile {
  if (!pendingSummary) throw new Error('build worker: a summary was asked for before the atlas parts were derived');
  const summary = pendingSummary(files);
  pendingSummary = null;
  return summary;
}

async function derive({ tables, atlas, textClaim }: Extract<WorkerRequest, { type: 'derive' }>): Promise<Derived> {
  const SQL = await sql;
  const phases: Derived['phases'] = [];
  const timed = <T>(phase: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    phases.push([phase, performance.now() - started]);
    return result;
  };
  const rows = timed('take over', () => unpackTables(tables));
  const search = timed('search index', () => deriveSearchFiles(rows, packSearchIndex));
  let parts: AtlasFile[] | null = null;
  if (atlas) {
    const steps = timed('atlas parts', () =>
      deriveAtlasInSteps(SQL, rows as ContractTables, {
        pack: packServed,
        meta: { ...atlas.meta, search_buckets: String(search.buckets) },
      }),
    );
    parts = steps.parts;
    pendingSummary = steps.summary;
  }
  // Last: the main thread takes the counties left once its database is written.
  const text = timed('text parts', () => writeClaimedTextFiles(SQL, rows, new Int32Array(textClaim), packServed));
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
