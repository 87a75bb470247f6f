import type { DutyGroupOverridePair, DutyGroupOverrides } from '../model/duty-groups';

/**
 * A reviewer's decisions on the grouping's review queue (匹配审核), and what they become.
 *
 * A decision names two wordings, as the override file does (data/duty-group-overrides.json): the
 * queued item's name and the candidate group's name. "是同一事项" is a merge, "不是" a split. They are
 * kept in the complete database's meta (`REVIEW_META`), so they travel with an export, survive a
 * reload and apply again whenever the page groups the duties anew (adding or removing a list); and
 * "导出审核结果" writes them in the override file's format, so a reviewed import can become bundled data.
 */
export interface ReviewDecision {
  /** The queued item's name, as the list writes it. */
  item: string;
  /** The candidate group's name (its most common wording). */
  candidate: string;
  /** true: the same duty (merge); false: different duties (split). */
  same: boolean;
  /** Where the item comes from, for the reason written with it: "托克逊县伊拉湖镇". */
  township: string;
  decidedAt: string;
}

/** The meta key the decisions are kept under. */
export const REVIEW_META = 'review_decisions';

/** Two decisions on the same pair of wordings (in either order) are one: the later replaces the earlier. */
const pairKey = (a: string, b: string) => JSON.stringify([a, b].sort());
export const decisionKey = (d: Pick<ReviewDecision, 'item' | 'candidate'>) => pairKey(d.item, d.candidate);

/** The decisions kept in a database's meta; none when absent or unreadable (a hand-edited file). */
export function decisionsOf(meta: Record<string, string>): ReviewDecision[] {
  try {
    const parsed: unknown = JSON.parse(meta[REVIEW_META] ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isDecision) : [];
  } catch {
    return [];
  }
}

function isDecision(value: unknown): value is ReviewDecision {
  const d = value as ReviewDecision;
  return (
    typeof d === 'object' && d !== null && typeof d.item === 'string' && typeof d.candidate === 'string' && typeof d.same === 'boolean'
  );
}

/** `decisions` with `next` added, replacing an earlier decision on the same pair. */
export function withDecision(decisions: readonly ReviewDecision[], next: ReviewDecision): ReviewDecision[] {
  const key = decisionKey(next);
  return [...decisions.filter((d) => decisionKey(d) !== key), next];
}

/** `decisions` without the one on this pair (an undo). */
export const withoutDecision = (decisions: readonly ReviewDecision[], pair: Pick<ReviewDecision, 'item' | 'candidate'>) =>
  decisions.filter((d) => decisionKey(d) !== decisionKey(pair));

const reasonOf = (d: ReviewDecision) =>
  `Reviewed in the dashboard (匹配审核) on ${d.decidedAt.slice(0, 10)}: ${d.township} lists 「${d.item}」, ${d.same ? 'the same duty as' : 'a different duty from'} 「${d.candidate}」.`;

/** The decisions alone, as an override file's merge and split entries. */
export function decisionsAsOverrides(decisions: readonly ReviewDecision[]): Required<Pick<DutyGroupOverrides, 'merge' | 'split'>> {
  const pair = (d: ReviewDecision): DutyGroupOverridePair => ({ names: [d.item, d.candidate], reason: reasonOf(d) });
  return { merge: decisions.filter((d) => d.same).map(pair), split: decisions.filter((d) => !d.same).map(pair) };
}

/** The reviewed overrides and the decisions together: what grouping in the page applies. */
export function overridesWithDecisions(overrides: DutyGroupOverrides, decisions: readonly ReviewDecision[]): DutyGroupOverrides {
  if (decisions.length === 0) return overrides;
  const added = decisionsAsOverrides(decisions);
  return { ...overrides, merge: [...(overrides.merge ?? []), ...added.merge], split: [...(overrides.split ?? []), ...added.split] };
}

/**
 * The file "导出审核结果" writes: the override file's shape, holding the decisions only, to be
 * appended to data/duty-group-overrides.json after a look.
 */
export function reviewExport(decisions: readonly ReviewDecision[], exportedAt: string): DutyGroupOverrides {
  return {
    _comment:
      `Review decisions exported from Duty Atlas (匹配审核) on ${exportedAt.slice(0, 10)}, in the format of data/duty-group-overrides.json: ` +
      'append the entries of merge and split to that file to make them part of the bundled data.',
    ...decisionsAsOverrides(decisions),
  };
}
