/**
 * The build's second thread, as the main thread sees it: it reads lists beside the main thread, then
 * derives the parts of the served data that read the text (the search index and the county text
 * parts, and the other atlas parts when asked) while the main thread writes the database, and can
 * check a written database file. The worker side is build-worker.ts.
 *
 * Two cores are what the build is measured on; one worker and the main thread use both.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { AtlasData, SourceDocument } from '../../src/lib/model/assemble';
import type { PlaceTable } from '../../src/lib/model/place-table';
import type { AtlasFile, ContractTables, ListedFile } from '../../src/lib/atlas/derive';
import { packRows, packedBuffers, type PackedRows } from './pack-rows';
import { collectSources, listFiles, readSource, type ReadResult } from './read-source';
import { startBundledWorker } from './bundled-worker';
import type { ClaimedFile } from './shared-text-parts';
import type { SearchDocument } from '../../src/lib/search/index-writer';

/** Items of the lists sent to warm the worker up with (see warmUp). */
const WARM_UP_ITEMS = 400;

/** A list read by the worker, or an error that is not a refusal. */
export type ParseMessage = { index: number; result: ReadResult } | { index: number; error: unknown };

export type PackedTables = { [Table in keyof ContractTables]?: PackedRows };

export type WorkerRequest =
  | { type: 'parse'; inputDir: string; files: string[]; claim: SharedArrayBuffer; port: MessagePort }
  | { type: 'warm-up'; documents: SearchDocument[] }
  | { type: 'derive'; id: number; tables: PackedTables; atlas: { meta: Record<string, string> } | null; textClaim: SharedArrayBuffer }
  | { type: 'summary'; id: number; files: ListedFile[] }
  | { type: 'verify'; id: number; path: string };

export interface Derived {
  search: { buckets: number; files: AtlasFile[] };
  /** The county text parts the worker took (shared-text-parts.ts): the main thread writes the rest. */
  text: ClaimedFile[];
  /** The fixed parts (deriveAtlasInSteps), when asked for; the summary follows with `summary()`. */
  atlas: AtlasFile[] | null;
  /** Milliseconds per phase in the worker, in order. */
  phases: [phase: string, ms: number][];
}

export type WorkerReply =
  | { id: number; error: unknown }
  | { id: number; derived: Derived }
  | { id: number; summary: AtlasFile }
  | { id: number; problems: string[] };

export class BuildThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: unknown) => void }>();
  private readonly failed: ((error: unknown) => void)[] = [];
  private failure: unknown = null;
  private nextId = 1;

  constructor() {
    this.worker = startBundledWorker(new URL('./build-worker.ts', import.meta.url));
    this.worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiting) return;
      if ('error' in reply) waiting.reject(reply.error);
      else waiting.resolve(reply);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the build worker stopped (exit code ${code})`)));
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(this.failure);
    this.pending.clear();
    for (const reject of this.failed.splice(0)) reject(this.failure);
  }

  private request(message: WorkerRequest & { id: number }, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      this.worker.postMessage(message, transfer);
    });
  }

  /**
   * Every list of a folder, read by this thread and the worker together: each takes the next file
   * not yet taken, so neither waits for the other however long a list takes. The sources come in
   * township id order and the refusal names every problem, exactly as readSources (build-db.ts) does.
   */
  async readSources(inputDir: string, places: PlaceTable): Promise<SourceDocument[]> {
    const files = listFiles(inputDir);
    const claim = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    this.worker.postMessage(
      { type: 'parse', inputDir, files, claim: claim.buffer as SharedArrayBuffer, port: port2 } satisfies WorkerRequest,
      [port2],
    );
    const results = new Array<ReadResult>(files.length);
    let read = 0;
    const take = (message: ParseMessage) => {
      if ('error' in message) throw message.error;
      results[message.index] = message.result;
      read++;
    };
    // The worker's lists are taken in between this thread's own, so that copying them in does not
    // all wait until the end.
    const drain = () => {
      for (let received = receiveMessageOnPort(port1); received; received = receiveMessageOnPort(port1)) take(received.message);
    };
    try {
      for (let index = Atomics.add(claim, 0, 1); index < files.length; index = Atomics.add(claim, 0, 1)) {
        results[index] = readSource(inputDir, files[index], places);
        read++;
        drain();
      }
      drain();
      if (read < files.length)
        await new Promise<void>((resolve, reject) => {
          this.failed.push(reject);
          if (this.failure) reject(this.failure);
          port1.on('message', (message: ParseMessage) => {
            try {
              take(message);
              if (read === files.length) resolve();
            } catch (error) {
              reject(error);
            }
          });
        });
    } finally {
      port1.close();
    }
    return collectSources(inputDir, results);
  }

  /**
   * Gives the worker, idle while this thread models the lists, the text of their first items to index
   * and throw away: the search index's writer is one long function, and the first time it ran over
   * five lists it spent most of its half second unoptimised (a second run took a tenth of that). So
   * the index derive() asks for runs on code already compiled. Changes nothing the build writes.
   */
  warmUp(sources: readonly SourceDocument[]): void {
    const documents: SearchDocument[] = [];
    for (const { document } of sources) {
      for (const item of document.items) {
        if (documents.length === WARM_UP_ITEMS) break;
        const steps = [...item.departmentSteps, ...item.townshipSteps].flatMap((group) => group.steps);
        documents.push({ item: documents.length + 1, units: [item.name, ...steps] });
      }
    }
    if (documents.length && !this.failure) this.worker.postMessage({ type: 'warm-up', documents } satisfies WorkerRequest);
  }

  /**
   * Starts deriving the search index from `data` — and every fixed part when `atlas` is given — in
   * the worker, which then writes the county text parts not yet taken off `textClaim`
   * (shared-text-parts.ts). The rows it reads are packed and handed over before this returns; the
   * promise resolves with the files.
   */
  derive(data: AtlasData, atlas: { meta: Record<string, string> } | null, textClaim: Int32Array): Promise<Derived> {
    const tables: PackedTables = { townships: packRows(data.townships), items: packRows(data.items), steps: packRows(data.steps) };
    if (atlas) {
      tables.departments = packRows(data.departments);
      tables.itemDepartments = packRows(data.itemDepartments);
      tables.dutyGroupCandidates = packRows(data.dutyGroupCandidates);
      tables.dutyGroupLinks = packRows(data.dutyGroupLinks);
      tables.departmentKindSources = packRows(data.departmentKindSources);
      tables.statedCounts = packRows(data.statedCounts);
    }
    const transfer = Object.values(tables).flatMap((packed) => packedBuffers(packed));
    return this.request(
      { type: 'derive', id: this.nextId++, tables, atlas, textClaim: textClaim.buffer as SharedArrayBuffer },
      transfer,
    ).then((reply) => (reply as { derived: Derived }).derived);
  }

  /** The summary of the atlas derive() asked for, listing `files` (the fixed parts, the text parts, the search index). */
  summary(files: ListedFile[]): Promise<AtlasFile> {
    return this.request({ type: 'summary', id: this.nextId++, files }).then((reply) => (reply as { summary: AtlasFile }).summary);
  }

  /** Problems SQLite finds in the database file at `path` (verifyDatabase), read by the worker. */
  verify(path: string): Promise<string[]> {
    return this.request({ type: 'verify', id: this.nextId++, path }).then((reply) => (reply as { problems: string[] }).problems);
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
