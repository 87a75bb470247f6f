import type { AtlasData } from '../src/lib/model/assemble';
import { LIST_KINDS, type ListKind } from '../src/lib/parse/types';

/**
 * The report the build prints: per township the counts per list and category, stated vs parsed,
 * the departments and their kinds, and the duty groups that span several townships.
 */
const LIST_LABEL: Record<ListKind, string> = { basic: '基本', coop: '配合', reclaimed: '收回' };

export function formatBuildReport(data: AtlasData): string {
  const out: string[] = [];
  const byTownship = new Map(data.townships.map((t) => [t.id, data.items.filter((i) => i.township_id === t.id)]));

  out.push('== Items per township and list (stated in the document’s 说明, where it states them)');
  for (const t of data.townships) {
    const items = byTownship.get(t.id)!;
    const stated = (list: ListKind, category: string | null) =>
      data.statedCounts.find((s) => s.township_id === t.id && s.list === list && s.measure === 'items' && s.category === category)?.count;
    const perList = LIST_KINDS.map((list) => {
      const parsed = items.filter((i) => i.list === list).length;
      const s = stated(list, null);
      return `${LIST_LABEL[list]} ${parsed}${s === undefined ? '' : ` (stated ${s}${s === parsed ? ' ✓' : ' ✗'})`}`;
    });
    const departmentCounts = LIST_KINDS.flatMap((list) => {
      const s = data.statedCounts.find((c) => c.township_id === t.id && c.list === list && c.measure === 'departments');
      return s ? [`${LIST_LABEL[list]} stated ${s.count}, named ${namedDepartments(data, t.id, list)}`] : [];
    });
    out.push(
      `${t.name} (${t.county}, ${t.prefecture}, ${t.published ?? 'undated'}, ${t.source_file}): ${items.length} items — ${perList.join(', ')}`,
    );
    if (departmentCounts.length) out.push(`  departments involved (not checked: basic rows name none): ${departmentCounts.join('; ')}`);
    for (const list of LIST_KINDS) {
      const counts = new Map<string, number>();
      for (const i of items) if (i.list === list) counts.set(i.category, (counts.get(i.category) ?? 0) + 1);
      const cells = [...counts].map(([category, n]) => {
        const s = stated(list, category);
        return `${category} ${n}${s === undefined ? '' : s === n ? '✓' : `✗(stated ${s})`}`;
      });
      out.push(`  ${LIST_LABEL[list]}: ${cells.join('、')}`);
    }
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
  const kinds = [...namesOfKind.keys()].sort(
    (a, b) => (townshipsOfKind.get(b)?.size ?? 0) - (townshipsOfKind.get(a)?.size ?? 0) || a.localeCompare(b, 'zh'),
  );
  for (const kind of kinds) {
    const level = data.departments.find((d) => d.kind === kind)!.level;
    out.push(`  ${kind} [${level}] in ${townshipsOfKind.get(kind)?.size ?? 0} townships: ${[...namesOfKind.get(kind)!].join('、')}`);
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
  for (const { g, townships } of spanning.sort((a, b) => b.townships.size - a.townships.size || a.g.id - b.g.id)) {
    const wordings = [...new Set(g.members.map((m) => m.name))];
    const where = g.members.map((m) => `${townshipName.get(m.township)}:${LIST_LABEL[m.list]}`).join(' ');
    out.push(`  #${g.id} [${townships.size}] ${wordings.join(' ≈ ')}  — ${where}`);
  }
  if (data.unmatchedOverrides.length) {
    out.push(
      '',
      `!! Duty-group overrides naming no item (stale? fix data/duty-group-overrides.json): ${data.unmatchedOverrides.join('、')}`,
    );
  }
  return out.join('\n');
}

/** Distinct departments a township's list names as lead (配合) or receiver (收回). */
function namedDepartments(data: AtlasData, townshipId: string, list: ListKind): number {
  const items = new Set(data.items.filter((i) => i.township_id === townshipId && i.list === list).map((i) => i.id));
  return new Set(data.itemDepartments.filter((l) => items.has(l.item_id)).map((l) => l.department_id)).size;
}
