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

/** Townships grouped by prefecture and county, as the documents name them. */
export const townshipOptions = () => sql`
  SELECT t.id, t.name, t.county, t.prefecture, count(i.id) AS items
  FROM townships t LEFT JOIN items i ON i.township_id = t.id
  GROUP BY t.id ORDER BY t.prefecture, t.county, t.id`;

export const categoryOptions = () => sql`
  SELECT category, count(*) AS items FROM items GROUP BY category ORDER BY items DESC, category`;

/** Department kinds by how many items involve them (as lead or receiver). */
export const departmentKindOptions = () => sql`
  SELECT d.kind, count(DISTINCT idp.item_id) AS items
  FROM departments d JOIN item_departments idp ON idp.department_id = d.id
  GROUP BY d.kind ORDER BY items DESC, d.kind`;
