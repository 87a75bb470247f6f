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

export async function storeDatabase(stored: StoredDatabase): Promise<void> {
  const db = await open();
  try {
    await db.put(STORE, stored, CURRENT);
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
