import ImportWorker from '../import/import.worker?worker&inline';
import { handFiles } from './page-files';
import type * as served from '../host/import-worker';

/** Starts the import worker from code in the page and hands it the wasm and the place table. */
export const startImportWorker: typeof served.startImportWorker = () => handFiles(new ImportWorker(), 'import');
