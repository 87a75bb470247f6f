import { openDB, type DBSchema } from 'idb';
import { storeName } from '../host/store-name';

/**
 * The database a reader opened, kept in the browser (IndexedDB) so the dashboard opens it again
 * after a reload, until they go back to the built-in data. One database at a time: the one shown.
 */

export interface StoredDatabase {
  /** The file name it was opened from (or the name it was exported under). */
  name: string;
  bytes: Uint8Array;
  /** When it was opened, ISO 8601. */
  savedAt: string;
}

interface Schema extends DBSchema {
  databases: { key: string; value: StoredDatabase };
}

const STORE = 'databases';
/** The key of the database shown: there is only ever one. */
const CURRENT = 'current';

const open = () =>
  openDB<Schema>(storeName(), 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
  });

export async function loadStoredDatabase(): Promise<StoredDatabase | null> {
  if (typeof indexedDB === 'undefined') return null;
  const db = await open();
  try {
    return (await db.get(STORE, CURRENT)) ?? null;
  } finally {
    db.close();
  }
}

/**
 * Another tab kept other data since this tab read what it shows: keeping this tab's would drop what
 * the other kept (its added lists, its decisions), so nothing is written.
 */
export class StoreConflict extends Error {
  constructor(readonly keptAt: string | null) {
    super(`the stored database changed (saved ${keptAt ?? 'nothing'}) since this page read it`);
    this.name = 'StoreConflict';
  }
}

/**
 * Keeps `stored` as the database shown, if what is kept is still what this page's data came from
 * (`basedOn`: the `savedAt` of the kept database it read, or null for none): read and written in
 * one transaction, so two tabs applying at once cannot both succeed, and a failed write (a full
 * quota) leaves the kept database as it was.
 */
export async function storeDatabase(stored: StoredDatabase, basedOn: string | null): Promise<void> {
  const db = await open();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    const kept = (await tx.store.get(CURRENT))?.savedAt ?? null;
    if (kept !== basedOn) {
      tx.abort();
      await tx.done.catch(() => {});
      throw new StoreConflict(kept);
    }
    await tx.store.put(stored, CURRENT);
    await tx.done;
  } finally {
    db.close();
  }
}

export async function forgetStoredDatabase(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const db = await open();
  try {
    await db.delete(STORE, CURRENT);
  } finally {
    db.close();
  }
}
