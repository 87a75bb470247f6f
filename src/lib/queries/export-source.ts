import { sql } from '../db/sql';

/** A township's list as the export's source line names it: county and publication date (the document's, where it states one). */
export interface SourceTownshipRow {
  id: string;
  name: string;
  county: string;
  published: string | null;
}

/** Every township loaded (the summary part's, so no other part is fetched for an export). */
export const sourceTownshipsSql = () => sql`SELECT id, name, county_name AS county, published FROM townships ORDER BY place`;
