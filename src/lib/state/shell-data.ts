import type { DbClient } from '../db/client';
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

/** What the shell reads once of open data: the filters' options and the place tree. */
export interface ShellData {
  options: FilterOptions;
  places: PlaceIndex;
}

/**
 * Asks `client` what the shell needs: the page when it opens data (connect.ts), and the build, which
 * serves the answers for the first screen (scripts/lib/first-answers.ts), so both ask the same.
 */
export async function readShell(client: DbClient): Promise<ShellData> {
  const [townships, categories, departmentKinds, placeRows] = await Promise.all([
    client.query<TownshipOption>(townshipOptions()),
    client.query<CategoryOption>(categoryOptions()),
    client.query<DepartmentKindOption>(departmentKindOptions()),
    client.query<PlaceRow>(placesSql()),
  ]);
  return { options: { townships, categories, departmentKinds }, places: new PlaceIndex(placeRows) };
}
