/// <reference lib="webworker" />
/**
 * The import worker: reads the files a reader adds (Word or text lists), merges them into the complete
 * database shown and writes the new one, off the page's thread, so a large file never freezes the tab.
 * It keeps the last preview's merged rows until it is applied or replaced by another preview.
 */
import type { SqlJsStatic } from 'sql.js';
import { fetchData } from '../host/fetch-data';
import { loadSqlJs as compileSqlJs } from '../host/sql-js';
import aliasFile from '../../../data/department-aliases.json';
import overrideFile from '../../../data/duty-group-overrides.json';
import { withPlaceTable } from '../model/department-places';
import type { DepartmentAliases } from '../model/departments';
import type { DutyGroupOverrides } from '../model/duty-groups';
import type { PlaceTable } from '../model/place-table';
import { writeDatabase } from '../db/write-database';
import { unpack } from '../atlas/unpack';
import { PLACE_TABLE_FILE } from '../atlas/parts';
import { previewImport } from './add-lists';
import { applicable } from './applicable';
import { refusedUnread } from './list-file';
import { failureOf, ImportFailed } from './import-failure';
import { mergeLists, type MergedLists } from './merge-lists';
import { readCompleteDatabase } from './read-database';
import { IMPORTED_META, type FromImportWorker, type ImportedList, type ToImportWorker } from './import-protocol';
import { REVIEW_META, overridesWithDecisions, type ReviewDecision } from '../review/decisions';
import { RegroupSession } from '../review/regroup-session';
import { patchDutyGroups, type DutyGroupPatch } from '../db/patch-duty-groups';

declare const self: DedicatedWorkerGlobalScope;
const post = (message: FromImportWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

let sqlJs: Promise<SqlJsStatic> | null = null;
const loadSqlJs = () => (sqlJs ??= compileSqlJs());
let placeTable: Promise<PlaceTable> | null = null;
/** The build's extract of the place table (Xinjiang's divisions), fetched on the first import only. */
function loadPlaces(dataUrl: string): Promise<PlaceTable> {
  placeTable ??= fetchData(PLACE_TABLE_FILE, dataUrl).then(
    async (response) => {
      if (!response.ok) throw new ImportFailed({ kind: 'place-table-missing', status: response.status });
      try {
        return JSON.parse(new TextDecoder().decode(await unpack(new Uint8Array(await response.arrayBuffer())))) as PlaceTable;
      } catch {
        throw new ImportFailed({ kind: 'place-table-unreadable' });
      }
    },
    () => {
      throw new ImportFailed({ kind: 'place-table-missing', status: null });
    },
  );
  placeTable.catch(() => (placeTable = null));
  return placeTable;
}

let pending: MergedLists | null = null;
/** The reviewed overrides, and the reader's review decisions on top: grouping in the page applies both. */
const overridesWith = (decisions: ReviewDecision[]) => overridesWithDecisions(overrideFile as DutyGroupOverrides, decisions);

/** The meta rows the lists added and the decisions are kept under (no decisions: no row). */
const keptMeta = (imported: ImportedList[], decisions: ReviewDecision[]) => ({
  [IMPORTED_META]: JSON.stringify(imported),
  [REVIEW_META]: decisions.length ? JSON.stringify(decisions) : null,
});

/**
 * The database shown, kept between review decisions (`key`: the page's name for it), with what the
 * last regroup changed until it is written. Dropped whenever a request on it fails, so a failure
 * never leaves tables behind that differ from what the page shows.
 */
let review: { key: string; session: RegroupSession; base: Uint8Array; patch: DutyGroupPatch | null } | null = null;

function regroup(SQL: SqlJsStatic, message: Extract<ToImportWorker, { type: 'regroup' }>) {
  const kept = review?.key === message.key ? review.session : null;
  review = null;
  const session = kept ?? new RegroupSession(readCompleteDatabase(SQL, message.base, '', { checked: true }));
  const { files, patch } = session.decide(
    SQL,
    overridesWith(message.decisions),
    keptMeta(message.imported, message.decisions),
    message.meta,
    message.kept,
  );
  review = { key: message.key, session, base: message.base, patch };
  post(
    { type: 'regrouped', files },
    files.map((f) => f.bytes.buffer as ArrayBuffer),
  );
}

function writeRegrouped(SQL: SqlJsStatic) {
  const patch = review?.patch;
  if (!review || !patch) throw new ImportFailed({ kind: 'nothing-to-write' });
  const bytes = patchDutyGroups(SQL, review.base, patch);
  // The page keeps the bytes it sent; the next decision sends the database shown again.
  review.patch = null;
  review.base = new Uint8Array(0);
  post({ type: 'written', bytes }, [bytes.buffer]);
}

function write(SQL: SqlJsStatic, merged: MergedLists, imported: ImportedList[], decisions: ReviewDecision[]) {
  const meta = { [IMPORTED_META]: JSON.stringify(imported), ...(decisions.length ? { [REVIEW_META]: JSON.stringify(decisions) } : {}) };
  const bytes = writeDatabase(SQL, merged.rows, meta);
  post({ type: 'written', bytes }, [bytes.buffer]);
}

self.onmessage = async (event: MessageEvent<ToImportWorker>) => {
  const message = event.data;
  try {
    const SQL = await loadSqlJs();
    if (message.type === 'preview') {
      pending = null;
      review = null; // lists added make another database: its memory is better spent on reading them
      const places = await loadPlaces(message.dataUrl);
      const aliases = withPlaceTable(aliasFile as unknown as DepartmentAliases, places);
      const base = readCompleteDatabase(SQL, message.base, '');
      // Read here, not in the page: a file refused whatever it holds (too large a text, no list format) is not read at all.
      const files = [];
      for (const [i, file] of message.files.entries()) {
        post({ type: 'progress', done: i, total: message.files.length, name: file.name });
        const unread = refusedUnread(file.name, file.size);
        files.push({ name: file.name, bytes: unread ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer()), size: file.size });
      }
      const preview = previewImport(
        files,
        base,
        { places, aliases, overrides: overridesWith(message.decisions) },
        (done, total, name) => post({ type: 'progress', done, total, name }),
        new Set(message.keep),
      );
      pending = preview.merged;
      post({ type: 'preview', reports: preview.reports, applicable: preview.reports.filter(applicable).length });
    } else if (message.type === 'apply') {
      if (!pending) throw new ImportFailed({ kind: 'nothing-to-apply' });
      write(SQL, pending, message.imported, message.decisions);
      pending = null;
    } else if (message.type === 'regroup') {
      regroup(SQL, message);
    } else if (message.type === 'write-regrouped') {
      writeRegrouped(SQL);
    } else {
      review = null;
      const base = readCompleteDatabase(SQL, message.base, '');
      const nothing = { townships: [], items: [], departments: [], itemDepartments: [], steps: [], statedCounts: [] };
      write(SQL, mergeLists(base, nothing, overridesWith(message.decisions), message.remove), message.imported, message.decisions);
    }
  } catch (error) {
    if (message.type === 'regroup' || message.type === 'write-regrouped') review = null;
    post({ type: 'error', failure: failureOf(error) });
  }
};
