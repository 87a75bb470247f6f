/**
 * Adding township lists to the database shown, in the page's import worker: each file read and
 * placed as the build reads it, the lists assembled as the build assembles them, merged into the
 * complete database's rows (merge-lists.ts), and a report per file the reader sees before anything is
 * applied. Pure: no DOM, no Node; the worker passes bytes and the place table.
 */
import type { ListKind } from '../parse/types';
import { assembleAtlas, type SourceDocument } from '../model/assemble';
import { reviewedKinds, type DepartmentAliases } from '../model/departments';
import type { DutyGroupOverrides } from '../model/duty-groups';
import { resolvePlace } from '../model/places';
import type { PlaceTable } from '../model/place-table';
import { townshipIdOf } from '../model/township-id';
import { ListFileError, readListFile } from './list-file';
import { mergeLists, type MergedLists } from './merge-lists';
import type { CompleteTables } from './read-database';
import type { Where } from '../parse/where';
import type { ListRefusal } from './list-refusal';
import { applicable } from './applicable';

/** Why a file is refused, as data: the page says it in Chinese (describe-list-problem.ts). */
export interface ListProblem {
  /** The line of a text file, the table row or paragraph of a Word document; null for the whole file. */
  at: Where | null;
  refusal: ListRefusal;
}

export interface ListCounts {
  parsed: number;
  /** What the document's 说明 states, where it does. */
  stated: number | null;
}

/** What the reader sees of one file before applying it. */
export interface ListReport {
  file: string;
  /** Every reason the file is refused; empty when it reads. A refused file is never applied. */
  problems: ListProblem[];
  townshipId?: string;
  township?: string;
  county?: string;
  prefecture?: string;
  /** The township is in the database shown already: applying replaces its list, unless the reader keeps it. */
  replaces?: boolean;
  /** The reader chose to keep the township's list shown: this file is read and reported, never applied. */
  kept?: boolean;
  lists?: Record<ListKind, ListCounts>;
  /** Departments the list names: already in the database shown, or new to it. */
  departments?: { known: number; new: number; newKinds: number };
  /**
   * Its duties, each counted once: in a duty group with duties of the database shown (linked); in none
   * but close enough to one that the grouping put it in the review queue, duty_group_candidates
   * (uncertain); or in none at all (new).
   */
  duties?: { linked: number; uncertain: number; new: number };
}

export interface ImportPreview {
  reports: ListReport[];
  /** The merged rows, when at least one file reads: what applying writes. */
  merged: MergedLists | null;
}

const LISTS: ListKind[] = ['basic', 'coop', 'reclaimed'];

/** Reads one file: its source document (with its township id), or its problems. */
export function readList(
  name: string,
  bytes: Uint8Array,
  places: PlaceTable,
  /** The file's size where its bytes were not read (list-file.ts refusedUnread). */
  size = bytes.length,
): { source: SourceDocument; report: ListReport } | { report: ListReport } {
  try {
    const document = readListFile(name, bytes, size);
    const place = resolvePlace(document.place, places);
    const townshipId = townshipIdOf(place);
    const lists = Object.fromEntries(
      LISTS.map((list) => [
        list,
        { parsed: document.items.filter((i) => i.list === list).length, stated: document.stated?.lists[list]?.total ?? null },
      ]),
    ) as Record<ListKind, ListCounts>;
    return {
      source: { townshipId, document, place },
      report: { file: name, problems: [], townshipId, township: place.township, county: place.county, prefecture: place.prefecture, lists },
    };
  } catch (error) {
    if (error instanceof ListFileError) return { report: { file: name, problems: [{ at: error.at, refusal: error.refusal }] } };
    // A fault of the reader, not of the file: still reported with the file, so the other files go on.
    const detail = error instanceof Error ? error.message : String(error);
    return { report: { file: name, problems: [{ at: null, refusal: { kind: 'unexpected', detail } }] } };
  }
}

/**
 * Every file read and, where they read, merged into `base`: the report of each, and the merged rows.
 * Two files of one township: the second is refused, naming the first. A file of a township in `keep`
 * (one already shown whose list the reader chose to keep) is reported but not merged. `onFile`
 * reports progress.
 */
export function previewImport(
  files: readonly { name: string; bytes: Uint8Array; size?: number }[],
  base: CompleteTables,
  context: { places: PlaceTable; aliases: DepartmentAliases; overrides: DutyGroupOverrides },
  onFile: (done: number, total: number, name: string) => void = () => {},
  keep: ReadonlySet<string> = new Set(),
): ImportPreview {
  const baseTownships = new Set(base.townships.map((t) => t.id));
  const reports: ListReport[] = [];
  const sources: SourceDocument[] = [];
  const fileOf = new Map<string, string>();
  files.forEach((file, i) => {
    onFile(i, files.length, file.name);
    const read = readList(file.name, file.bytes, context.places, file.size);
    reports.push(read.report);
    if (!('source' in read)) return;
    const first = fileOf.get(read.source.townshipId);
    if (first) {
      read.report.problems.push({
        at: null,
        refusal: { kind: 'same-township', first, township: `${read.report.county}${read.report.township}` },
      });
      return;
    }
    fileOf.set(read.source.townshipId, file.name);
    if (baseTownships.has(read.source.townshipId) && keep.has(read.source.townshipId)) {
      read.report.replaces = true;
      read.report.kept = true;
      return;
    }
    sources.push(read.source);
  });
  onFile(files.length, files.length, '');
  if (sources.length === 0) return { reports, merged: null };

  const added = assembleAtlas(sources, context.aliases, context.overrides);
  const merged = mergeLists(base, added, context.overrides);
  const baseDepartments = new Set(base.departments.map((d) => d.name));
  const knownKinds = reviewedKinds(context.aliases);
  const addedIds = new Set(added.townships.map((t) => t.id));
  // A group is linked when it holds an item of a township the database keeps.
  const linkedGroups = new Set(merged.rows.items.filter((i) => !addedIds.has(i.township_id)).map((i) => i.duty_group));
  // The review queue holds only items left in a group of their own township: never a linked one.
  const uncertainItems = new Set((merged.rows.dutyGroupCandidates ?? []).map((c) => c.item_id));
  for (const report of reports) {
    if (!applicable(report) || !report.townshipId) continue;
    const items = merged.rows.items.filter((i) => i.township_id === report.townshipId);
    const itemIds = new Set(items.map((i) => i.id));
    const named = new Set(merged.rows.itemDepartments.filter((d) => itemIds.has(d.item_id)).map((d) => d.department_id));
    const departments = merged.rows.departments.filter((d) => named.has(d.id));
    const names = departments.map((d) => d.name);
    const linked = items.filter((i) => linkedGroups.has(i.duty_group)).length;
    const uncertain = items.filter((i) => !linkedGroups.has(i.duty_group) && uncertainItems.has(i.id)).length;
    report.replaces = baseTownships.has(report.townshipId);
    report.departments = {
      known: names.filter((n) => baseDepartments.has(n)).length,
      new: names.filter((n) => !baseDepartments.has(n)).length,
      newKinds: departments.filter((d) => !knownKinds.has(d.kind)).length,
    };
    report.duties = { linked, uncertain, new: items.length - linked - uncertain };
  }
  return { reports, merged };
}
