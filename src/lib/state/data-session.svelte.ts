import { tick } from 'svelte';
import { DbLoadError, StaleFirstAnswers, type WorkerDbClient } from '../db/worker-client';
import { forgetStoredDatabase, loadStoredDatabase, storeDatabase, StoreConflict, type StoredDatabase } from '../import/stored-database';
import { describeProblem } from '../import/describe-problem';
import { describeImportFailure } from '../import/describe-import-failure';
import { ImportFailed } from '../import/import-failure';
import { databaseToExport } from '../export/database-export';
import { downloadBytes } from '../export/download';
import { DATA_STRINGS, IMPORT_STRINGS, REVIEW_STRINGS } from '../ui/strings';
import type { ListReport } from '../import/add-lists';
import { applicable } from '../import/applicable';
import { ImportClient } from '../import/import-client';
import { importedOf, type ImportedList } from '../import/import-protocol';
import { decisionsOf, withDecision, withoutDecision, type ReviewDecision } from '../review/decisions';
import { connect, connectionOf, type Connection, type FilterOptions } from './connect';
import { partOfFile, regroupedFiles } from '../atlas/parts';
import { PlaceIndex } from './selection';
import { takeEarlyStart } from './early-start';

export type Phase =
  | { name: 'loading'; loaded: number | null; total: number | null }
  | { name: 'error'; stage: 'wasm' | 'db' | 'file'; detail: string }
  | { name: 'ready'; client: WorkerDbClient };

export type DataBusy =
  | { kind: 'open'; name: string }
  | { kind: 'export' }
  | { kind: 'read'; done: number; total: number; name: string }
  | { kind: 'apply' }
  | { kind: 'review' }
  /** A review decision is on screen; the regrouped database is being written and kept (export waits for it). */
  | { kind: 'keep' }
  | null;

/** Lists read and merged, waiting for the reader to apply them. */
export interface PendingImport {
  reports: ListReport[];
  /** Files that read, and so would be applied. */
  applicable: number;
}
/** What failed, why, and (where trying again can help: a download) how to try again. */
export type DataError = { title: string; reasons: string[]; retry?: () => void } | null;

const errorName = (e: unknown) =>
  e instanceof Error || e instanceof DOMException ? (e.message && e.message !== e.name ? `${e.name}: ${e.message}` : e.name) : String(e);

