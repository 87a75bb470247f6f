import { reviewedKinds, type DepartmentAliases } from '../model/departments';

/**
 * Department kinds and counties the reviewed alias file (data/department-aliases.json) does not
 * know yet — what an imported list brought — in that file's format, for "导出审核结果". A kind not
 * in the file is a guess of the department model (the name with its place prefix removed); a person
 * confirms it, or adds it as another spelling of a known kind, before it becomes bundled data.
 */
export interface KnownDepartment {
  name: string;
  kind: string;
}
export interface KnownTownship {
  county: string;
  prefecture: string;
}

export interface NewKinds {
  /** Kinds not in the file, with the department names that gave them. */
  kinds: { kind: string; departments: string[] }[];
  /** County-level units not in the file's places, with their prefecture. */
  counties: { county: string; prefecture: string }[];
}

export function newKinds(
  aliases: DepartmentAliases,
  departments: readonly KnownDepartment[],
  townships: readonly KnownTownship[],
): NewKinds {
  const knownKinds = reviewedKinds(aliases);
  const byKind = new Map<string, string[]>();
  for (const d of departments) {
    if (knownKinds.has(d.kind)) continue;
    byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d.name]);
  }
  const knownCounties = new Set(Object.keys(aliases.places.counties));
  const counties = new Map<string, string>();
  for (const t of townships) if (!knownCounties.has(t.county)) counties.set(t.county, t.prefecture);
  const zh = new Intl.Collator('zh-CN');
  return {
    kinds: [...byKind]
      .map(([kind, names]) => ({ kind, departments: [...new Set(names)].sort(zh.compare) }))
      .sort((a, b) => zh.compare(a.kind, b.kind)),
    counties: [...counties].map(([county, prefecture]) => ({ county, prefecture })).sort((a, b) => zh.compare(a.county, b.county)),
  };
}

/** The file written: the alias file's `places.counties` and `kinds` for what is new, to merge into it after a look. */
export function newKindsExport(
  found: NewKinds,
  exportedAt: string,
): Pick<DepartmentAliases, '_comment' | 'kinds'> & {
  places: Pick<DepartmentAliases['places'], 'counties'>;
} {
  return {
    _comment:
      `Department kinds and counties new to data/department-aliases.json, exported from Duty Atlas (匹配审核) on ${exportedAt.slice(0, 10)}. ` +
      "Each kind is the department model's guess (the name with its place prefix removed); confirm it, or move its name into the spellings of a known kind, then merge these entries into that file.",
    places: { counties: Object.fromEntries(found.counties.map((c) => [c.county, { prefecture: c.prefecture }])) },
    kinds: Object.fromEntries(found.kinds.map((k) => [k.kind, []])),
  };
}
