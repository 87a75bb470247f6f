/**
 * What the walk changes, read from the site's own summary part: the largest category and department
 * kind as filters, the largest prefecture and its largest county to drill into. Nothing about the
 * data is assumed beyond the summary's documented tables (src/lib/atlas/schema.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { SUMMARY_FILE } from '../../src/lib/atlas/parts';
import { unpack } from '../../src/lib/atlas/unpack';
import { runQuery } from '../../src/lib/db/sqljs-client';
import type { WalkPlan } from './measure-views';

export async function walkPlan(
  site: string,
  views: string[],
  limits: Pick<WalkPlan, 'rounds' | 'timeoutMs' | 'budgetMs'>,
): Promise<WalkPlan> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(await unpack(readFileSync(join(site, 'data', SUMMARY_FILE))));
  try {
    const one = <Row extends object>(text: string, params: (string | number)[] = []) => runQuery<Row>(db, { text, params })[0];
    const category = one<{ name: string }>('SELECT name FROM categories ORDER BY items DESC, id LIMIT 1');
    const kind = one<{ name: string }>('SELECT name FROM kinds ORDER BY items DESC, id LIMIT 1');
    const prefecture = one<{ id: number; key: string }>(
      `SELECT id, key FROM places WHERE level = 'prefecture' ORDER BY townships DESC, ord LIMIT 1`,
    );
    const county =
      prefecture &&
      one<{ key: string }>(`SELECT key FROM places WHERE level = 'county' AND parent = ? ORDER BY townships DESC, ord LIMIT 1`, [
        prefecture.id,
      ]);
    const param = (key: string, value: string) => `${key}=${encodeURIComponent(value)}`;
    return {
      views,
      filters: ['l=coop', ...(category ? [param('c', category.name)] : []), ...(kind ? [param('k', kind.name)] : [])],
      drills: [prefecture?.key, county?.key].filter((k): k is string => k !== undefined),
      ...limits,
    };
  } finally {
    db.close();
  }
}

/**
 * Typical searches, 2, 3 and 6 characters: words of the bundled lists (and so of every synthetic
 * list, which recombine them) a reader would look for — a topic, a group of people, a duty's wording.
 */
export const SEARCH_TERMS = [
  ...['网格', '检疫', '处罚', '消防', '耕地', '防汛', '宗教'],
  ...['宅基地', '残疾人', '合作社', '护林员', '未成年', '自建房', '公安局'],
  ...['秸秆综合利用', '流浪乞讨人员', '农村集体聚餐', '突发环境事件', '清洁能源改造', '农田水利工程'],
];
