import type { ExportTable } from '../export/table';
import { VARIANCE_STRINGS as S } from '../ui/strings';
import { describeFlag } from './describe-flag';
import type { Variance } from './find-variances';

/** 口径差异 as a table (CSV, XLSX): every duty flagged, in the view's order, each reason in words. */
export function varianceTable(
  variances: readonly Variance[],
  names: {
    group: (id: number) => { name: string; category: string } | undefined;
    category: (id: number) => string;
    kind: (id: number) => string;
  },
  selected: number,
  title: string,
): ExportTable {
  const c = S.table;
  return {
    title,
    columns: [
      { header: c.rank },
      { header: c.duty, width: 48 },
      { header: c.category },
      { header: c.listing },
      { header: c.selected },
      { header: c.differ },
      { header: c.kinds },
      { header: c.reasons, width: 80 },
    ],
    rows: variances.map((v, i) => [
      i + 1,
      names.group(v.dutyGroup)?.name ?? String(v.dutyGroup),
      names.group(v.dutyGroup)?.category ?? '',
      v.townships,
      selected,
      v.weight,
      v.flags.map((f) => S.kinds[f.kind]).join('、'),
      v.flags.map((f) => describeFlag(f, names.category, names.kind)).join('；'),
    ]),
  };
}
