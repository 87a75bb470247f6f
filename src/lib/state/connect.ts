import { openWorkerClient, type OpenOptions, type WorkerDbClient } from '../db/worker-client';
import { readShell, type ShellData } from './shell-data';

export type { FilterOptions } from './shell-data';

/** An open database with what the shell reads once: the filters' options and the place tree. */
export interface Connection extends ShellData {
  client: WorkerDbClient;
}

/**
 * Opens the data (the served parts, or a complete database the reader chose: `options.file`) in a
 * new worker and reads what the shell needs. Rejects with the worker's DbLoadError; nothing the
 * page shows changes until it resolves, so a file that fails leaves the current data on screen.
 * With the build's first answers (`options.firstAnswers`) it resolves as soon as they are here, and
 * a failure to open is the client's `opened` to report.
 */
export async function connect(options: OpenOptions = {}): Promise<Connection> {
  return connectionOf(await openWorkerClient(options));
}

/** What the shell reads once of an open client (closed if that fails). */
export async function connectionOf(client: WorkerDbClient): Promise<Connection> {
  try {
    return { client, ...(await readShell(client)) };
  } catch (error) {
    client.close();
    throw error;
  }
}
