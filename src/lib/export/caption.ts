/**
 * The lines every export carries besides its title: the filters in force, worded as the filter bar
 * words them, and the source — which townships' lists, published when. Pure: the page gathers the
 * names and dates (caption-source.ts), these functions only word them, so they are unit-tested.
 */
import type { ListKind } from '../parse/types';
import type { Filters } from '../state/filters';
import { EXPORT_STRINGS as S, LIST_SHORT, SHELL } from '../ui/strings';
import { isoDate } from './file-name';

export interface FilterNames {
  /** The place drilled into and its ancestors, outermost first (empty for everything loaded). */
  scopePath: string[];
  /** Townships in scope: what the views show when no township is picked. */
  townshipsInScope: number;
  townshipName: (id: string) => string;
  /** Whether a township's list was added by the reader (marked as the filter bar marks it). */
  imported: (id: string) => boolean;
}

/**
 * The filters as the filter bar states them: 乡镇：吉布库镇、六工镇；清单：基本 …, after the scope; or,
 * with none, its sentence 未筛选（显示…全部 N 个乡镇的全部事项）.
 */
export function describeFilters(filters: Filters, names: FilterNames): string {
  const dimension = (label: string, values: string[]) => (values.length ? `${label}：${values.join('、')}` : null);
  const parts = [
    dimension(
      SHELL.townships,
      filters.townships.map((id) => names.townshipName(id) + (names.imported(id) ? SHELL.importedMark : '')),
    ),
    dimension(
      SHELL.lists,
      filters.lists.map((l: ListKind) => LIST_SHORT[l] ?? l),
    ),
    dimension(SHELL.categories, filters.categories),
    dimension(SHELL.departmentKinds, filters.departmentKinds),
  ].filter((p): p is string => p !== null);
  const scope = names.scopePath.length ? S.scope(names.scopePath) : null;
  if (!parts.length) {
    const none = SHELL.noFilters(names.townshipsInScope, names.scopePath.at(-1) ?? null);
    return S.filtersLabel + [scope, none].filter(Boolean).join(S.separator);
  }
  return S.filtersLabel + [scope, ...parts].filter(Boolean).join(S.separator);
}

export interface SourceTownship {
  name: string;
  county: string;
  /** As the document states it ('2025-07'), or null where it does not. */
  published: string | null;
  imported: boolean;
}

/** Up to this many townships are named one by one; past it the dates are summed. */
export const NAMED_TOWNSHIPS = 6;
/** Past this many distinct dates the summary gives their range only. */
const LISTED_DATES = 4;

/** '2025-07' → 2025年7月发布; anything else as the document wrote it. */
export function publishedText(published: string | null): string {
  if (!published) return S.undated;
  const m = /^(\d{4})-(\d{1,2})/.exec(published);
  return m ? S.published(m[1], m[2]) : S.publishedRaw(published);
}

const monthText = (published: string) => publishedText(published).replace(/发布$/, '');

/**
 * Which lists the export is drawn from: a few townships named with county and date, many summed by
 * date (来源：200 个乡镇的履职事项清单（2025年1月发布 12 个、…；3 个未注明发布时间）).
 */
export function sourceLine(townships: readonly SourceTownship[]): string {
  if (!townships.length) return '';
  if (townships.length <= NAMED_TOWNSHIPS) {
    const named = townships.map((t) =>
      S.sourceTownship(
        t.name + (t.imported ? SHELL.importedMark : ''),
        t.county,
        t.imported ? S.importedSource : publishedText(t.published),
      ),
    );
    return S.source + S.sourceLists(named.join('、'));
  }
  const byDate = new Map<string, number>();
  let undated = 0;
  let imported = 0;
  for (const t of townships) {
    if (t.imported) imported++;
    else if (t.published) byDate.set(t.published, (byDate.get(t.published) ?? 0) + 1);
    else undated++;
  }
  const dates = [...byDate].sort(([a], [b]) => a.localeCompare(b));
  const parts: string[] = [];
  if (dates.length > LISTED_DATES) parts.push(S.dateRange(monthText(dates[0][0]), monthText(dates.at(-1)![0])));
  else if (dates.length) parts.push(dates.map(([date, n]) => S.dateCount(monthText(date), n)).join('、'));
  if (undated) parts.push(S.undatedCount(undated));
  if (imported) parts.push(S.importedCount(imported));
  return S.source + S.sourceMany(townships.length, parts.join(S.separator));
}

/** The last line: where and when the export was made. */
export const footerLine = (date: Date) => S.footer(isoDate(date));
