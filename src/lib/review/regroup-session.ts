import type { SqlJsStatic } from 'sql.js';
import { DUTY_GROUP_PARTS, deriveAtlas, type AtlasFile, type ListedFile } from '../atlas/derive';
import type { DutyGroupCandidateRow, DutyGroupLinkRow } from '../db/schema';
import type { DutyGroupPatch } from '../db/patch-duty-groups';
import type { CompleteTables } from '../import/read-database';
import { assignDutyGroups, dutyInputsOf } from '../model/assemble';
import type { DutyGroupOverrides, DutyInput } from '../model/duty-groups';

/** What grouping the items anew changed: the items whose group changed, and the whole new review queue. */
export interface Regrouping {
  /** item id → its new duty group, for the items whose group is not the one they had. */
  changed: Map<number, number>;
  candidates: DutyGroupCandidateRow[];
  /** Every join of the new grouping. */
  links: DutyGroupLinkRow[];
}

/**
 * The complete database shown, kept in memory between review decisions, so that a decision costs
 * one grouping of every item — the build's own (`assignDutyGroups`), never a patch of the groups —
 * and what that grouping changes, not a read, write and derivation of the whole database.
 *
 * Why the grouping is not patched: the reviewed merges are the grouping's first step
 * (duty-groups.ts, METHOD 5), so one merge can change what the fuzzy and context passes join
 * afterwards, and the groups are numbered by their first item, so a merge or split renumbers every
 * later group. Only grouping everything again gives what a build with the same overrides gives; at
 * a region's 279,000 items it takes a few seconds, where reading, writing and deriving the whole
 * database took minutes.
 */
export class RegroupSession {
  /** What the grouping reads of each item: the same for every decision, so computed once. */
  readonly #inputs: DutyInput[];

  constructor(readonly tables: CompleteTables) {
    this.#inputs = dutyInputsOf(tables);
  }

  /**
   * A review decision made or undone: every item grouped with `overrides` (the reviewed ones plus
   * the decisions), the parts naming duty groups derived again, and what to write into the complete
   * database shown (patch-duty-groups.ts). `meta` are the meta rows the decisions and lists are kept
   * under (null: none), set in the database and in the summary's meta (`summaryMeta`: the summary
   * shown, whose other rows stay); `kept` the files not derived again, as the summary lists them.
   */
  decide(
    SQL: SqlJsStatic,
    overrides: DutyGroupOverrides,
    meta: Record<string, string | null>,
    summaryMeta: Record<string, string>,
    kept: readonly ListedFile[],
  ): { files: AtlasFile[]; patch: DutyGroupPatch } {
    const { changed, candidates, links } = this.regroup(overrides);
    const partsMeta = { ...summaryMeta };
    for (const [key, value] of Object.entries(meta))
      if (value === null) delete partsMeta[key];
      else partsMeta[key] = value;
    const files = deriveAtlas(SQL, this.tables, { parts: DUTY_GROUP_PARTS, keptFiles: kept, meta: partsMeta });
    return { files, patch: { changed, candidates, links, meta } };
  }

  /** Groups every item with `overrides` and updates the tables kept: what changed. */
  regroup(overrides: DutyGroupOverrides): Regrouping {
    const before = new Map(this.tables.items.map((i) => [i.id, i.duty_group]));
    const { dutyGroupCandidates: candidates, dutyGroupLinks: links } = assignDutyGroups(this.tables, overrides, this.#inputs);
    this.tables.dutyGroupCandidates = candidates;
    this.tables.dutyGroupLinks = links;
    const changed = new Map<number, number>();
    for (const item of this.tables.items) if (before.get(item.id) !== item.duty_group) changed.set(item.id, item.duty_group);
    return { changed, candidates, links };
  }
}
