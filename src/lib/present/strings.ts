/**
 * Every Chinese sentence of the presentation mode and the PowerPoint deck, in one place so it can be
 * read and corrected together. Headlines are templates: every number and name is an argument, taken
 * from the figures the slide was built from — change the data and the sentence changes.
 */
import { formatCount, formatShare } from '../ui/strings';
import { joinNames } from '../ui/leaders';
import type { FindingId } from './types';

const n = formatCount;
/** "各 " before the figure of tied leaders (each of them has it), nothing before a single leader's. */
const each = (names: readonly string[]) => (names.length > 1 ? '各 ' : '');

export const FINDING_LABELS: Record<FindingId, string> = {
  lists: '乡镇列出多少事项',
  reclaimed: '上级部门收回了哪些',
  divergent: '哪些事项处理不一',
  reliance: '乡镇最依赖哪些部门',
  township: '一个乡镇与其他乡镇相比',
};

export const HEADLINES = {
  lists: (townships: number, total: number, basic: number, coop: number, reclaimed: number) =>
    `${n(townships)} 个乡镇共列出 ${n(total)} 项履职事项：基本 ${n(basic)} 项，配合 ${n(coop)} 项，上级收回 ${n(reclaimed)} 项`,
  listsEmpty: '所选范围内没有履职事项',
  reclaimed: (reclaimed: number, share: number, tops: readonly string[], topCount: number) =>
    `上级部门收回 ${n(reclaimed)} 项事项（占 ${formatShare(share)}），接收最多的是${joinNames(tops, 3)}（${each(tops)}${n(topCount)} 项）`,
  reclaimedNone: '所选乡镇没有被上级部门收回的事项',
  divergent: (duties: number) => `${n(duties)} 项事项处理不一：在部分乡镇已收回，在其他乡镇仍由乡镇承担`,
  divergentNone: '所选乡镇的收回事项处理一致：没有一项在部分乡镇收回、在其他乡镇仍由乡镇承担',
  reliance: (tops: readonly string[], duties: number, townships: number) =>
    `乡镇配合的事项最多由${joinNames(tops, 3)}牵头：${each(tops)}${n(duties)} 项，涉及 ${n(townships)} 个乡镇`,
  relianceNone: '所选乡镇没有配合上级部门的事项',
  township: (name: string, total: number, of: number, rank: number, median: string) =>
    `${name}列出 ${n(total)} 项事项，在 ${n(of)} 个乡镇中居第 ${n(rank)} 位（中位数 ${median} 项）`,
  townshipAlone: (name: string, total: number, basic: number, coop: number, reclaimed: number) =>
    `${name}列出 ${n(total)} 项事项：基本 ${n(basic)} 项，配合 ${n(coop)} 项，上级收回 ${n(reclaimed)} 项`,
};

export const NOTES = {
  listsTownships: '各乡镇的事项数，按清单分段',
  /** Past thirty townships the bars are counties or prefectures: an average keeps them comparable. */
  listsUnits: (unit: string) => `各${unit}平均每个乡镇的事项数，按清单分段`,
  /** Appended when more units exist than the slide shows. */
  more: (shown: number, of: number, unit: string) => `；显示事项最多的 ${n(shown)} 个，共 ${n(of)} 个${unit}`,
  reclaimed: (shown: number, of: number) =>
    `各部门类别接收的收回事项数（一项由两类部门接收时各计一次）${of > shown ? `；前 ${n(shown)} 类，共 ${n(of)} 类` : ''}`,
  divergent: (shown: number, of: number) =>
    `每项事项中已收回、仍为配合、仍为基本的乡镇数，分歧最大的在前${of > shown ? `；前 ${n(shown)} 项，共 ${n(of)} 项` : ''}`,
  reliance: (shown: number, of: number) => `各部门类别牵头的配合事项数${of > shown ? `；前 ${n(shown)} 类，共 ${n(of)} 类` : ''}`,
  township: (of: number) => `每个点是一个乡镇（共 ${n(of)} 个），横轴为事项数；竖线为中位数`,
  townshipAlone: '该乡镇各清单的事项数',
  empty: '没有可显示的数据',
};

export const CHART_LABELS = {
  items: '事项数',
  median: (value: string) => `中位数 ${value}`,
  statusReclaimed: '已收回',
  statusCoop: '仍为配合',
  statusBasic: '仍为基本',
  dutiesLed: '牵头的配合事项',
  received: '接收的收回事项',
};

/** A slide's chart read as a table, for its text description (slide-table.ts). */
export const PRESENT_TABLE_STRINGS = {
  township: '乡镇',
  /** Bars stand for townships, departments or duties by slide: the rows are left unnamed. */
  category: '',
  total: '合计',
};

export const PRESENT = {
  title: '演示模式',
  intro: '把当前范围的数据做成一组幻灯片，每页一个结论；数字和名称都来自数据，数据变了，幻灯片跟着变。',
  /** The scope line: where the deck's figures come from. */
  scope: (place: string, townships: number) => `范围：${place}，${n(townships)} 个乡镇（用上方的筛选栏选择地区或乡镇）`,
  /** The list and department-kind filters are not applied: the slides compare the lists and rank the kinds. */
  filtersIgnored: '清单和部门类型筛选不用于演示：幻灯片比较的正是三类清单和各部门类别',
  allPlaces: '全部地区',
  slidesLegend: '保留的幻灯片',
  keep: '保留这一页',
  townshipLabel: '用于比较的乡镇',
  start: '开始演示',
  exportPptx: '导出 PPT',
  printReport: '打印报告',
  printHint: '打印所选范围的报告：每页一项发现（A4 横向）',
  exporting: '正在生成 PPT…',
  exportFailed: (reason: string) => `PPT 生成失败：${reason}`,
  exported: (slides: number, size: string) => `已导出 ${n(slides)} 页（${size}）`,
  keys: '翻页：← → 、空格、PageUp / PageDown；Home / End 到首页或末页；F 全屏；Esc 退出',
  noSlides: '没有保留任何幻灯片：至少勾选一页',
  counter: (index: number, of: number) => `${index} / ${of}`,
  deckLabel: '演示幻灯片',
  exit: '退出演示',
  previous: '上一页',
  next: '下一页',
  fullscreen: '全屏',
  loading: '正在统计…',
  /** The deck's footer: where the figures come from. */
  source: (place: string, townships: number) => `来源：${place} ${n(townships)} 个乡镇的履职事项清单 · 履职事项清单看板`,
  fileName: (place: string) => `履职事项演示_${place}.pptx`,
};
