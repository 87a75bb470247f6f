import type { AtlasData } from '../src/lib/model/assemble';
import type { ItemRow } from '../src/lib/db/schema';
import { LIST_KINDS, type ListKind } from '../src/lib/parse/types';
import { formatPlaceReport } from './report-places';

/**
 * The report the build prints: where each township sits, per township the counts per list and
 * category, stated vs parsed, the departments and their kinds, and the duty groups that span several
 * townships. Up to DETAIL_UP_TO townships every township gets its lines; past that (a prefecture, the
 * region) the report summarises and lists only what needs a look, so it stays readable.
 */
const LIST_LABEL: Record<ListKind, string> = { basic: '基本', coop: '配合', reclaimed: '收回' };
const DETAIL_UP_TO = 30;
/** Past DETAIL_UP_TO townships: names shown per department kind, and duty groups listed. */
const NAMES_SHOWN = 6;
const GROUPS_SHOWN = 30;

export function formatBuildReport(data: AtlasData): string {
  const detailed = data.townships.length <= DETAIL_UP_TO;
  const out: string[] = [...formatPlaceReport(data, DETAIL_UP_TO), ''];
  const byTownship = new Map<string, ItemRow[]>(data.townships.map((t) => [t.id, []]));
  for (const item of data.items) byTownship.get(item.township_id)?.push(item);
  const statedItems = new Map<string, number>();
  for (const s of data.statedCounts) if (s.measure === 'items') statedItems.set(`${s.township_id}/${s.list}/${s.category ?? ''}`, s.count);
  const stated = (township: string, list: ListKind, category: string | null) => statedItems.get(`${township}/${list}/${category ?? ''}`);
  const statedDepartments = new Map<string, number>();
  for (const s of data.statedCounts) if (s.measure === 'departments') statedDepartments.set(`${s.township_id}/${s.list}`, s.count);
  const departmentsOfItem = new Map<number, Set<number>>();
  for (const l of data.itemDepartments)
    (departmentsOfItem.get(l.item_id) ?? departmentsOfItem.set(l.item_id, new Set()).get(l.item_id)!).add(l.department_id);

  out.push('== Items per township and list (stated in the document’s 说明, where it states them)');
  const perListCounts = new Map<ListKind, number[]>(LIST_KINDS.map((list) => [list, []]));
  let statedTownships = 0;
  for (const t of data.townships) {
    const items = byTownship.get(t.id)!;
    let mismatch = false;
    let statesAny = false;
    const perList = LIST_KINDS.map((list) => {
      const parsed = items.filter((i) => i.list === list).length;
      perListCounts.get(list)!.push(parsed);
      const s = stated(t.id, list, null);
      if (s !== undefined) statesAny = true;
      if (s !== undefined && s !== parsed) mismatch = true;
      return `${LIST_LABEL[list]} ${parsed}${s === undefined ? '' : ` (stated ${s}${s === parsed ? ' ✓' : ' ✗'})`}`;
    });
    const departmentCounts = LIST_KINDS.flatMap((list) => {
      const s = statedDepartments.get(`${t.id}/${list}`);
      return s === undefined ? [] : [`${LIST_LABEL[list]} stated ${s}, named ${namedDepartments(departmentsOfItem, items, list)}`];
    });
    const lines = [
      `${t.name} (${t.county}, ${t.prefecture}, ${t.published ?? 'undated'}, ${t.source_file}): ${items.length} items — ${perList.join(', ')}`,
    ];
    if (departmentCounts.length) lines.push(`  departments involved (not checked: basic rows name none): ${departmentCounts.join('; ')}`);
    for (const list of LIST_KINDS) {
      const counts = new Map<string, number>();
      for (const i of items) if (i.list === list) counts.set(i.category, (counts.get(i.category) ?? 0) + 1);
      const cells = [...counts].map(([category, n]) => {
        const s = stated(t.id, list, category);
        if (s !== undefined && s !== n) mismatch = true;
        return `${category} ${n}${s === undefined ? '' : s === n ? '✓' : `✗(stated ${s})`}`;
      });
      lines.push(`  ${LIST_LABEL[list]}: ${cells.join('、')}`);
    }
    if (statesAny) statedTownships++;
    if (detailed || mismatch) out.push(...lines);
  }
  if (!detailed) {
    const spread = LIST_KINDS.map((list) => `${LIST_LABEL[list]} ${range(perListCounts.get(list)!)}`);
    out.push(
      `${data.townships.length} townships; items per list, min–median–max: ${spread.join(', ')}; ` +
        `${statedTownships} state their counts in a 说明 (townships listed above only where a count differs)`,
    );
  }
  out.push(`Total: ${data.items.length} items, ${data.steps.length} steps`);

  out.push('', `== Departments: ${data.departments.length} as written, ${new Set(data.departments.map((d) => d.kind)).size} kinds`);
  const townshipsOfKind = new Map<string, Set<string>>();
  const namesOfKind = new Map<string, Set<string>>();
  const itemTownship = new Map(data.items.map((i) => [i.id, i.township_id]));
  const departmentById = new Map(data.departments.map((d) => [d.id, d]));
  for (const link of data.itemDepartments) {
    const d = departmentById.get(link.department_id)!;
    (townshipsOfKind.get(d.kind) ?? townshipsOfKind.set(d.kind, new Set()).get(d.kind)!).add(itemTownship.get(link.item_id)!);
  }
  for (const d of data.departments) (namesOfKind.get(d.kind) ?? namesOfKind.set(d.kind, new Set()).get(d.kind)!).add(d.name);
  const levelOfKind = new Map<string, string>();
  for (const d of data.departments) if (!levelOfKind.has(d.kind)) levelOfKind.set(d.kind, d.level);
  const kinds = [...namesOfKind.keys()].sort(
    (a, b) => (townshipsOfKind.get(b)?.size ?? 0) - (townshipsOfKind.get(a)?.size ?? 0) || a.localeCompare(b, 'zh'),
  );
  for (const kind of kinds) {
    const names = [...namesOfKind.get(kind)!];
    const shown =
      detailed || names.length <= NAMES_SHOWN
        ? names.join('、')
        : `${names.slice(0, NAMES_SHOWN).join('、')} … and ${names.length - NAMES_SHOWN} more`;
    out.push(`  ${kind} [${levelOfKind.get(kind)}] in ${townshipsOfKind.get(kind)?.size ?? 0} townships: ${shown}`);
  }
  if (data.unresolvedHeadings.length) {
    out.push(
      `  Sub-headings naming no department (${data.unresolvedHeadings.length}): ` +
        [...new Set(data.unresolvedHeadings.map((h) => h.heading))].join('、'),
    );
  }

  const spanning = data.dutyGroups
    .map((g) => ({ g, townships: new Set(g.members.map((m) => m.township)), lists: new Set(g.members.map((m) => m.list)) }))
    .filter((x) => x.townships.size > 1);
  const crossList = spanning.filter((x) => x.lists.size > 1);
  out.push(
    '',
    `== Duty groups: ${data.dutyGroups.length} groups for ${data.items.length} items; ${spanning.length} span several townships, ${crossList.length} of them across lists`,
  );
  const townshipName = new Map(data.townships.map((t) => [t.id, t.name]));
  const sorted = spanning.sort((a, b) => b.townships.size - a.townships.size || a.g.id - b.g.id);
  for (const { g, townships } of detailed ? sorted : sorted.slice(0, GROUPS_SHOWN)) {
    const wordings = [...new Set(g.members.map((m) => m.name))];
    const where = detailed
      ? g.members.map((m) => `${townshipName.get(m.township)}:${LIST_LABEL[m.list]}`).join(' ')
      : LIST_KINDS.map((list) => `${LIST_LABEL[list]} ${g.members.filter((m) => m.list === list).length}`).join(' ');
    const shownWordings = detailed || wordings.length <= 3 ? wordings : [...wordings.slice(0, 3), `… ${wordings.length - 3} more wordings`];
    out.push(`  #${g.id} [${townships.size}] ${shownWordings.join(' ≈ ')}  — ${where}`);
  }
  if (!detailed && sorted.length > GROUPS_SHOWN) out.push(`  … and ${sorted.length - GROUPS_SHOWN} more groups spanning several townships`);
  if (data.unmatchedOverrides.length) {
    out.push(
      '',
      `!! Duty-group overrides naming no item (stale? fix data/duty-group-overrides.json): ${data.unmatchedOverrides.join('、')}`,
    );
  }
  return out.join('\n');
}

/** "104–120–135": smallest, median and largest. */
function range(values: number[]): string {
  if (values.length === 0) return '–';
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0]}–${sorted[Math.floor(sorted.length / 2)]}–${sorted[sorted.length - 1]}`;
}

/** Distinct departments a township's list names as lead (配合) or receiver (收回). */
function namedDepartments(departmentsOfItem: Map<number, Set<number>>, townshipItems: ItemRow[], list: ListKind): number {
  const named = new Set<number>();
  for (const item of townshipItems) if (item.list === list) for (const d of departmentsOfItem.get(item.id) ?? []) named.add(d);
  return named.size;
}
