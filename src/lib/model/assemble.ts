import type { ListKind, ParsedDocument, StepGroup } from '../parse/types';
import type {
  DepartmentKindSourceRow,
  DepartmentRow,
  DutyGroupCandidateRow,
  DutyGroupLinkRow,
  ItemDepartmentRow,
  ItemRow,
  StatedCountRow,
  StepRow,
  TownshipRow,
} from '../db/schema';
import { classifyDepartment, kindSourcesOf, resolveHeading, type DepartmentAliases, type Jurisdiction } from './departments';
import { matchDuties, unmatchedOverrideNames, type DutyGroup, type DutyGroupOverrides, type DutyInput } from './duty-groups';
import { resolvePlace, type ResolvedPlace } from './places';
import { EMPTY_PLACE_TABLE } from './place-table';

/**
 * What the parsed documents mean, as rows ready for the database: townships, items with their duty
 * group, departments with their kind, who leads or receives each item, and every step.
 */

export interface AtlasData {
  townships: TownshipRow[];
  items: ItemRow[];
  departments: DepartmentRow[];
  itemDepartments: ItemDepartmentRow[];
  steps: StepRow[];
  statedCounts: StatedCountRow[];
  dutyGroups: DutyGroup[];
  /** Items left in a group of their own township whose best candidate groups fell short of a join, for review. */
  dutyGroupCandidates: DutyGroupCandidateRow[];
  /** Every join of the grouping, with its pass and score (the audit's weak matches). */
  dutyGroupLinks: DutyGroupLinkRow[];
  /** Per department, whether its kind is one the reviewed alias file names or the model's guess. */
  departmentKindSources: DepartmentKindSourceRow[];
  /** Sub-headings that name no department we could resolve, for the build report. */
  unresolvedHeadings: { township: string; seq: number; list: ListKind; heading: string }[];
  /** Names in the reviewed overrides that match no item: stale entries to remove or fix. */
  unmatchedOverrides: string[];
  /** Each township's place as resolved against the place table, in township order, for the build report. */
  places: { township: string; place: ResolvedPlace }[];
}

const STEP_OPENS_WITH_OFFICE = /^(?:由)?([\u4e00-\u9fff]{2,30}?(?:局|委员会|部|办公室|联|院|委))/;

export interface SourceDocument {
  townshipId: string;
  document: ParsedDocument;
  /** The document's place checked against the place table; without it, the names as the document writes them. */
  place?: ResolvedPlace;
}

export function assembleAtlas(sources: SourceDocument[], aliases: DepartmentAliases, overrides: DutyGroupOverrides): AtlasData {
  const townships: TownshipRow[] = [];
  const items: ItemRow[] = [];
  const departments = new Map<string, DepartmentRow>();
  const itemDepartments = new Map<string, ItemDepartmentRow>();
  const steps: StepRow[] = [];
  const statedCounts: StatedCountRow[] = [];
  const unresolvedHeadings: AtlasData['unresolvedHeadings'] = [];

  const department = (name: string): DepartmentRow => {
    let row = departments.get(name);
    if (!row) {
      row = { id: departments.size + 1, name, ...classifyDepartment(name, aliases) };
      departments.set(name, row);
    }
    return row;
  };
  const link = (item_id: number, name: string, role: ItemDepartmentRow['role']) => {
    const department_id = department(name).id;
    itemDepartments.set(`${item_id}/${department_id}/${role}`, { item_id, department_id, role });
  };

  const places: AtlasData['places'] = [];

  for (const source of sources) {
    const { townshipId, document } = source;
    const place = source.place ?? resolvePlace(document.place, EMPTY_PLACE_TABLE);
    places.push({ township: townshipId, place });
    townships.push({
      id: townshipId,
      name: place.township,
      county: place.county,
      prefecture: place.prefecture,
      published: document.published,
      source_file: document.source,
      code: place.code,
      county_code: place.countyCode,
      prefecture_code: place.prefectureCode,
      place_source: place.source,
    });
    const where: Jurisdiction = { county: place.county, prefecture: place.prefecture };

    for (const parsed of document.items) {
      const item_id = items.length + 1;
      items.push({
        id: item_id,
        township_id: townshipId,
        list: parsed.list,
        seq: parsed.seq,
        category: parsed.category,
        name: parsed.name,
        duty_group: 0,
        source_line: parsed.line,
      });
      const leads = parsed.leadDepartments;
      for (const name of leads) link(item_id, name, 'lead');

      // Which department a group of steps belongs to: its heading, or the only lead department.
      const departmentOf = (group: StepGroup): number | null => {
        if (group.heading === null) return leads.length === 1 ? department(leads[0]).id : null;
        const names = resolveHeading(group.heading, where, leads, aliases);
        if (names.length === 0) {
          unresolvedHeadings.push({ township: townshipId, seq: parsed.seq, list: parsed.list, heading: group.heading });
          return leads.length === 1 ? department(leads[0]).id : null;
        }
        if (parsed.list === 'reclaimed') for (const name of names) link(item_id, name, 'receiver');
        return department(names[0]).id;
      };
      // Where several departments share one cell without sub-headings, a step often opens with
      // the office that does it ("县财政局按规定…", "由市人力资源和社会保障局…").
      const leadOpening = (text: string): number | null => {
        const opening = STEP_OPENS_WITH_OFFICE.exec(text);
        if (!opening) return null;
        const lead = resolveHeading(opening[1], where, leads, aliases).find((name) => leads.includes(name));
        return lead ? department(lead).id : null;
      };
      const addSteps = (groups: StepGroup[], party: StepRow['party']) => {
        let ord = 0;
        for (const group of groups) {
          const department_id = party === 'department' ? departmentOf(group) : null;
          for (const text of group.steps) {
            const own = party === 'department' && department_id === null && group.heading === null ? leadOpening(text) : null;
            steps.push({ item_id, party, department_id: own ?? department_id, ord: ++ord, text, heading: group.heading });
          }
        }
      };
      addSteps(parsed.departmentSteps, 'department');
      addSteps(parsed.townshipSteps, 'township');
    }

    const stated = document.stated;
    if (stated) {
      for (const [list, counts] of Object.entries(stated.lists) as [ListKind, NonNullable<(typeof stated.lists)[ListKind]>][]) {
        statedCounts.push({ township_id: townshipId, list, measure: 'items', category: null, count: counts.total });
        if (counts.departments !== null)
          statedCounts.push({ township_id: townshipId, list, measure: 'departments', category: null, count: counts.departments });
        for (const [category, count] of Object.entries(counts.categories))
          statedCounts.push({ township_id: townshipId, list, measure: 'items', category, count });
      }
    }
  }

  const rows = { items, departments: [...departments.values()], itemDepartments: [...itemDepartments.values()], steps };
  const { dutyGroups, dutyGroupCandidates, dutyGroupLinks } = assignDutyGroups(rows, overrides);

  return {
    townships,
    ...rows,
    statedCounts,
    dutyGroups,
    dutyGroupCandidates,
    dutyGroupLinks,
    departmentKindSources: kindSourcesOf(rows.departments, aliases),
    unresolvedHeadings,
    unmatchedOverrides: unmatchedOverrideNames(dutyInputsOf(rows), overrides),
    places,
  };
}

