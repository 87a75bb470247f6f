/**
 * The name of the browser's IndexedDB database that keeps a reader's own database (stored-database.ts):
 * one per site, as the browser already keeps one store per server address.
 */
export const storeName = (): string => 'duty-atlas';
