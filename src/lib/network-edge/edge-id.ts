import type { EdgeRole } from '../queries/network';

/**
 * One edge of 部门网络: a department (a kind, or a name as written — `net.merge` says which) and a
 * unit (a township, county or prefecture: its place key) in a role. What `net.edge` in the URL holds.
 */
export interface EdgeId {
  role: EdgeRole;
  department: string;
  unit: string;
}

/**
 * `lead|<unit key>|<department>`. The role is one of two words and department names hold no `|`, so
 * the unit key is whatever lies between: a key built from names (`昌吉州/某县`) may hold any character.
 */
export function edgeParam(edge: EdgeId): string {
  return `${edge.role}|${edge.unit}|${edge.department}`;
}

/** The edge a `net.edge` value names, or null for anything else (a hand-edited or stale URL). */
export function parseEdgeParam(value: string | undefined): EdgeId | null {
  if (!value) return null;
  const first = value.indexOf('|');
  const last = value.lastIndexOf('|');
  if (first < 0 || last === first) return null;
  const role = value.slice(0, first);
  if (role !== 'lead' && role !== 'receiver') return null;
  const unit = value.slice(first + 1, last);
  const department = value.slice(last + 1);
  return unit && department ? { role, unit, department } : null;
}

export const sameEdge = (a: EdgeId | null, b: EdgeId | null): boolean =>
  !!a && !!b && a.role === b.role && a.unit === b.unit && a.department === b.department;