/** The rows the duty grouping reads. */
export type GroupedRows = Pick<AtlasData, 'items' | 'departments' | 'itemDepartments' | 'steps'>;

/**
 * What the grouping sees of each item — its name and place, its category and its departments'
 * kinds — in item id order (the order decides which of two candidates joins first).
 */
export function dutyInputsOf(rows: Pick<GroupedRows, 'items' | 'departments' | 'itemDepartments'>): DutyInput[] {
  const kindOf = new Map(rows.departments.map((d) => [d.id, d.kind]));
  const kindsOf = new Map<number, string[]>();
  for (const link of rows.itemDepartments) {
    const kinds = kindsOf.get(link.item_id) ?? kindsOf.set(link.item_id, []).get(link.item_id)!;
    const kind = kindOf.get(link.department_id)!;
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return [...rows.items]
    .sort((a, b) => a.id - b.id)
    .map((i) => ({
      key: i.id,
      township: i.township_id,
      list: i.list,
      name: i.name,
      category: i.category,
      departmentKinds: kindsOf.get(i.id) ?? [],
    }));
}

/**
 * Groups every item of `rows` into duties across townships and lists and writes each item's
 * `duty_group`: the build's step, and the browser's when lists are added to a database (the same
 * rows, so the same groups as a build of the same lists in the same order). Returns the groups, the
 * review queue (the best candidate groups of each item left unlinked) and every join made.
 */
export function assignDutyGroups(
  rows: GroupedRows,
  overrides: DutyGroupOverrides,
  /** `dutyInputsOf(rows)`, when the caller keeps it between groupings of the same rows (src/lib/review/regroup-session.ts). */
  inputs: DutyInput[] = dutyInputsOf(rows),
): { dutyGroups: DutyGroup[]; dutyGroupCandidates: DutyGroupCandidateRow[]; dutyGroupLinks: DutyGroupLinkRow[] } {
  const { groups: dutyGroups, uncertain, joins } = matchDuties(inputs, overrides);
  const groupOf = new Map<number, number>();
  for (const group of dutyGroups) for (const member of group.members) groupOf.set(member.key, group.id);
  for (const item of rows.items) {
    const group = groupOf.get(item.id);
    if (group === undefined) throw new Error(`duty grouping left item ${item.township_id} ${item.list} ${item.seq} without a group`);
    item.duty_group = group;
  }
  const dutyGroupCandidates: DutyGroupCandidateRow[] = [];
  for (const [item_id, candidates] of uncertain)
    candidates.forEach((c, i) =>
      dutyGroupCandidates.push({
        item_id,
        rank: i + 1,
        candidate_group: c.group,
        score: round(c.score),
        wording: round(c.wording),
        evidence: JSON.stringify(c.evidence),
      }),
    );
  const dutyGroupLinks = joins.map((j) => ({
    item_id: j.item,
    partner_item: j.partner,
    pass: j.pass,
    score: j.score === null ? null : round(j.score),
  }));
  return { dutyGroups, dutyGroupCandidates, dutyGroupLinks };
}

/** Scores as stored: three decimals are more than a reviewer reads. */
const round = (x: number) => Math.round(x * 1000) / 1000;
