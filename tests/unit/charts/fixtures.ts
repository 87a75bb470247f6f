import type { DepartmentEdgeRow } from '../../../src/lib/queries/network';

export const TOWNSHIPS = [
  { id: 'changji-liugong', name: '六工镇' },
  { id: 'jimsar-xindi', name: '新地乡' },
  { id: 'manas-liangzhouhu', name: '凉州户镇' },
  { id: 'qitai-jibuku', name: '吉布库镇' },
  { id: 'toksun-yilahu', name: '伊拉湖镇' },
];

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
        townshipId: township.id,
        townshipName: township.name,
        role: 'lead',
        duties: Math.max(1, 14 - k) + (t % 3),
      });
      if (withReceivers && k % 5 === 0)
        rows.push({ department: kind, kind, townshipId: township.id, townshipName: township.name, role: 'receiver', duties: 1 + (k % 3) });
    }
  });
  return rows;
}
