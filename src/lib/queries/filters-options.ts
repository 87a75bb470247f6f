import { sql } from '../db/sql';

/** The choices offered by the shared FilterBar, with how many items each covers. */
export interface TownshipOption {
  id: string;
  name: string;
  county: string;
  prefecture: string;
  items: number;
}
export interface CategoryOption {
  category: string;
  items: number;
}
export interface DepartmentKindOption {
  kind: string;
  items: number;
}

/** Townships in display order (prefecture, county, township: by official code where known), as the documents name them. */
export const townshipOptions = () => sql`
  SELECT id, name, county_name AS county, prefecture_name AS prefecture, items FROM townships ORDER BY place`;

export const categoryOptions = () => sql`SELECT name AS category, items FROM categories ORDER BY items DESC, name`;

/** Department kinds by how many items involve them (as lead or receiver). */
export const departmentKindOptions = () => sql`SELECT name AS kind, items FROM kinds WHERE items > 0 ORDER BY items DESC, name`;