/** Every reason a failure gives, in Chinese where a worker named the problems (a database's, or the import worker's own). */
const reasonsOf = (e: unknown): string[] =>
  e instanceof StoreConflict
    ? [DATA_STRINGS.storeConflict]
    : e instanceof ImportFailed
      ? describeImportFailure(e.failure)
      : e instanceof DbLoadError && e.problems.length
        ? e.problems.map(describeProblem)
        : [e instanceof Error ? e.message : String(e)];

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
  /**
   * When the kept database this page's data comes from was saved (null: none was kept). A change is
   * kept only over that one: another tab's since then is never overwritten (stored-database.ts).
   */
  #keptAt: string | null = null;
  busy: DataBusy = $state(null);
  error: DataError = $state(null);
  /** The lists read, before the reader applies them. */
  pending = $state.raw<PendingImport | null>(null);
  /** The lists added in the page to the data shown (kept in its meta, so they travel with an export). */
  imported = $state.raw<ImportedList[]>([]);
  /** The review decisions on the data shown (kept in its meta, like the added lists). */
  decisions = $state.raw<ReviewDecision[]>([]);

  #current: WorkerDbClient | null = null;
  #importer = new ImportClient();
  /**
   * The page's name for the database shown, new whenever other data is shown: the import worker
   * keeps the database in memory under it between review decisions. A count, not a random id:
   * crypto.randomUUID exists only on https and localhost, and an intranet server may be plain http.
   */
  #shownKey = 0;

  /**
   * `onShown`'s `sameItems`: the data shown is the same lists grouped anew (a review decision), so
   * every township, item and filter the reader had still means what it meant.
   */
  constructor(private readonly onShown: (connection: Connection, first: boolean, sameItems: boolean) => void) {}

  /** Shows a connection's data: the old worker goes only now, so a failed open never blanks the page. */
  #adopt(connection: Connection, first: boolean, sameItems = false) {
    if (!sameItems) this.#shownKey++;
    this.#current?.close();
    this.#current = connection.client;
    this.options = connection.options;
    this.places = connection.places;
    this.phase = { name: 'ready', client: connection.client };
    this.imported = importedOf(connection.client.info.meta);
    this.decisions = decisionsOf(connection.client.info.meta);
    this.onShown(connection, first, sameItems);
  }

  /** Opens what the page shows at start (or on retry): the database kept from an earlier visit, else the served data. */
  load = async (first = true) => {
    this.#current?.close();
    this.#current = null;
    this.phase = { name: 'loading', loaded: null, total: null };
    // The page's first load takes over the served data the boot started (early-start.ts).
    const early = takeEarlyStart();
    const stored = await (early?.stored ?? loadStoredDatabase().catch(() => null));
    this.opened = stored;
    this.#keptAt = stored?.savedAt ?? null;
    // Drawn from the build's first answers, the page is shown while the summary is still arriving:
    // its progress then changes nothing.
    const onProgress = (loaded: number, total: number | null) => {
      if (this.phase.name === 'loading') this.phase = { name: 'loading', loaded, total };
    };
    try {
      let connection: Connection;
      if (early && !stored) {
        early.onProgress(onProgress);
        connection = await early.connection;
      } else {
        // A kept database is shown instead: the served data started early goes unused.
        early?.connection.then(
          (unused) => unused.client.close(),
          () => {},
        );
        connection = await connect({ onProgress, file: stored ? { name: stored.name, bytes: stored.bytes } : undefined });
      }
      this.#adopt(connection, first);
      this.#watchOpen(connection.client, first);
    } catch (e) {
      this.#failed(e);
    }
  };

  #failed(e: unknown) {
    const stage = e instanceof DbLoadError ? e.stage : 'db';
    this.phase = { name: 'error', stage, detail: reasonsOf(e).join('；') };
  }

  /**
   * A client drawn from the build's first answers (db/first-answers.ts) is on screen before its
   * worker has the data open. If the open fails, the page says so as when nothing was drawn; if the
   * answers were another build's, the data is opened again without them (their page has no URL
   * state to lose: early-start.ts uses them only without a query string).
   */
  #watchOpen(client: WorkerDbClient, first: boolean) {
    client.opened.catch((e: unknown) => {
      if (this.#current !== client) return;
      if (e instanceof StaleFirstAnswers) void this.load(first);
      else {
        this.#current.close();
        this.#current = null;
        this.#failed(e);
      }
    });
  }

  /** A complete database the reader chose: shown and kept if it opens; else its reasons, and nothing changes. */
  open = async (file: File) => {
    if (this.busy) return;
    this.error = null;
    this.busy = { kind: 'open', name: file.name };
    try {
      await this.#show(file.name, new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      this.error = { title: DATA_STRINGS.refused(file.name), reasons: reasonsOf(e) };
    } finally {
      this.busy = null;
    }
  };

  /**
   * Opens `bytes` (a complete database named `name`), keeps it and shows it; throws, changing nothing,
   * if it does not open or another tab kept other data meanwhile (StoreConflict).
   */
  async #show(name: string, bytes: Uint8Array, sameItems = false) {
    const connection = await connect({ file: { name, bytes } });
    try {
      await this.#store(name, bytes);
    } catch (e) {
      connection.client.close();
      throw e;
    }
    this.#adopt(connection, false, sameItems);
  }

  /**
   * Makes `bytes` (the complete database shown, named `name`) the one exported and kept in the
   * browser. Throws StoreConflict, keeping nothing, where another tab kept other data since this page
   * read its own; any other failure to keep (no IndexedDB, a private window's or a full disk's quota)
   * leaves the data shown but not kept, and says so.
   */
  async #store(name: string, bytes: Uint8Array) {
    const stored = { name, bytes, savedAt: new Date().toISOString() };
    try {
      await storeDatabase(stored, this.#keptAt);
      this.#keptAt = stored.savedAt;
      this.opened = stored;
    } catch (e) {
      if (e instanceof StoreConflict) throw e;
      this.opened = stored;
      // Other data shown closes the 数据 panel; the failure to keep it opens it again, after that.
      await tick();
      this.error = {
        title: DATA_STRINGS.notKept(name, this.#keptAt !== null),
        reasons: [DATA_STRINGS.storageFailed(bytes.length, errorName(e))],
      };
    }
  }

  /** The complete database shown, as bytes: the opened file, or the served one. */
  async #shownBytes(): Promise<Uint8Array> {
    return (await databaseToExport(this.opened)).bytes;
  }

  /** The files of the report shown, and the townships whose shown lists the reader keeps: read again when a choice changes. */
  #pendingFiles: File[] = [];
  #keep = new Set<string>();

  /** Reads township lists and merges them into the data shown, for a report; nothing is applied yet. */
  addLists = async (files: File[]) => {
    if (this.busy || files.length === 0) return;
    this.#pendingFiles = files;
    this.#keep = new Set();
    await this.#preview();
  };

  /**
   * The reader's answer for a file of a township already shown: replace its list (the default) or
   * keep it. The files are read and merged again, so the report and what applying writes agree.
   */
  replaceExisting = async (townshipId: string, replace: boolean) => {
    if (this.busy || !this.pending) return;
    if (replace) this.#keep.delete(townshipId);
    else this.#keep.add(townshipId);
    await this.#preview();
  };

  async #preview() {
    const files = this.#pendingFiles;
    this.error = null;
    this.pending = null;
    this.busy = { kind: 'read', done: 0, total: files.length, name: files[0].name };
    try {
      this.pending = await this.#importer.preview(
        files,
        await this.#shownBytes(),
        new URL('./data/', document.baseURI).href,
        this.decisions,
        [...this.#keep],
        (done, total, name) => {
          this.busy = { kind: 'read', done, total, name };
        },
      );
    } catch (e) {
      this.error = { title: IMPORT_STRINGS.failed, reasons: reasonsOf(e) };
    } finally {
      this.busy = null;
    }
  }

  /** Applies the lists read: the merged database is shown and kept; the views show the added townships. */
  applyLists = async () => {
    const pending = this.pending;
    if (this.busy || !pending || pending.applicable === 0) return;
    this.error = null;
    this.busy = { kind: 'apply' };
    try {
      const addedAt = new Date().toISOString();
      const added: ImportedList[] = pending.reports
        .filter((r) => applicable(r) && r.townshipId)
        .map((r) => ({ townshipId: r.townshipId!, township: r.township!, county: r.county!, file: r.file, addedAt }));
      const addedIds = new Set(added.map((a) => a.townshipId));
      const imported = [...this.imported.filter((i) => !addedIds.has(i.townshipId)), ...added];
      const bytes = await this.#importer.apply(imported, this.decisions);
      const name = this.opened ? this.opened.name : IMPORT_STRINGS.mergedName(IMPORT_STRINGS.builtInBase, imported.length);
      await this.#show(name, bytes);
      this.pending = null;
    } catch (e) {
      this.error = { title: IMPORT_STRINGS.failed, reasons: reasonsOf(e) };
    } finally {
      this.busy = null;
    }
  };

  cancelLists = () => {
    this.pending = null;
  };

  /** Takes an added list out again. */
  removeList = async (townshipId: string) => {
    if (this.busy) return;
    this.error = null;
    this.busy = { kind: 'apply' };
    try {
      const imported = this.imported.filter((i) => i.townshipId !== townshipId);
      const bytes = await this.#importer.rewrite(await this.#shownBytes(), [townshipId], imported, this.decisions);
      await this.#show(this.opened?.name ?? IMPORT_STRINGS.mergedName(IMPORT_STRINGS.builtInBase, imported.length), bytes);
    } catch (e) {
      this.error = { title: IMPORT_STRINGS.failed, reasons: reasonsOf(e) };
    } finally {
      this.busy = null;
    }
  };

  /**
   * Groups the duties anew with `decisions` (one made or undone) and shows the result as soon as the
   * parts that name duty groups are derived again (the others do not change); then keeps the
   * regrouped database, which export waits for (busy until then).
   */
  #review = async (decisions: ReviewDecision[]) => {
    const client = this.#current;
    if (this.busy || !client) return;
    this.error = null;
    this.busy = { kind: 'review' };
    const name = this.opened?.name ?? REVIEW_STRINGS.reviewedName(IMPORT_STRINGS.builtInBase);
    const regrouped = regroupedFiles();
    try {
      const parts = await this.#importer.regroup({
        base: await this.#shownBytes(),
        key: String(this.#shownKey),
        imported: this.imported,
        decisions,
        meta: { ...client.info.meta, built_from: name },
        kept: [...client.info.files]
          .filter(([path]) => !regrouped.has(path))
          .map(([path, bytes]) => ({ path, part: partOfFile(path), bytes })),
      });
      const next = await client.withParts(parts).catch((e: unknown) => {
        throw new ImportFailed({ kind: 'unexpected', detail: e instanceof Error ? e.message : String(e) });
      });
      this.#adopt(await connectionOf(next), false, true);
      this.busy = { kind: 'keep' };
      await this.#store(name, await this.#importer.writeRegrouped());
    } catch (e) {
      // What the worker keeps may no longer be what is shown: the next decision reads the database again.
      this.#shownKey++;
      this.error = { title: REVIEW_STRINGS.failed, reasons: reasonsOf(e) };
    } finally {
      this.busy = null;
    }
  };

  /** A reviewer's decision on a queued duty and a candidate group: applied at once, and kept. */
  decide = (decision: ReviewDecision) => this.#review(withDecision(this.decisions, decision));

  /** Takes a decision back. */
  undoDecision = (pair: Pick<ReviewDecision, 'item' | 'candidate'>) => this.#review(withoutDecision(this.decisions, pair));

  export = async () => {
    if (this.busy) return;
    this.error = null;
    this.busy = { kind: 'export' };
    try {
      const { bytes, name } = await databaseToExport(this.opened);
      downloadBytes(bytes, name);
    } catch (e) {
      this.error = { title: DATA_STRINGS.exportFailed, reasons: reasonsOf(e), retry: this.export };
    } finally {
      this.busy = null;
    }
  };

  restoreBuiltIn = async () => {
    this.error = null;
    await forgetStoredDatabase();
    this.opened = null;
    this.#keptAt = null;
    await this.load(false);
  };

  close() {
    const current = this.#current;
    // Unset first: closing a client whose worker has not opened rejects its `opened` (#watchOpen).
    this.#current = null;
    current?.close();
    this.#importer.close();
  }
}
