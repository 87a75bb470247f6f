import { sql } from '../db/sql';
import type { PlaceLevel } from '../atlas/place-tree';

export type { PlaceLevel } from '../atlas/place-tree';

/** One prefecture, county or township of the loaded lists (the summary's places table). */
export interface PlaceRow {
  id: number;
  key: string;
  level: PlaceLevel;
  parent: number | null;
  name: string;
  code: string | null;
  /** Townships under it (1 for a township). */
  townships: number;
}

/** Every place, parents before children, siblings in display order (code, else name). */
export const placesSql = () => sql`SELECT id, key, level, parent, name, code, townships FROM places ORDER BY id`;
