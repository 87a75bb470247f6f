import { LIST_SHORT, VARIANCE_STRINGS as S } from '../ui/strings';
import type { VarianceFlag } from './find-variances';

/** Names shown in one flag's sentence before the rest are counted (等 N 个). */
const NAMED = 4;

function counted(entries: readonly { name: string; townships: number }[]): string {
  const named = entries.slice(0, NAMED).map((e) => S.counted(e.name, e.townships));
  return entries.length > NAMED ? `${named.join('、')} ${S.andMore(entries.length)}` : named.join('、');
}

/** Why a duty group is flagged, in one Chinese sentence with its figures. */
export function describeFlag(flag: VarianceFlag, categoryName: (id: number) => string, kindName: (id: number) => string): string {
  switch (flag.kind) {
    case 'list':
      return S.list(flag.reclaimed, flag.kept, flag.keptIn.map((l) => LIST_SHORT[l]).join('或'));
    case 'category':
      return S.category(counted(flag.categories.map((c) => ({ name: categoryName(c.category), townships: c.townships }))));
    case 'missing':
      return S.missing(flag.listing, flag.selected);
    case 'kinds':
      return S.kindsFlag(flag.role, counted(flag.kinds.map((k) => ({ name: kindName(k.kind), townships: k.townships }))));
  }
}
