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
import { applicable, previewImport } from './add-lists';
import { refusedUnread } from './list-file';
import { mergeLists, type MergedLists } from './merge-lists';
import { readCompleteDatabase } from './read-database';
import { IMPORTED_META, type FromImportWorker, type ImportedList, type ToImportWorker } from './import-protocol';
import { REVIEW_META, overridesWithDecisions, type ReviewDecision } from '../review/decisions';

declare const self: DedicatedWorkerGlobalScope;
const post = (message: FromImportWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

let sqlJs: Promise<SqlJsStatic> | null = null;
const loadSqlJs = () => (sqlJs ??= compileSqlJs());
let placeTable: Promise<PlaceTable> | null = null;
/** The build's extract of the place table (Xinjiang's divisions), fetched on the first import only. */
function loadPlaces(dataUrl: string): Promise<PlaceTable> {
  placeTable ??= fetchData(PLACE_TABLE_FILE, dataUrl).then(async (response) => {
    if (!response.ok) throw new Error(`${PLACE_TABLE_FILE}: HTTP ${response.status}`);
    return JSON.parse(new TextDecoder().decode(await unpack(new Uint8Array(await response.arrayBuffer())))) as PlaceTable;
  });
  placeTable.catch(() => (placeTable = null));
  return placeTable;
}

let pending: MergedLists | null = null;
/** The reviewed overrides, and the reader's review decisions on top: grouping in the page applies both. */
const overridesWith = (decisions: ReviewDecision[]) => overridesWithDecisions(overrideFile as DutyGroupOverrides, decisions);

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
      if (!pending) throw new Error('nothing to apply: read the lists again');
      write(SQL, pending, message.imported, message.decisions);
      pending = null;
    } else {
      const base = readCompleteDatabase(SQL, message.base, '');
      const nothing = { townships: [], items: [], departments: [], itemDepartments: [], steps: [], statedCounts: [] };
      write(SQL, mergeLists(base, nothing, overridesWith(message.decisions), message.remove), message.imported, message.decisions);
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
