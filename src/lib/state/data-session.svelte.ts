import { DbLoadError, type WorkerDbClient } from '../db/worker-client';
import { forgetStoredDatabase, loadStoredDatabase, storeDatabase, type StoredDatabase } from '../import/stored-database';
import { describeProblem } from '../import/describe-problem';
import { databaseToExport } from '../export/database-export';
import { downloadBytes } from '../export/download';
import { DATA_STRINGS } from '../ui/strings';
import { connect, type Connection, type FilterOptions } from './connect';
import { PlaceIndex } from './selection';

export type Phase =
  | { name: 'loading'; loaded: number | null; total: number | null }
  | { name: 'error'; stage: 'wasm' | 'db' | 'file'; detail: string }
  | { name: 'ready'; client: WorkerDbClient };

export type DataBusy = { kind: 'open'; name: string } | { kind: 'export' } | null;
export type DataError = { title: string; reasons: string[] } | null;

const errorName = (e: unknown) =>
  e instanceof Error || e instanceof DOMException ? (e.message && e.message !== e.name ? `${e.name}: ${e.message}` : e.name) : String(e);

/** Every reason a failed open gives, in Chinese where the worker named the problems. */
const reasonsOf = (e: unknown): string[] =>
  e instanceof DbLoadError && e.problems.length ? e.problems.map(describeProblem) : [e instanceof Error ? e.message : String(e)];

/**
 * Which data the page shows and its lifecycle: the served data, or a complete database the reader
 * opened (kept in IndexedDB until they restore the built-in data); opening, exporting, restoring.
 * `onShown` runs whenever other data is on screen (the shell prefetches and resets what it must).
 */
export class DataSession {
  phase: Phase = $state({ name: 'loading', loaded: null, total: null });
  options: FilterOptions = $state({ townships: [], categories: [], departmentKinds: [] });
  places = $state.raw(new PlaceIndex([]));
  /** The database the reader opened, shown instead of the served data; null: the served data. */
  opened = $state.raw<StoredDatabase | null>(null);
  busy: DataBusy = $state(null);
  error: DataError = $state(null);

  #current: WorkerDbClient | null = null;

  constructor(private readonly onShown: (connection: Connection, first: boolean) => void) {}

  /** Shows a connection's data: the old worker goes only now, so a failed open never blanks the page. */
  #adopt(connection: Connection, first: boolean) {
    this.#current?.close();
    this.#current = connection.client;
    this.options = connection.options;
    this.places = connection.places;
    this.phase = { name: 'ready', client: connection.client };
    this.onShown(connection, first);
  }

  /** Opens what the page shows at start (or on retry): the database kept from an earlier visit, else the served data. */
  load = async (first = true) => {
    this.#current?.close();
    this.#current = null;
    this.phase = { name: 'loading', loaded: null, total: null };
    const stored = await loadStoredDatabase().catch(() => null);
    this.opened = stored;
    try {
      const connection = await connect({
        onProgress: (loaded, total) => (this.phase = { name: 'loading', loaded, total }),
        file: stored ? { name: stored.name, bytes: stored.bytes } : undefined,
      });
      this.#adopt(connection, first);
    } catch (e) {
      const stage = e instanceof DbLoadError ? e.stage : 'db';
      this.phase = { name: 'error', stage, detail: reasonsOf(e).join('；') };
    }
  };

  /** A complete database the reader chose: shown and kept if it opens; else its reasons, and nothing changes. */
  open = async (file: File) => {
    if (this.busy) return;
    this.error = null;
    this.busy = { kind: 'open', name: file.name };
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const connection = await connect({ file: { name: file.name, bytes } });
      const stored = { name: file.name, bytes, savedAt: new Date().toISOString() };
      this.opened = stored;
      this.#adopt(connection, false);
      try {
        await storeDatabase(stored);
      } catch (e) {
        // Shown all the same: only keeping it failed (a private window's or a full disk's quota).
        this.error = { title: DATA_STRINGS.notKept(file.name), reasons: [DATA_STRINGS.storageFailed(bytes.length, errorName(e))] };
      }
    } catch (e) {
      this.error = { title: DATA_STRINGS.refused(file.name), reasons: reasonsOf(e) };
    } finally {
      this.busy = null;
    }
  };

  export = async () => {
    if (this.busy) return;
    this.error = null;
    this.busy = { kind: 'export' };
    try {
      const { bytes, name } = await databaseToExport(this.opened);
      downloadBytes(bytes, name);
    } catch (e) {
      this.error = { title: DATA_STRINGS.exportFailed, reasons: reasonsOf(e) };
    } finally {
      this.busy = null;
    }
  };

  restoreBuiltIn = async () => {
    this.error = null;
    await forgetStoredDatabase();
    this.opened = null;
    await this.load(false);
  };

  close() {
    this.#current?.close();
  }
}
