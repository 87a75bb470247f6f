import type { DbClient } from '../lib/db/client';
import type { Filters } from '../lib/state/filters';

/** What App.svelte passes to every view. See README.md beside this file. */
export interface ViewProps {
  client: DbClient;
  filters: Filters;
  setFilters: (f: Filters) => void;
  params: Record<string, string>;
  setParams: (p: Record<string, string>) => void;
  openItem: (itemId: number) => void;
}
