import DbWorker from '../db/worker?worker&inline';
import { handFiles } from './page-files';
import type * as served from '../host/db-worker';

/** Starts the sql.js worker from code in the page (a file:// page may not load a script by URL) and hands it the data. */
export const startDbWorker: typeof served.startDbWorker = () => handFiles(new DbWorker(), 'db');
