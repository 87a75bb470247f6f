import { sql, raw, needing } from '../db/sql';
import { listNameSql } from '../atlas/codes';

/** 对比: every item of the compared townships (by id) as its duty group, list and category. */
export const compareItems = (townshipIds: readonly string[]) =>
  needing(
    sql`
      SELECT t.id AS township, f.duty_group AS dutyGroup, ${raw(listNameSql('f.list'))} AS list, c.name AS category
      FROM townships t JOIN fact_items f ON f.township = t.place JOIN categories c ON c.id = f.category
      WHERE t.id IN ${[...townshipIds]}
      ORDER BY t.place, f.list, f.seq`,
    'facts',
  );

/** The names of duty groups: their most common wording. */
export const dutyGroupNames = (groups: readonly number[]) => sql`SELECT id, name FROM duty_groups WHERE id IN ${[...groups]}`;

/** The compared townships' names, with their counties. */
export const townshipNames = (townshipIds: readonly string[]) =>
  sql`SELECT id, name, county_name AS county FROM townships WHERE id IN ${[...townshipIds]}`;

/**
 * 对比 by county: every item of the townships of the compared counties (by place key), with its
 * county's key. Reads fact_items through its township index (a county's townships first), not by
 * scanning a region's items for the county.
 */
export const countyCompareItems = (countyKeys: readonly string[]) =>
  needing(
    sql`
      SELECT p.key AS county, t.id AS township, f.duty_group AS dutyGroup, ${raw(listNameSql('f.list'))} AS list, c.name AS category
      FROM places p JOIN townships t ON t.county = p.id JOIN fact_items f ON f.township = t.place JOIN categories c ON c.id = f.category
      WHERE p.level = 'county' AND p.key IN ${[...countyKeys]}
      ORDER BY t.place, f.list, f.seq`,
    'facts',
  );
