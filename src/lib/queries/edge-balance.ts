import type { DepartmentEdgeRow } from './network';

/** A row of 乡镇支持重于部门牵头: a 配合 edge whose township carries more steps than its department. */
export interface EdgeBalanceRow extends DepartmentEdgeRow {
  /** Townships shown in the unit (1 for a township). */
  townships: number;
  /** Township steps per department step; null where the department's cells name no step of its own. */
  ratio: number | null;
  /** Township steps minus department steps. */
  difference: number;
  /** The difference per township of the unit: what the table is ranked by. */
  surplusPerTownship: number;
}

export interface EdgeBalance {
  rows: EdgeBalanceRow[];
  /** 配合 edges looked at (the rows are those among them where the township carries more). */
  leadEdges: number;
}

/**
 * The 配合 (lead) edges where the township's "support" is in fact more of the work than the leading
 * department's: township steps above department steps, heaviest first.
 *
 * Ranked by the difference per township of the unit, not by the ratio. The ratio (shown beside it)
 * explodes on small counts: one duty whose department cell names no step of its own is ∞ and would
 * top a region's table above an edge where townships carry 300 steps against 100. The difference
 * counts work, in steps, that the townships do beyond the department; being a sum, a county's is its
 * townships' added up, and per township it compares a 34-township county with a 6-township one as
 * the graph's line widths do (duties per township). Ties: the higher ratio (∞ first), then the
 * order the rows came in (the query's: department, place, role), so the same rows rank the same.
 *
 * 收回 (receiver) edges are left out: a reclaimed duty names what the receiving department does and
 * no township step, so "support heavier than lead" cannot arise there.
 */
export function rankEdgeBalance(rows: readonly DepartmentEdgeRow[], unitTownships: ReadonlyMap<string, number>): EdgeBalance {
  const lead = rows.filter((r) => r.role === 'lead');
  const heavier = lead
    .filter((r) => r.townshipSteps > r.departmentSteps)
    .map((r): EdgeBalanceRow => {
      const townships = unitTownships.get(r.unit) ?? 1;
      const difference = r.townshipSteps - r.departmentSteps;
      return {
        ...r,
        townships,
        ratio: r.departmentSteps > 0 ? r.townshipSteps / r.departmentSteps : null,
        difference,
        surplusPerTownship: difference / townships,
      };
    });
  const ratioOf = (r: EdgeBalanceRow) => r.ratio ?? Infinity;
  // Array.prototype.sort is stable: equal rows keep the query's order.
  heavier.sort((a, b) => b.surplusPerTownship - a.surplusPerTownship || ratioOf(b) - ratioOf(a) || 0);
  return { rows: heavier, leadEdges: lead.length };
}
