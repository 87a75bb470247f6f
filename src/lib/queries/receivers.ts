import type { DbClient } from '../db/client';
import { sql, raw, needing, type Sql } from '../db/sql';
import type { Filters } from '../state/filters';
import { ROLE_CODE } from '../atlas/codes';
import type { PlaceLevel } from '../atlas/place-tree';
import { countyGrain, roleCubeClause } from './filter-clause';

/** A department kind that took duties back from the townships shown (上级部门收回事项). */
export interface ReceivingKindRow {
  kind: string;
  /** Reclaimed items it receives (an item received by two kinds counts for both). */
  duties: number;
}

/**
 * Reclaimed items per receiving department kind, most first, under the shared filters (the list and
 * department-kind filters aside: the question is about 收回 and every kind). Read from the network
 * cubes; the county rollup answers when no township filter picks townships inside the units.
 */
export function receivingKindsSql(filters: Filters, level: PlaceLevel = 'township'): Sql {
  const omit = ['departmentKinds', 'lists'] as const;
  const grain = countyGrain(filters, level, omit) ? 'county' : 'township';
  const table = raw(grain === 'county' ? 'cube_kinds_county' : 'cube_kinds');
  return needing(
    sql`SELECT k.name AS kind, r.duties
        FROM (SELECT c.kind, sum(c.duties) AS duties FROM ${table} c
              WHERE c.role = ${ROLE_CODE.receiver} AND ${roleCubeClause(filters, 'c', omit, grain)}
              GROUP BY c.kind) r
        JOIN kinds k ON k.id = r.kind
        ORDER BY r.duties DESC, k.name`,
    grain === 'county' ? 'rollups' : 'network',
  );
}

export function receivingKinds(client: DbClient, filters: Filters, level: PlaceLevel = 'township'): Promise<ReceivingKindRow[]> {
  return client.query<ReceivingKindRow>(receivingKindsSql(filters, level));
}
