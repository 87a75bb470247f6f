import type { DepartmentEdgeRow } from '../../../src/lib/queries/network';
import type { UnitRow } from '../../../src/lib/queries/categories';
import { toHeatmapRows, type HeatmapCountRow, type HeatmapGroupRow, type HeatmapRow } from '../../../src/lib/queries/heatmap';
import type { ListKind } from '../../../src/lib/parse/types';

export const TOWNSHIPS = [
  { id: 'changji-liugong', name: '六工镇' },
  { id: 'jimsar-xindi', name: '新地乡' },
  { id: 'manas-liangzhouhu', name: '凉州户镇' },
  { id: 'qitai-jibuku', name: '吉布库镇' },
  { id: 'toksun-yilahu', name: '伊拉湖镇' },
];

/** The five townships as chart columns (units of one township each). */
export const UNITS: UnitRow[] = TOWNSHIPS.map((t) => ({ key: t.id, name: t.name, townships: 1 }));

/** One item of a duty group reclaimed somewhere, as a fixture for the heatmap. */
export interface HeatmapItem {
  dutyGroup: number;
  townshipId: string;
  itemId: number;
  list: ListKind;
  category: string;
  name: string;
  /** Receiving department kinds, '、'-joined; '' unless reclaimed. */
  receivers: string;
}

/**
 * Heatmap rows from fixture items, holding them as the build's heatmap part does (one cell per
 * township: reclaimed over coop over basic; the group's name and category from its reclaimed items).
 */
export function heatmapRowsOf(items: HeatmapItem[], townshipIds: string[]): HeatmapRow[] {
  const rank: Record<ListKind, number> = { reclaimed: 2, coop: 1, basic: 0 };
  const groups = new Map<number, HeatmapItem[]>();
  for (const i of items) groups.set(i.dutyGroup, [...(groups.get(i.dutyGroup) ?? []), i]);
  const groupRows: HeatmapGroupRow[] = [];
  const counts: HeatmapCountRow[] = [];
  for (const [dutyGroup, members] of groups) {
    const reclaimed = members.filter((m) => m.list === 'reclaimed');
    groupRows.push({
      dutyGroup,
      name: reclaimed[0].name,
      category: reclaimed[0].category,
      receivers: [...new Set(reclaimed.flatMap((m) => (m.receivers ? m.receivers.split('、') : [])))].sort().join('、'),
      reclaimedIn: new Set(reclaimed.map((m) => m.townshipId)).size,
    });
    for (const townshipId of new Set(members.map((m) => m.townshipId))) {
      const best = members.filter((m) => m.townshipId === townshipId).sort((a, b) => rank[b.list] - rank[a.list])[0];
      counts.push({
        dutyGroup,
        unit: townshipId,
        reclaimed: Number(best.list === 'reclaimed'),
        coop: Number(best.list === 'coop'),
        basic: Number(best.list === 'basic'),
        itemId: best.itemId,
      });
    }
  }
  const wordings = [...items]
    .sort((a, b) => rank[b.list] - rank[a.list])
    .map((i) => ({ dutyGroup: i.dutyGroup, townshipId: i.townshipId, list: i.list, name: i.name }));
  return toHeatmapRows(
    groupRows,
    counts,
    townshipIds.map((key) => ({ key, townships: 1 })),
    wordings,
  );
}

const KINDS = [
  '农业农村局',
  '住建局',
  '市场监督管理局',
  '水利局',
  '公安局',
  '自然资源局',
  '民政局',
  '人力资源和社会保障局',
  '卫生健康委员会',
  '应急管理局',
  '交通运输局',
  '文化体育广播电视和旅游局',
  '委组织部',
  '委宣传部',
  '委统战部',
  '生态环境分局',
  '林业和草原局',
  '发展和改革委员会',
  '财政局',
  '司法局',
  '教育局',
  '商务和工业信息化局',
  '医疗保障局',
  '退役军人事务局',
  '消防救援大队',
  '统计局',
  '审计局',
  '税务局',
  '残联',
  '妇联',
  '团委',
  '总工会',
  '科协',
  '气象局',
  '供销合作社',
  '人民武装部',
  '政法委员会',
  '委社会工作部',
  '委编办',
  '信访局',
  '数据局',
  '档案馆',
  '融媒体中心',
  '乡村振兴局',
  '畜牧兽医局',
  '国家统计局调查队',
  '烟草专卖局',
  '邮政分公司',
  '电力公司',
  '移动公司',
  '人民法院',
  '人民检察院',
  '人大常委会办公室',
  '政协办公室',
  '委网信办',
  '民族宗教事务局',
  '粮食和物资储备局',
  '住房公积金中心',
  '不动产登记中心',
  '疾控中心',
];

/** A network shaped like the real one: ~60 kinds, the first few in all five townships, a long tail. */
export function syntheticEdges(withReceivers = false): DepartmentEdgeRow[] {
  const rows: DepartmentEdgeRow[] = [];
  KINDS.forEach((kind, k) => {
    const reach = k < 12 ? 5 : k < 30 ? 1 + (k % 4) : 1;
    for (let t = 0; t < reach; t++) {
      const township = TOWNSHIPS[(k + t) % 5];
      rows.push({
        department: kind,
        kind,
        unit: township.id,
        unitName: township.name,
        role: 'lead',
        duties: Math.max(1, 14 - k) + (t % 3),
        townshipSteps: 0,
        departmentSteps: 0,
      });
      if (withReceivers && k % 5 === 0)
        rows.push({
          department: kind,
          kind,
          unit: township.id,
          unitName: township.name,
          role: 'receiver',
          duties: 1 + (k % 3),
          townshipSteps: 0,
          departmentSteps: 0,
        });
    }
  });
  return rows;
}
