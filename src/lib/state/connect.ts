import { openWorkerClient, type OpenOptions, type WorkerDbClient } from '../db/worker-client';
import {
  townshipOptions,
  categoryOptions,
  departmentKindOptions,
  type TownshipOption,
  type CategoryOption,
  type DepartmentKindOption,
} from '../queries/filters-options';
import { placesSql, type PlaceRow } from '../queries/places';
import { PlaceIndex } from './selection';

export interface FilterOptions {
  townships: TownshipOption[];
  categories: CategoryOption[];
  departmentKinds: DepartmentKindOption[];
}

/** An open database with what the shell reads once: the filters' options and the place tree. */
export interface Connection {
  client: WorkerDbClient;
  options: FilterOptions;
  places: PlaceIndex;
}

/**
 * Opens the data (the served parts, or a complete database the reader chose: `options.file`) in a
 * new worker and reads what the shell needs. Rejects with the worker's DbLoadError; nothing the
 * page shows changes until it resolves, so a file that fails leaves the current data on screen.
 */
export async function connect(options: OpenOptions = {}): Promise<Connection> {
  return connectionOf(await openWorkerClient(options));
}

/** What the shell reads once of an open client (closed if that fails). */
export async function connectionOf(client: WorkerDbClient): Promise<Connection> {
  try {
    const [townships, categories, departmentKinds, placeRows] = await Promise.all([
      client.query<TownshipOption>(townshipOptions()),
      client.query<CategoryOption>(categoryOptions()),
      client.query<DepartmentKindOption>(departmentKindOptions()),
      client.query<PlaceRow>(placesSql()),
    ]);
    return { client, options: { townships, categories, departmentKinds }, places: new PlaceIndex(placeRows) };
  } catch (error) {
    client.close();
    throw error;
  }
}
