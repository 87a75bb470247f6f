/**
 * The kinds of finding the audit (数据核对) lists, in display order. Stored as their index in the
 * audit part (src/lib/atlas/schema.ts AUDIT_SQL), as lists and roles are (atlas/codes.ts).
 */
export const AUDIT_KINDS = ['seq-gap', 'seq-duplicate', 'coop-no-lead', 'reclaimed-no-receiver', 'kind-guessed', 'weak-match'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const AUDIT_KIND_CODE = Object.fromEntries(AUDIT_KINDS.map((k, i) => [k, i])) as Record<AuditKind, number>;

/**
 * A duty group rests on a weak match when one of its joins scored below this: a fuzzy or settled
 * join whose bigram Dice falls short of a plain rewording's (below 0.8, so the partial rules (b) and
 * (c) of duty-groups.ts METHOD 3 and the lower band of rule (a)), or a context join that cleared
 * its acceptance (0.7) by less than 0.1. Reviewed merges and exact matches are never weak.
 */
export const WEAK_SCORE = 0.8;
