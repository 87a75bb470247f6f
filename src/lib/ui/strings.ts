import type { ListKind } from '../parse/types';
import type { StatedMismatch } from '../parse/refusal';
import type { Where } from '../parse/where';
import type { ListRefusal } from '../import/list-refusal';
import type { ImportFailure } from '../import/import-failure';
import { joinNames } from './leaders';

/**
 * Every Chinese UI string lives here so it can be read and corrected in one place.
 * Views may add keys; keep them grouped by view.
 */
export const LIST_LABELS: Record<ListKind, string> = {
  basic: '基本履职',
  coop: '配合履职',
  reclaimed: '上级收回',
};

export const LIST_SHORT: Record<ListKind, string> = { basic: '基本', coop: '配合', reclaimed: '收回' };

/** Heatmap statuses: how a township holds a duty that some township had reclaimed. */
export const STATUS_LABELS = {
  reclaimed: '已收回',
  coop: '仍为配合',
  basic: '仍为基本',
  absent: '未列入',
} as const;

export const APP_TITLE = '履职事项清单看板';

/** Shown for a county or prefecture that neither the document nor the place table tells (the build writes it into the database). */
export const UNKNOWN_PLACE = '未知地区';

export const VIEW_LABELS = {
  overview: '总览',
  categories: '事项类别',
  network: '部门网络',
  heatmap: '收回事项热力图',
  explorer: '事项查询',
  review: '匹配审核',
  variance: '口径差异',
  compare: '乡镇对比',
  audit: '数据核对',
  present: '演示模式',
} as const;
export type ViewId = keyof typeof VIEW_LABELS;

/**
 * A zh-CN number format made on first use: making the first one loads the locale's data (~8 ms of
 * the main thread), which the page's start — before the database worker is running — does not need.
 */
function numberFormat(options?: Intl.NumberFormatOptions): { format(n: number): string } {
  let made: Intl.NumberFormat | undefined;
  return { format: (n) => (made ??= new Intl.NumberFormat('zh-CN', options)).format(n) };
}

const integer = numberFormat();
const percent = numberFormat({ style: 'percent', maximumFractionDigits: 1 });
export const formatCount = (n: number) => integer.format(n);
export const formatShare = (x: number) => percent.format(x);

// ─── Analysis views: 事项类别, 部门网络, 收回事项热力图 (owned by the charts author) ───────────────

/**
 * Items per township, as the category heatmap writes them: one decimal in words and tooltips; in a cell
 * (`'cell'`), whole numbers from 10 up so three characters fit the narrowest column.
 */
const oneDecimal = numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const formatAverage = (x: number, where: 'text' | 'cell' = 'text') =>
  where === 'cell' && Math.round(x * 10) >= 100 ? integer.format(Math.round(x)) : oneDecimal.format(x);

export const CATEGORIES_STRINGS = {
  measureCount: '事项数',
  measureShare: '占比',
  measureLabel: '显示',
  /** `tops`: every category tied for the most items; `base`: what the share is of; `scope`: the place drilled into. */
  barsTitle: (tops: string[], count: number, share: string, base: 'all' | 'townships' | 'selection', scope?: string) =>
    `${joinNames(tops.map((t) => `“${t}”`))}是事项最多的类别：${tops.length > 1 ? '各' : '共'} ${formatCount(count)} 项，` +
    `${tops.length > 1 ? '各' : ''}占${{ all: `${scope ?? ''}全部`, townships: '所选乡镇', selection: '所选' }[base]}事项的 ${share}`,
  barsSubtitle: '按清单分面，类别按事项总数排序；点击条形按类别筛选',
  /** The last line of a bar's tooltip past ten units: the units it does not name. */
  barsTooltipOthers: (units: number, unit: string, count: number) => `其余 ${formatCount(units)} 个${unit}：${formatCount(count)} 项`,
  /** `tops`: every (township, category) cell tied for the most items. */
  heatmapTitle: (tops: { township: string; category: string }[], count: number) =>
    `各乡镇事项分布：最多的是${joinNames(
      tops.map((c) => `${c.township}的“${c.category}”`),
      3,
      '处',
    )}（${tops.length > 1 ? '各 ' : ''}${count} 项）`,
  /** Past townships: every (unit, category) cell tied for the most items per township. */
  heatmapTitleAverage: (tops: { unit: string; category: string }[], average: string) =>
    `平均每个乡镇事项最多：${joinNames(
      tops.map((c) => `${c.unit}的“${c.category}”`),
      3,
      '处',
    )}（${tops.length > 1 ? '各 ' : ''}${average} 项）`,
  heatmapSubtitle: '单元格为事项数（项），灰色为无此类事项；点击单元格按类别和乡镇筛选',
  /** Past townships: what a cell is (`unit` 县市区 or 地州市), and that a click opens the unit. */
  heatmapSubtitleAverage: (unit: string) => `单元格 = 平均每个乡镇的事项数（项，即事项数 ÷ 乡镇数）；点击单元格或${unit}名查看下一级`,
  heatmapLegendAverage: '项/乡镇',
  heatmapAriaAverage: '热力图：事项类别 × 县市区或地州市，平均每个乡镇的事项数',
  heatmapCellAverage: (unit: string, category: string, average: string, townships: number, count: string) =>
    `${unit}，${category}，平均每个乡镇 ${average} 项（${formatCount(townships)} 个乡镇共 ${count} 项）；按 Enter 查看下一级`,
  heatmapTipAverage: (average: string) => `平均每个乡镇 ${average} 项`,
  heatmapTipTotal: (count: string, townships: number) => `${formatCount(townships)} 个乡镇共 ${count} 项`,
  heatmapColumnTitle: (unit: string, townships: number) => `${unit}（${formatCount(townships)} 个乡镇）`,
  heatmapColumnAria: (unit: string, townships: number) => `${unit}（${formatCount(townships)} 个乡镇）：查看下一级`,
  barsAria: '条形图：各事项类别的事项数，按基本、配合、收回三张清单分面',
  heatmapAria: '热力图：事项类别 × 乡镇 的事项数',
  /** The cells' grid, as a screen reader names it on entering: its size, how to move in it, what Enter does. */
  heatmapGridLabel: (categories: number, columns: number, townships: boolean) =>
    `单元格：${categories} 个类别 × ${columns} 个${townships ? '乡镇' : '地区'}，方向键逐格移动，Enter ${townships ? '按类别和乡镇筛选' : '查看下一级'}`,
  loading: '正在统计事项类别…',
  empty: '当前筛选条件下没有事项。',
} as const;

const rate = numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** Duties per township: one decimal. */
const formatRate = (x: number) => rate.format(x);
const ratio = numberFormat({ maximumFractionDigits: 1 });
/** Township steps per department step: 2, 2.5 (一位小数, no trailing zero). */
export const formatRatio = (x: number) => ratio.format(x);

export const NETWORK_STRINGS = {
  /** `kinds`: every department kind tied first on townships reached and duties led. */
  title: (kinds: string[], townships: number, duties: number, amongChosen = false) =>
    `${amongChosen ? '所选部门中，' : ''}乡镇最依赖${joinNames(kinds)}：${kinds.length > 1 ? '各' : ''}覆盖 ${formatCount(townships)} 个乡镇，牵头 ${formatCount(duties)} 项配合事项`,
  /** The title when one department kind is chosen: its own figures and rank, not the overall leader's. */
  titleChosen: (kind: string, townships: number, duties: number, rank: number, of: number) =>
    `${kind}：覆盖 ${formatCount(townships)} 个乡镇，牵头 ${formatCount(duties)} 项配合事项（在 ${of} 个部门中排第 ${rank}）`,
  /** Appended past a county's townships, where a total alone says more about a unit's size than its reliance. */
  titlePerTownship: (perTownship: number) => `，每乡镇平均 ${formatRate(perTownship)} 项`,
  titleChosenNone: (kinds: string[], filtered: boolean) => `${joinNames(kinds)}${filtered ? '在所选事项中' : ''}没有牵头的配合事项`,
  subtitle: '连线粗细 = 部门在该乡镇牵头的配合事项数（项）；圆越大，乡镇越依赖该部门。拖动节点、滚轮缩放、悬停看相邻节点',
  groupByKind: '按部门类型合并',
  groupByName: '按原文部门名称',
  groupingLabel: '部门',
  withReceivers: '显示收回事项的承接部门',
  legendTownship: '乡镇',
  legendDepartment: '部门（大小 = 牵头配合事项数）',
  legendLead: '牵头配合事项',
  legendReceiver: '承接收回事项',
  /** The legend's row for units holding lists the reader added in the page (`unit`: 乡镇, 县市区, 地州市). */
  legendImported: (unit: string, aggregated: boolean) =>
    aggregated ? `${unit}（含导入）：含本页添加的清单` : `${unit}（导入）：本页添加的清单`,
  ariaLabel: '部门与乡镇关系网络图',
  describe: (label: string, townships: number, led: number, received: number) =>
    `${label}：${townships} 个乡镇，牵头配合事项 ${led} 项` + (received ? `，承接收回事项 ${received} 项` : ''),
  describeTownship: (label: string, duties: number) => `${label}：与部门相连的事项 ${duties} 项`,
  /**
   * Past FULL_NETWORK_UNITS units, only each unit's strongest links are drawn: the subtitle states the rule.
   * `unit` names the units (乡镇, 县市区, 地州市); `aggregated` when they are counties or prefectures.
   */
  subtitleStrongest: (unit: string, perUnit: number, shown: number, total: number, aggregated: boolean, withReceivers: boolean) =>
    (aggregated ? `连线粗细 = 该${unit}每个乡镇平均由该部门牵头的事项数（项）` : '连线粗细 = 部门在该乡镇牵头的配合事项数（项）') +
    `；每个${unit}只连出${withReceivers ? '牵头、承接' : '牵头'}事项最多的 ${perUnit} 个部门（显示 ${formatCount(shown)} / ${formatCount(total)} 个部门）。` +
    (aggregated ? `点击${unit}进入下一级，悬停看数字` : '悬停看相邻节点'),
  perUnitLabel: (unit: string) => `每个${unit}连出`,
  perUnitOption: (n: number) => `${n} 个部门`,
  legendLeadRate: '每乡镇平均牵头配合事项',
  legendReceiverRate: '每乡镇平均承接收回事项',
  /** Every edge drawn, past a county: the same as `subtitle`, per township of the unit, and a click drills. */
  subtitleUnits: (unit: string) =>
    `连线粗细 = 该${unit}每个乡镇平均由该部门牵头的配合事项数（项）；圆越大，乡镇越依赖该部门。点击${unit}进入下一级，悬停看数字`,
  /** Tooltip lines of a county or prefecture; short, as a tooltip line does not wrap. */
  unitLines: (
    name: string,
    townships: number,
    led: number,
    perTownship: number,
    strongest: { department: string; perTownship: number }[],
  ) => [
    `${name}（${formatCount(townships)} 个乡镇）`,
    // A duty led by two departments counts for both: 项次, not 项.
    `各部门合计牵头 ${formatCount(led)} 项次`,
    `每乡镇平均 ${formatRate(perTownship)} 项次`,
    ...(strongest.length ? ['依赖最多（每乡镇平均）：', ...strongest.map((s) => `· ${s.department} ${formatRate(s.perTownship)} 项`)] : []),
    '点击进入下一级',
  ],
  /** Tooltip lines of a department past a county's townships. */
  departmentLines: (
    name: string,
    units: number,
    unit: string,
    led: number,
    perTownship: number,
    received: number,
    highest: { unit: string; perTownship: number } | null,
    lowest: { unit: string; perTownship: number } | null,
  ) => [
    name,
    `牵头配合事项 ${formatCount(led)} 项（${formatCount(units)} 个${unit}）`,
    `每乡镇平均 ${formatRate(perTownship)} 项`,
    ...(highest && lowest && units > 1
      ? [`最多：${highest.unit} ${formatRate(highest.perTownship)} 项`, `最少：${lowest.unit} ${formatRate(lowest.perTownship)} 项`]
      : []),
    ...(received ? [`承接收回事项 ${formatCount(received)} 项`] : []),
  ],
  layoutError: '网络图布局失败',
  tableTitle: '最依赖的部门',
  tableCaption: '按部门类型：覆盖的乡镇、牵头的配合事项、这些事项要求乡镇完成的步骤',
  colKind: '部门',
  colTownships: '乡镇数（个）',
  colDuties: '牵头事项（项）',
  colSteps: '乡镇步骤（步）',
  panelTitle: (label: string) => `${label} 的事项`,
  panelLead: '牵头的配合事项',
  panelReceiver: '承接的收回事项',
  panelClose: '关闭',
  panelSteps: (n: number) => `乡镇 ${n} 步`,
  /** The panel past a county's townships: the department's duties merged across townships (duty groups). */
  panelGroups: (role: 'lead' | 'receiver', groups: number) =>
    `${role === 'lead' ? '牵头的配合事项' : '承接的收回事项'}（${formatCount(groups)} 项）`,
  panelGroupsNote: '同一事项在各乡镇合并为一行：乡镇数、乡镇步骤合计；点击查看其中一个乡镇的原文',
  panelGroupTownships: (townships: number, steps: number | null) =>
    `${formatCount(townships)} 个乡镇` + (steps === null ? '' : ` · 乡镇 ${formatCount(steps)} 步`),
  panelEmpty: (label: string, filtered: boolean) =>
    `${filtered ? '在当前筛选条件下，' : ''}${label} 没有牵头的配合事项，也没有承接的收回事项。` +
    (filtered ? '可清除事项类别或乡镇筛选后再看。' : ''),
  loading: '正在计算部门网络…',
  empty: '当前筛选条件下没有部门牵头的配合事项。',

  // A link: its accessible name and tooltip, and its detail panel (net.edge).
  roleLead: '牵头配合',
  roleReceiver: '承接收回',
  /** `unit` the unit's name; the steps are the edge's sums. */
  describeLink: (
    department: string,
    unit: string,
    role: 'lead' | 'receiver',
    duties: number,
    departmentSteps: number,
    townshipSteps: number,
  ) =>
    `${department} — ${unit}：${role === 'lead' ? '牵头配合事项' : '承接收回事项'} ${formatCount(duties)} 项，部门 ${formatCount(departmentSteps)} 步，乡镇 ${formatCount(townshipSteps)} 步`,
  linkHint: '点击连线查看每项事项双方的步骤',
  edgeTitle: (department: string, unit: string) => `${department} — ${unit}`,
  edgeRole: (role: 'lead' | 'receiver') => (role === 'lead' ? '部门牵头、乡镇配合' : '乡镇清单收回、部门承接'),
  edgeClose: '关闭',
  edgeLoading: '正在读取这条连线的事项…',
  edgeMissing: '当前筛选条件下图中没有这条连线（可能已换了层级或筛选）。',
  /** The edge exists but is not among each unit's strongest links the graph draws. */
  edgeNotDrawn: '图中只画出每个单位最强的几条连线，这条不在其中；下面仍列出它的全部事项。',
  /** The edge's figures in one line; `townships` past a county: how many townships they are summed over. */
  edgeFigures: (duties: number, departmentSteps: number, townshipSteps: number, townships: number | null) =>
    `${townships === null ? '' : `${formatCount(townships)} 个乡镇合计：`}${formatCount(duties)} 项事项，部门 ${formatCount(departmentSteps)} 步，乡镇 ${formatCount(townshipSteps)} 步`,
  /** Which side carries more, in one sentence. */
  edgeVerdict: (role: 'lead' | 'receiver', departmentSteps: number, townshipSteps: number) => {
    if (role === 'receiver')
      return townshipSteps > 0
        ? `事项已收回，但清单仍写有乡镇 ${formatCount(townshipSteps)} 步。`
        : '事项已收回：步骤全部由承接部门完成，乡镇不再承担。';
    if (townshipSteps > departmentSteps)
      return departmentSteps === 0
        ? `名为乡镇“配合”，清单只写了乡镇的 ${formatCount(townshipSteps)} 步，未写部门自己的步骤：工作主要在乡镇。`
        : `名为乡镇“配合”，乡镇承担的步骤多于牵头部门：乡镇 ${formatCount(townshipSteps)} 步，是部门 ${formatCount(departmentSteps)} 步的 ${formatRatio(townshipSteps / departmentSteps)} 倍。`;
    if (townshipSteps < departmentSteps)
      return `牵头部门承担的步骤多于乡镇：部门 ${formatCount(departmentSteps)} 步，乡镇 ${formatCount(townshipSteps)} 步。`;
    return `部门与乡镇承担的步骤一样多：各 ${formatCount(townshipSteps)} 步。`;
  },
  edgeDepartmentSide: (role: 'lead' | 'receiver') => (role === 'lead' ? '部门职责' : '承接部门及工作方式'),
  edgeTownshipSide: '乡镇配合职责',
  edgeDutySteps: (departmentSteps: number, townshipSteps: number) => `部门 ${departmentSteps} 步 · 乡镇 ${townshipSteps} 步`,
  edgeNoSteps: '（未写明）',
  edgeOpenItem: '在事项查询中打开',
  edgeTownshipsNote: '各乡镇的事项：点击乡镇展开，查看每项事项双方的步骤',
  edgeTownshipsPage: (from: number, to: number, of: number) => `第 ${from}–${to} 个乡镇，共 ${of} 个`,
  edgePrevious: '上一页',
  edgeNext: '下一页',
  colTownship: '乡镇',
  colEdgeDuties: '事项（项）',
  colDepartmentSteps: '部门步骤（步）',
  colTownshipSteps: '乡镇步骤（步）',

  // 乡镇支持重于部门牵头: the edges ranked (net.side=balance shows it beside the graph).
  sideReliance: '最依赖的部门',
  sideBalance: '支持重于牵头',
  sideLabel: '右侧表格',
  balanceTitle: '乡镇支持重于部门牵头',
  balanceCaption: (unit: string, shown: number, of: number) =>
    `牵头配合的连线中，乡镇步骤多于部门步骤的 ${formatCount(shown)} 条（共 ${formatCount(of)} 条），按每乡镇多出的步骤排序；点击一行查看这条连线`,
  colEdge: '部门 — 单位',
  colUnit: '单位',
  colRatio: '乡镇÷部门（倍）',
  colDifference: '乡镇多出（步）',
  colSurplusPerTownship: '每乡镇多出（步）',
  balanceNoDepartmentSteps: '部门未写明自己的步骤',
  shortDepartmentSteps: '部门步骤',
  shortTownshipSteps: '乡镇步骤',
  shortRatio: '倍数',
  shortSurplus: '每乡镇多出',
  balanceDuties: (duties: number) => `${formatCount(duties)} 项`,
  balanceMore: (left: number) => `显示更多（还有 ${formatCount(left)} 条）`,
  balanceEmpty: '当前筛选条件下，没有乡镇步骤多于部门步骤的牵头连线。',
} as const;

/** formatCount for the thousand cells of a heatmap's labels: small whole numbers need no Intl call. */
const cellCount = (n: number) => (Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : formatCount(n));

export const HEATMAP_STRINGS = {
  title: (mixed: number, total: number) => `${mixed} 项事项在部分乡镇已收回、在其他乡镇仍由乡镇承担（共 ${total} 项被至少一个乡镇收回）`,
  /** With a township filter: what the chosen townships still carry that others reclaimed, and what they reclaimed. */
  titleChosen: (townships: string[], stillCarried: number, reclaimedHere: number) =>
    `${joinNames(townships)}仍承担 ${stillCarried} 项其他乡镇已收回的事项（基本或配合）；` +
    `${townships.length > 1 ? '这些乡镇' : '本乡镇'}已收回 ${reclaimedHere} 项`,
  subtitle: '行 = 至少在一个乡镇被上级部门收回的事项，按收回的乡镇数排序；加粗 = 仍有乡镇作为基本或配合事项承担；点击单元格查看该事项',
  groupByCategory: '按事项类别分组',
  groupByReceiver: '按承接部门分组',
  groupingLabel: '分组',
  unnamedReceiver: '未注明承接部门',
  countLabel: '收回数',
  /** The cells' grid, as a screen reader names it on entering: what it holds and how to move in it. */
  gridLabel: (rows: number, columns: number, unit: string) => `单元格：${rows} 项事项 × ${columns} 个${unit}，方向键逐格移动，Enter 查看`,
  legendLabel: '图例',
  ariaLabel: '收回事项热力图：事项 × 乡镇',
  statusShort: { reclaimed: '收回', coop: '配合', basic: '基本', absent: '—' },
  statusInitial: { reclaimed: '收', coop: '配', basic: '基', absent: '—' },
  receivers: '承接部门：',
  tooltipAbsentHint: '本乡镇清单未列入此事项；点击查看其他乡镇的该事项',
  tooltipOpenHint: '点击查看事项详情',
  /** Past townships (`unit` 县市区 or 地州市): how many duties are split, and in how many units the townships themselves disagree. */
  titleUnits: (mixed: number, total: number, unit: string, split: number, units: number, tops: string[], most: number) =>
    `${formatCount(mixed)} 项事项在部分乡镇已收回、在其他乡镇仍由乡镇承担（共 ${formatCount(total)} 项）；` +
    (split
      ? `${split === units ? `全部 ${units}` : `${split}/${units}`} 个${unit}内的乡镇之间也不一致，最多的是${joinNames(tops, 3)}（${tops.length > 1 ? '各 ' : ''}${formatCount(most)} 项）`
      : `各${unit}内的乡镇做法一致`),
  subtitleUnits: (unit: string) =>
    `行 = 至少一个乡镇收回的事项，按所示乡镇中收回的乡镇数排序；加粗 = 仍有乡镇作为基本或配合承担；单元格 = 该${unit}已收回的乡镇占比；点击单元格或${unit}名查看其乡镇`,
  /** The share colour steps (SHARE_STEPS in charts/reclaimed-heatmap.ts), by id. */
  shareLabels: { none: '0%', few: '1–24%', some: '25–49%', half: '50–74%', most: '75–99%', all: '100%' } as Record<string, string>,
  shareLegendLabel: '已收回的乡镇占比',
  stripLegend: '格底细条：仍为配合、仍为基本的乡镇占比',
  unitsHeading: (unit: string, townships: number) => `${unit}（共 ${formatCount(townships)} 个乡镇）`,
  unitCount: (status: 'reclaimed' | 'coop' | 'basic' | 'absent', n: number, share?: string) =>
    `${STATUS_LABELS[status]} ${formatCount(n)} 个${share ? `（${share}）` : ''}`,
  shownTotal: (townships: number, reclaimed: number, coop: number, basic: number) =>
    `所示 ${formatCount(townships)} 个乡镇中：已收回 ${formatCount(reclaimed)}，仍为配合 ${formatCount(coop)}，仍为基本 ${formatCount(basic)}`,
  describeShare: (
    duty: string,
    unit: string,
    townships: number,
    reclaimed: number,
    share: string,
    coop: number,
    basic: number,
    absent: number,
  ) =>
    `${duty}，${unit}（${cellCount(townships)} 个乡镇）：已收回 ${cellCount(reclaimed)} 个（${share}），` +
    `仍为配合 ${cellCount(coop)} 个，仍为基本 ${cellCount(basic)} 个，未列入 ${cellCount(absent)} 个；按 Enter 查看其乡镇`,
  describeHeader: (unit: string, townships: number) => `${unit}（${formatCount(townships)} 个乡镇）：查看其乡镇`,
  tooltipUnitHint: '点击查看其中各乡镇',
  /** A township line in a tooltip listing many townships by how they hold the duty. */
  statusGroup: (status: string, n: number) => `${status}（${formatCount(n)}）：`,
  loading: '正在比较各乡镇的收回事项…',
  empty: '当前筛选条件下没有被收回的事项。',
} as const;

// — App shell, loading, filters —
/** The header's theme switch (src/lib/theme/ThemeSwitch.svelte). */
export const THEME_STRINGS = {
  label: '配色主题',
  current: (choice: 'light' | 'dark' | 'system') => `配色主题：${THEME_STRINGS.choices[choice]}`,
  hint: '配色主题：跟随系统设置，或固定为浅色、深色',
  note: '导出图片、演示与打印始终为浅色',
  choices: { system: '跟随系统', light: '浅色', dark: '深色' },
} as const;

export const SHELL = {
  loadingDb: '正在加载数据库…',
  loadingWasm: '正在启动查询引擎…',
  errorTitle: '数据加载失败',
  errorDb: '无法加载数据文件（data/atlas/）。请确认网站文件完整，或稍后重试。',
  errorWasm:
    '无法启动浏览器内的查询引擎（sql-wasm.wasm）：文件缺失或不完整，或浏览器过旧。请确认网站文件完整、使用较新的浏览器，或稍后重试。',
  retry: '重试',
  /** A view's query failed: most often a data part missing or damaged on the server. */
  queryFailed: '无法读取这个视图所需的数据：网站上的数据文件可能缺失或不完整。请确认网站文件完整，或稍后重试。',
  queryError: '查询出错',
  tabsLabel: '视图',
  filtersLabel: '筛选',
  townships: '乡镇',
  lists: '清单',
  categories: '事项类别',
  departmentKinds: '部门类型',
  activeFilters: '当前筛选：',
  /** `scope`: the place drilled into (its name), null for everything loaded. */
  noFilters: (townships: number, scope: string | null = null) =>
    `未筛选（显示${scope ?? ''}全部 ${formatCount(townships)} 个乡镇的全部事项）`,
  loadingView: '正在加载视图…',
  viewLoadFailed: '视图加载失败，请刷新页面重试。',
  placesLabel: '范围',
  allPlaces: '全部地区',
  /** The breadcrumbs' chooser of the places one level down. */
  nextPlace: '进入下一级',
  nextPlaceOption: (name: string, townships: number) => `${name}（${formatCount(townships)} 个乡镇）`,
  /** How the views show the selection: township by township, or summed per county or prefecture. */
  levelNote: (townships: number, units: number, unit: string) =>
    unit === '乡镇'
      ? `共 ${formatCount(townships)} 个乡镇，逐个显示`
      : `共 ${formatCount(townships)} 个乡镇，按 ${formatCount(units)} 个${unit}汇总；点击${unit}查看下一级`,
  clearAll: '清除全部筛选',
  /** After a township's name where its list was added in the page. */
  importedMark: '（导入）',
  /** After a county's or prefecture's name where it holds a township whose list was added in the page. */
  containsImportedMark: '（含导入）',
  clearOne: (label: string) => `移除筛选 ${label}`,
  searchOptions: '查找…',
  /** The township picker: a township outside the place drilled into (picking it widens the scope). */
  outsideScope: '范围外',
  /** Past the picker's limit, how many more options a search would find. */
  moreOptions: (n: number) => `另有 ${formatCount(n)} 项，请输入名称、县市区或地州市查找`,
  selectedCount: (n: number) => (n ? `已选 ${n} 项` : '全部'),
  viewMissing: '该视图正在建设中。',
} as const;

/** Exports: every chart as SVG and PNG, every table as CSV and XLSX (src/lib/export). */
export const EXPORT_STRINGS = {
  menu: '导出',
  menuLabel: (what: string) => `导出：${what}`,
  svg: '导出 SVG（矢量）',
  png: (scale: number) => (scale >= 4 ? `导出 PNG（${scale}×，打印）` : `导出 PNG（${scale}×）`),
  csv: '导出 CSV（Excel/WPS 可直接打开）',
  xlsx: '导出 XLSX（Excel 表格）',
  busy: '正在导出…',
  failed: (reason: string) => `导出失败：${reason}`,
  /** A PNG too large for the browser's canvas at the scale asked for: drawn at a smaller one. */
  scaledDown: (asked: number, done: number) => `图像过大，已按 ${done}× 导出（而非 ${asked}×）`,
  filtersLabel: '筛选：',
  /** The place drilled into, outermost first. */
  scope: (path: string[]) => `范围：${path.join(' › ')}`,
  separator: '；',
  source: '来源：',
  /** Few townships: each with its county and publication date. */
  sourceTownship: (name: string, county: string, published: string) => `${name}（${county}，${published}）`,
  sourceLists: (townships: string) => `乡镇履职事项清单 — ${townships}`,
  /** Many townships: how many, and their publication dates summed. */
  sourceMany: (townships: number, dates: string) => `${formatCount(townships)} 个乡镇的履职事项清单（${dates}）`,
  dateCount: (date: string, townships: number) => `${date}发布 ${formatCount(townships)} 个`,
  dateRange: (first: string, last: string) => `发布于 ${first} 至 ${last}`,
  undated: '未注明发布时间',
  undatedCount: (townships: number) => `${formatCount(townships)} 个未注明发布时间`,
  published: (year: string, month: string) => `${year}年${Number(month)}月发布`,
  publishedRaw: (text: string) => `${text}发布`,
  /** A township whose list the reader added in the page: not published data. */
  importedSource: '读者导入',
  importedCount: (townships: number) => `其中 ${formatCount(townships)} 个为读者导入`,
  footer: (date: string) => `${APP_TITLE} 导出 · ${date}`,
  /** The explorer's results as a table: what was searched for, and how many. */
  explorerTitle: (query: string, n: number) =>
    query ? `事项查询：“${query}”（共 ${formatCount(n)} 项）` : `事项查询：全部事项（共 ${formatCount(n)} 项）`,
  rankingTitle: '乡镇排名',
  /** Column headers of exported tables that the screen shows another way. */
  columns: {
    rank: '名次',
    township: '乡镇',
    county: '县市区',
    prefecture: '地州市',
    list: '清单',
    seq: '序号',
    category: '事项类别',
    name: '事项名称',
    departments: '部门',
    matchedStep: '匹配的步骤',
    receivers: '承接部门',
    reclaimedShareIn: (unit: string) => `${unit}收回占比`,
    reclaimedIn: '收回的乡镇数',
    total: '合计',
    coopItems: '配合事项（项）',
    townshipSteps: '乡镇步骤（步）',
    departmentSteps: '部门步骤（步）',
    perTownship: (unit: string) => `${unit}（每乡镇平均）`,
    status: '情况',
    townshipsShown: '乡镇数',
    min: '最小',
    q1: '下四分位',
    median: '中位数',
    q3: '上四分位',
    max: '最大',
  },
  /** The item detail's 同一事项在各乡镇 as a table: which duty. */
  sameDutyTitle: (name: string) => `同一事项在各乡镇：${name}`,
} as const;

/** What a unit of each level is called in the UI. */
export const LEVEL_UNITS = { prefecture: '地州市', county: '县市区', township: '乡镇' } as const;

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;

const shareFixed = numberFormat({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

// — 总览 (overview) —
export const OVERVIEW = {
  figureTotal: '事项总数',
  figureTotalNote: (townships: number) => `${formatCount(townships)} 个乡镇的清单`,
  figureReclaimed: '上级收回占比',
  figureReclaimedNote: (n: number) => `共 ${formatCount(n)} 项收回`,
  /** With a list filter the share within the filtered items is trivial (0% or 100%): say what it is of instead. */
  figureReclaimedNoteAllLists: (n: number, total: number) =>
    `三张清单共 ${formatCount(total)} 项中收回 ${formatCount(n)} 项（不按清单筛选）`,
  figureDepartments: '涉及部门',
  figureDepartmentsNote: (asWritten: number) => `按类型合并；清单中写作 ${formatCount(asWritten)} 个部门`,
  figureSteps: '配合事项中的乡镇步骤',
  figureStepsNote: (items: number) => `分布在 ${formatCount(items)} 项配合事项中`,
  unitItems: '项',
  unitKinds: '类',
  unitSteps: '步',
  /** `tops` / `reclaimedTops`: every township tied for the most items / the most reclaimed items. */
  barsTitle: (tops: string[], n: number, reclaimedTops: string[], m: number) =>
    `${joinNames(tops)}事项最多（${tops.length > 1 ? '各' : ''}${formatCount(n)}项）` +
    (m > 0 ? `，${joinNames(reclaimedTops)}收回最多（${reclaimedTops.length > 1 ? '各' : ''}${formatCount(m)}项）` : ''),
  barsTitleEmpty: '没有符合筛选条件的事项',
  barsSubtitle: '各乡镇基本、配合、收回事项数（项）；点击色块按乡镇和清单筛选，再次点击取消',
  barsAxis: '事项数（项）',
  barsAria: '各乡镇三类清单事项数的堆叠条形图',
  segmentLabel: (township: string, list: string, n: number) => `${township}${list}事项 ${formatCount(n)} 项，点击筛选`,
  segmentShare: (share: string) => `占该乡镇 ${share}`,
  clickToFilter: '点击按此乡镇和清单筛选',
  stepsTitle: (tops: string[], n: number) =>
    `${joinNames(tops)}在配合事项中要做的步骤最多（${tops.length > 1 ? '各' : ''}${formatCount(n)}步）`,
  stepsTitleOne: (township: string, n: number) => `${township}在配合事项中要做 ${formatCount(n)} 步`,
  stepsTitleEmpty: '没有符合筛选条件的配合事项',
  stepsSubtitle: '配合事项中写明由乡镇承担的工作步骤数（步）；只计配合清单，不受清单筛选影响',
  stepsAxis: '乡镇步骤数（步）',
  stepsAria: '各乡镇在配合事项中承担的步骤数条形图',
  stepsLabel: (township: string, steps: number, items: number) =>
    `${township}：配合事项 ${formatCount(items)} 项，乡镇步骤 ${formatCount(steps)} 步`,
  stepsPerItem: (x: string) => `平均每项 ${x} 步`,
  stepsDepartment: (n: number) => `上级部门步骤 ${formatCount(n)} 步`,

  // Past thirty townships: the distribution per county or prefecture, and the township ranking.
  measures: { items: '事项数', share: '上级收回占比', steps: '配合事项中的乡镇步骤' },
  measureLabel: '比较指标',
  measureAxis: { items: '事项数（项）', share: '上级收回占比（收回事项占三张清单的比例）', steps: '配合事项中的乡镇步骤数（步）' },
  /** A township's or a median's value of a measure, with its unit. */
  measureValue: (measure: 'items' | 'share' | 'steps', v: number) =>
    measure === 'share' ? shareFixed.format(v) : `${formatCount(Math.round(v * 10) / 10)} ${measure === 'steps' ? '步' : '项'}`,
  /** A share with one decimal always, so a column of them aligns (13.0%, not 13%). */
  shareFixed: (v: number) => shareFixed.format(v),
  /** What "the most" means per measure, and what standing out above or below means. */
  measureMost: { items: '事项最多', share: '收回占比最高', steps: '在配合事项中要做的步骤最多' },
  measureHigh: { items: '明显偏多', share: '明显偏高', steps: '明显偏多' },
  measureLow: { items: '明显偏少', share: '明显偏低', steps: '明显偏少' },
  /**
   * `tops`: every unit tied for the highest median. `high` / `low`: the townships standing out above
   * or below the others of their unit (most extreme first), with what that means for the measure.
   */
  distributionTitle: (
    tops: string[],
    most: string,
    median: string,
    high: { names: string[]; word: string },
    low: { names: string[]; word: string },
    unit: string,
  ) => {
    const standouts = [high, low].filter((s) => s.names.length).map((s) => `${joinNames(s.names, 2)}${s.word}`);
    return (
      `${joinNames(tops)}的乡镇${most}（中位数${tops.length > 1 ? '均为' : ''} ${median}）；` +
      (standouts.length ? standouts.join('，') : `各${unit}内没有明显偏离的乡镇`)
    );
  },
  distributionTitleEmpty: '没有可比较的乡镇',
  distributionSubtitle: (unit: string, measure: string) =>
    `每行一个${unit}，每个点是一个乡镇的${measure}；点击${unit}名称查看下一级，点击乡镇查看其排名`,
  distributionAria: (unit: string) => `各${unit}乡镇的分布图`,
  legendBox: '中间一半乡镇',
  legendMedian: '中位数',
  legendDot: '乡镇',
  legendOutlier: '明显偏离（离箱体超过 1.5 倍箱宽）',
  /** The distribution's dot of a township whose list the reader added in the page. */
  legendImported: '本页导入的乡镇',
  unitTownships: (n: number) => `${formatCount(n)} 个乡镇`,
  unitLabel: (name: string, n: number, median: string, next: string) =>
    `${name}：${formatCount(n)} 个乡镇，中位数 ${median}；点击查看其${next}`,
  dotLabel: (name: string, county: string, value: string) => `${name}（${county}）：${value}，点击查看排名`,
  dotTip: (county: string, prefecture: string) => `${county} · ${prefecture}`,
  dotTipMedian: (unit: string, median: string) => `${unit}中位数 ${median}`,
  dotTipOutlier: { high: '明显高于所在地区其他乡镇', low: '明显低于所在地区其他乡镇' },
  clickForRanking: '点击查看其在排名中的位置',
  tabDistribution: (unit: string) => `按${unit}分布`,
  tabPicked: (n: number) => `已选 ${formatCount(n)} 个乡镇`,
  tabRanking: (n: number) => `乡镇排名（${formatCount(n)}）`,
  tabsLabel: '总览的显示方式',
  // The ranking table.
  /** What the ranking is by, as its title says it. */
  rankedBy: { basic: '基本事项数', coop: '配合事项数', reclaimed: '收回事项数', total: '事项总数', share: '收回占比', steps: '乡镇步骤数' },
  rankingTitle: (n: number, column: string, tops: string[], value: string) =>
    `${formatCount(n)} 个乡镇按${column}排名，${joinNames(tops)}${tops.length > 1 ? '并列' : ''}第一（${value}）`,
  rankingTitleEmpty: '没有可排名的乡镇',
  rankingSubtitle: '点击列名排序，再次点击反向；点击一行按该乡镇筛选（可多选比较，再次点击取消）',
  rankingAria: '乡镇排名表',
  columns: {
    rank: '名次',
    name: '乡镇',
    county: '县市区',
    basic: '基本',
    coop: '配合',
    reclaimed: '收回',
    total: '总数',
    share: '收回占比',
    steps: '乡镇步骤',
  },
  rankBy: (column: string) => `名次按${column}从大到小`,
  rowLabel: (name: string, county: string, rank: string, picked: boolean) =>
    `${name}（${county}），第 ${rank} 名；${picked ? '已选，点击取消' : '点击按此乡镇筛选'}`,
} as const;

// — 事项查询 (explorer) —
export const EXPLORER = {
  searchLabel: '搜索事项',
  searchPlaceholder: '搜索事项名称或工作步骤，如：屠宰检疫、网格（空格分隔多个词）',
  resultCount: (n: number) => `共 ${formatCount(n)} 项`,
  noResults: '没有找到符合条件的事项。可减少搜索词或清除筛选。',
  tableLabel: '事项列表',
  colTownship: '乡镇',
  colList: '清单',
  colCategory: '类别',
  colName: '事项名称',
  colDepartments: '部门',
  matchedStep: '步骤中：',
  detailEmpty: '点击左侧任一事项，查看上级部门与乡镇各自的工作步骤，以及同一事项在其他乡镇的情况。',
  close: '关闭详情',
  seq: (n: number) => `第 ${n} 项`,
  source: (file: string, line: number) => `来源：${file} 第 ${line} 行`,
  leadDepartments: '对应上级部门',
  receiverDepartments: '承接部门',
  departmentSteps: '上级部门职责',
  receiverSteps: '承接部门及工作方式',
  townshipSteps: '乡镇配合职责',
  basicNote: '基本履职事项由本乡镇负全责，清单未分列步骤。',
  noSteps: '清单未写明。',
  sameDutyTitle: '同一事项在各乡镇',
  sameDutyNote: '按事项归并（措辞可能略有不同）',
  sameDutyCurrent: '当前',
  statusAbsent: '未列入',
  openItem: (township: string, name: string) => `打开${township}的事项：${name}`,
} as const;

/** The data panel: which database is shown, opening a reader's own, exporting it, going back. */
export const DATA_STRINGS = {
  button: '数据',
  panelLabel: '数据来源',
  builtIn: (townships: number) => `当前数据：内置数据（${formatCount(townships)} 个乡镇）`,
  /** `openedAt`: when the reader opened it, as a date. */
  fromFile: (name: string, townships: number, openedAt: string) =>
    `当前数据：打开的数据库「${name}」（${formatCount(townships)} 个乡镇，${openedAt} 打开）`,
  banner: (name: string, townships: number) => `正在查看打开的数据库「${name}」，共 ${formatCount(townships)} 个乡镇`,
  open: '打开数据库文件…',
  openHint: '选择或拖入本看板“导出数据库”或 npm run build:db 生成的 .sqlite 文件；打开后保存在本浏览器中，刷新后仍在，直到恢复内置数据。',
  export: '导出数据库',
  exportHint: '下载当前显示的完整数据库（.sqlite），可用本看板或 sqlite3 打开。',
  restore: '恢复内置数据',
  opening: (name: string) => `正在打开「${name}」…`,
  exporting: '正在准备下载…',
  /** A review decision is shown; the database with it is being saved in the browser. */
  keeping: '审核结果已显示，正在保存到本浏览器…',
  dropHint: '松开以添加乡镇清单（.docx / .txt）或打开数据库文件（.sqlite）',
  refused: (name: string) => `无法打开「${name}」，当前数据未改变：`,
  exportFailed: '导出失败：',
  /** The served complete database (导出数据库, and what an import starts from) could not be fetched. */
  servedMissing: (detail: string) => `无法从网站下载完整数据库（data/duties.sqlite，${detail}）。请确认网站文件完整，或稍后重试。`,
  servedNotDatabase: '网站返回的 data/duties.sqlite 不是数据库文件（可能是服务器的错误页或登录页）。请确认网站文件完整，或稍后重试。',
  servedTruncated: (expected: number, received: number) =>
    `从网站下载的完整数据库（data/duties.sqlite）不完整：应有 ${formatBytes(expected)}，只收到 ${formatBytes(received)}。请稍后重试。`,
  notKept: (name: string, earlier: boolean) =>
    `已打开「${name}」，但未能保存在本浏览器中：刷新页面后将显示${earlier ? '之前保存的数据' : '内置数据'}。`,
  storeConflict:
    '另一个标签页在此期间保存了其他数据（添加的清单或审核决定）。为免覆盖，此次更改没有应用，也没有保存。请刷新本页，看到最新数据后再操作。',
  storageFailed: (bytes: number, detail: string) =>
    `浏览器拒绝保存这个 ${(bytes / 1e6).toFixed(1)} MB 的文件（存储空间不足，或处于无痕模式）。${detail}`,
  storedFailed: (name: string) => `无法打开上次保存在本浏览器中的数据库「${name}」。`,
  /** The name a download of the built-in data gets. */
  builtInFileName: '履职事项清单数据库.sqlite',
  problems: {
    'not-sqlite': () => '不是 SQLite 数据库文件',
    corrupt: (detail: string) => `文件已损坏（${detail}）`,
    'missing-table': (table: string) => `缺少数据表 ${table}：不是本看板的数据库`,
    'missing-column': (table: string, column: string) => `数据表 ${table} 缺少字段 ${column}`,
    'newer-schema': (version: string) => `数据库格式版本 ${version} 比本看板新，请用新版看板打开`,
    'no-townships': () => '数据库中没有任何乡镇',
    'broken-reference': (table: string, row: number, parent: string) =>
      `数据表 ${table} 第 ${formatCount(row)} 行引用的 ${parent} 记录不存在`,
    'role-mismatch': (row: number, role: 'lead' | 'receiver', list: string) =>
      `数据表 item_departments 第 ${formatCount(row)} 行把${role === 'lead' ? '牵头部门' : '承接部门'}记在了${
        (LIST_LABELS as Record<string, string>)[list] ?? list
      }事项上：牵头部门只属于配合履职事项，承接部门只属于上级部门收回事项`,
  },
} as const;

/** A list's name in a sentence: 基本履职事项清单, 配合履职事项清单, 上级部门收回事项清单. */
const LIST_TITLES: Record<ListKind, string> = { basic: '基本履职事项清单', coop: '配合履职事项清单', reclaimed: '上级部门收回事项清单' };
const SAVE_AS_UTF8 = '请用记事本打开，“另存为”时编码选“UTF-8”，再添加。';
const GET_AGAIN = '文件可能没有完整复制或下载，请重新获取原文件。';
const ROW = (seq: number | string) => `序号为 ${seq} 的一行`;

/** One figure a 说明 states that the rows do not bear out. */
const MISMATCHES: { [K in StatedMismatch['kind']]: (m: Extract<StatedMismatch, { kind: K }>) => string } = {
  total: (m) => `说明写共有 ${m.stated} 项，三张清单实有 ${m.parsed} 项`,
  'list-total': (m) => `说明写${LIST_TITLES[m.list]} ${m.stated} 项，实有 ${m.parsed} 项`,
  category: (m) => `说明写${LIST_TITLES[m.list]}中“${m.category}” ${m.stated} 项，实有 ${m.parsed} 项`,
  'unstated-category': (m) => `${LIST_TITLES[m.list]}有“${m.category}”类 ${m.parsed} 项，说明中没有提到这一类`,
};
const mismatch = (m: StatedMismatch) => (MISMATCHES[m.kind] as (m: StatedMismatch) => string)(m);

/**
 * Why a list file is refused, in a reader's words: one sentence per kind (src/lib/import/list-refusal.ts),
 * saying what is wrong and, where it helps, what to do. `at` names another place in the file the
 * sentence refers to. The place of the problem itself is put before the sentence by the describer.
 */
const REFUSALS: { [K in ListRefusal['kind']]: (refusal: Extract<ListRefusal, { kind: K }>, at: (where: Where) => string) => string } = {
  // The file as a whole.
  'not-a-list-format': (r) =>
    r.extension === '.doc'
      ? '这是旧版 Word 文档（.doc）：请在 Word 中打开，“另存为”Word 文档（.docx）后再添加。'
      : `不支持这种文件（${r.extension ? `扩展名为 ${r.extension}` : '没有扩展名'}）：请添加清单的 Word 文档（.docx）或文本文件（.txt）。`,
  'too-large': (r) =>
    `文件有 ${formatBytes(r.bytes)}，超过清单文本文件的上限 ${formatBytes(r.limit)}：一个乡镇的清单通常只有一两百 KB，这不像是一份履职事项清单。请确认选择的文件。`,
  // Reading text.
  empty: () => '文件是空的，没有任何文字：请确认选择的文件。',
  'utf16-odd-length': () => `文件是 UTF-16 编码的文本，但最后缺了半个字：${GET_AGAIN}`,
  'utf16-invalid': () => `文件开头标明是 UTF-16 编码的文本，内容却不是：文件可能已损坏。${SAVE_AS_UTF8}`,
  'utf16-without-bom': () => `文件是不带编码标记的 UTF-16 文本，无法可靠读取。${SAVE_AS_UTF8}`,
  'binary-nul': () => '这里是二进制数据而不是文字，这不是文本文件：请添加清单的 Word 文档（.docx）或文本文件（.txt）。',
  'binary-control': (r) =>
    `这里有控制字符（U+${r.codePoint.toString(16).toUpperCase().padStart(4, '0')}）而不是文字，这不是纯文本文件：请添加清单的 Word 文档（.docx）或文本文件（.txt）。`,
  'utf8-cut-short': () => `文件在一个字的中间结束，看起来不完整：${GET_AGAIN}`,
  'unknown-encoding': () => `无法识别文件的文字编码（不是 UTF-8、GB18030，也不是带编码标记的 UTF-16）。${SAVE_AS_UTF8}`,
  // Reading a Word document.
  'old-doc-or-protected': () =>
    '这是旧版 Word 文档（.doc），或设置了密码的 .docx：请在 Word 中取消密码，“另存为”Word 文档（.docx）后再添加。',
  'not-zip': () => '文件扩展名是 .docx，内容却不是 Word 文档（可能是改了扩展名的其他文件）：请在 Word 中打开清单，另存为 .docx 后再添加。',
  'zip-damaged': () => `Word 文档已损坏或不完整，无法打开：${GET_AGAIN}`,
  'part-too-large': (r) =>
    `Word 文档的内容（${r.part}）展开后有 ${formatBytes(r.bytes)}，超过上限 ${formatBytes(r.limit)}：一个乡镇的清单远小于此，这不像是一份履职事项清单。`,
  'no-document-part': () =>
    '这是一个压缩文件，但不是 Word 文档（没有正文）：可能是 Excel、PowerPoint 文件或改了扩展名的压缩包。请添加清单的 Word 文档（.docx）。',
  'malformed-xml': (r) => `Word 文档的内容已损坏（${r.part} 格式错误）：请在 Word 中打开并重新保存，或重新获取原文件。`,
  'no-body': () => 'Word 文档没有正文：请确认选择的文件。',
  // Reading the list.
  'unrecognised-header': (r) =>
    `无法识别的表头（${r.columns.length} 列：${r.columns.join('｜')}）：基本履职事项清单的表头应为“序号、事项类别、事项名称”3 列，配合履职事项清单 6 列，上级部门收回事项清单 4 列。`,
  'header-of-other-list': (r) =>
    `${LIST_TITLES[r.inside]}中出现了${LIST_TITLES[r.found]}的表头：请在这张表之前加上它的标题“${LIST_TITLES[r.found]}”。`,
  'row-before-header': () =>
    '在清单标题和表头之前出现了带序号的行：请在表格前加上清单标题（如“基本履职事项清单”）和表头（序号、事项类别……）。',
  'seq-out-of-order': (r, at) =>
    `${LIST_TITLES[r.list]}中序号 ${r.seq} 重复或顺序颠倒（上一行是${at(r.previousAt)}的序号 ${r.previousSeq}）：可能有一行录入了两次。`,
  'seq-skipped': (r) =>
    r.from === 0
      ? `${LIST_TITLES[r.list]}的序号应从 1 开始，这里是 ${r.to}：可能缺了前面的行。`
      : `${LIST_TITLES[r.list]}的序号从 ${r.from} 跳到了 ${r.to}：缺少序号 ${r.to - r.from > 2 ? `${r.from + 1}–${r.to - 1}` : r.from + 1} 的事项，请补上或重新编号。`,
  'wrong-cell-count': (r) =>
    `${ROW(r.seq)}有 ${r.cells} 个单元格，${LIST_TITLES[r.list]}每行应有 ${r.expected} 个：可能有单元格被合并、拆分或漏填${r.cells < r.expected ? '，或文件在这一行中断' : ''}。`,
  'empty-category': (r) => `${ROW(r.seq)}没有填写“事项类别”。`,
  'empty-name': (r) => `${ROW(r.seq)}没有填写“事项名称”。`,
  'unclosed-paragraph': (r) => `${ROW(r.seq)}在一个未结束的段落标记（<p>）中结束，看起来不完整：${GET_AGAIN}`,
  'no-lead-department': (r) => `${ROW(r.seq)}没有填写“对应上级部门”。`,
  'empty-receiver-steps': (r) => `${ROW(r.seq)}没有填写“承接部门及工作方式”。`,
  'truncated-last-row': (r) => `最后一行（序号 ${r.seq}）在句子中间结束（“…${r.ending}”），文件看起来不完整：${GET_AGAIN}`,
  'second-list': (r, at) =>
    `出现了第二个${LIST_TITLES[r.list]}（第一个从${at(r.firstAt)}开始）：一个文件只能是一个乡镇的清单，请把各乡镇的清单分别保存为单独的文件。`,
  'unexpected-text': (r) => `${LIST_TITLES[r.list]}中有无法识别的文字“${r.text}”：表格中每一行应以序号开头。`,
  'no-list': () => '文件中没有找到履职事项清单（带“序号”表头的表格）：请确认这是乡镇履职事项清单。',
  'contents-list-missing': (r, at) => `目录（${at(r.contentsAt)}）列有${LIST_TITLES[r.list]}，文件中却没有这部分：文件可能不完整。`,
  'list-missing': (r) =>
    `文件中没有${LIST_TITLES[r.list]}：每份清单都有基本履职事项、配合履职事项、上级部门收回事项三部分，文件可能不完整。`,
  'list-empty': (r) => `${LIST_TITLES[r.list]}只有标题，没有事项：文件可能不完整。`,
  'no-place': () => '无法确定是哪个乡镇：标题页和清单标题都没有写明镇、乡或街道的名称（如“奇台县吉布库镇履职事项清单”）。',
  // A whole 说明 written for another list may differ everywhere: the first few say what to look at.
  'stated-counts': (r, at) =>
    `说明中的事项数与清单不符：${r.mismatches
      .slice(0, 5)
      .map((m) => `${mismatch(m)}（${at(m.at)}）`)
      .join('；')}${r.mismatches.length > 5 ? `；另有 ${r.mismatches.length - 5} 处不符` : ''}。请核对说明或清单。`,
  // The import.
  'same-township': (r) => `与「${r.first}」是同一个乡镇（${r.township}），只读取前者。`,
  unexpected: (r) => `读取时出现意外错误，请把这个文件发给维护人员（${r.detail}）。`,
};

/**
 * Why the import worker could not do what was asked (src/lib/import/import-failure.ts): its own
 * failures, not a list file's. Shown after 添加清单失败： or 审核结果未能应用：.
 */
const FAILURES: { [K in ImportFailure['kind']]: (failure: Extract<ImportFailure, { kind: K }>) => string } = {
  'place-table-missing': (f) =>
    `无法取得地名表（atlas/places.json.gz${f.status === null ? '，服务器没有响应' : `，服务器返回 HTTP ${f.status}`}）：识别清单所属的乡镇和县市需要它。请确认网站文件完整（由 npm run build 生成）后刷新页面重试。`,
  'place-table-unreadable': () => '地名表（atlas/places.json.gz）无法读取，可能不完整或被其他文件替换：请重新部署网站文件后刷新页面重试。',
  'nothing-to-apply': () => '读取的清单已不在内存中（处理程序已重新启动）：请重新添加清单文件。',
  'nothing-to-write': () => '审核结果尚未归并（处理程序已重新启动）：请重新作出这一审核决定。',
  'database-refused': () => '当前显示的数据库无法读取：',
  'worker-stopped': (f) => `后台处理程序意外停止（${f.detail}），可能是内存不足：请关闭其他标签页后重试。`,
  unexpected: (f) => `处理时出现意外错误，请把这段说明发给维护人员（${f.detail}）。`,
};

/** Adding township lists in the browser: the report before applying, and the lists added. */
export const IMPORT_STRINGS = {
  heading: '添加乡镇清单',
  pick: '选择清单文件（.docx / .txt）…',
  hint: '可一次选择或拖入多个文件，文件名不限：乡镇、县市和地州市从文件内容识别。先读取并给出报告，确认后才应用。',
  reading: (done: number, total: number, name: string) => (name ? `正在读取 ${done + 1}/${total}：${name}` : '正在合并…'),
  applying: '正在应用…',
  reportLabel: '读取报告',
  columns: { file: '文件', township: '乡镇（县市）', lists: '基本 / 配合 / 收回', departments: '部门', duties: '事项关联' },
  counts: (parsed: number, stated: number | null) =>
    stated === null || stated === parsed ? String(parsed) : `${parsed}（文件注明 ${stated}）`,
  departments: (known: number, fresh: number, newKinds: number) =>
    `${known} 个已有，${fresh} 个新增` + (newKinds ? `（${newKinds} 个的部门类别未收录，见“匹配审核”导出）` : ''),
  /** Each duty counted once: linked to a duty shown, in the review queue (uncertain), or new. */
  duties: (linked: number, uncertain: number, fresh: number) =>
    `${linked} 项关联到已有事项，${uncertain} 项待审核（与已有事项相近，未自动关联，见“匹配审核”），${fresh} 项为新事项`,
  replaces: '已有该乡镇：替换其现有清单',
  kept: '保留现有清单，此文件不应用',
  refused: '无法读取，不会应用：',
  /** Where in a file: a line of a text file, or what a Word user can find (tables and paragraphs counted from the top). */
  at: (where: Where) =>
    'line' in where
      ? `第 ${formatCount(where.line)} 行`
      : 'row' in where
        ? `第 ${where.table} 个表格第 ${where.row} 行`
        : 'paragraph' in where
          ? `正文第 ${where.paragraph} 段`
          : `第 ${where.afterTable} 个表格之后`,
  /** A refusal placed in the file: "第 12 行：…". */
  placed: (at: string, sentence: string) => `${at}：${sentence}`,
  refusals: REFUSALS,
  apply: (n: number) => `应用 ${n} 个清单`,
  cancel: '取消',
  nothingToApply: '没有可应用的清单。',
  /** The name the database with added lists is kept and exported under. */
  mergedName: (base: string, added: number) => `${base.replace(/\.sqlite$/, '')}＋${added}个清单.sqlite`,
  builtInBase: '内置数据',
  added: (n: number) => `已添加的清单（${n}）`,
  remove: '移除',
  failed: '添加清单失败：',
  failures: FAILURES,
} as const;

/** 匹配审核: the review queue of duty grouping, the decisions taken and their export. */
export const REVIEW_STRINGS = {
  intro:
    '以下事项目前只有一个乡镇列出，但与其他乡镇的某项事项相近，系统无法确定是否为同一事项。请逐项判断：选“是同一事项”即归入该事项，选“不是”则不再提示。决定立即生效，并随当前数据保存。',
  count: (shown: number, total: number) =>
    shown < total ? `待审核 ${formatCount(total)} 项，显示前 ${formatCount(shown)} 项` : `待审核 ${formatCount(total)} 项`,
  empty: '当前筛选范围内没有待审核的事项。',
  more: (n: number) => `再显示 ${formatCount(n)} 项`,
  candidates: '可能对应的已有事项',
  listedBy: (townships: number, items: number) =>
    items > townships ? `${formatCount(townships)} 个乡镇列出（${formatCount(items)} 项）` : `${formatCount(townships)} 个乡镇列出`,
  wording: (share: string) => `文字相似 ${share}`,
  score: (score: number) => `综合得分 ${score.toFixed(2)}`,
  evidence: {
    category: (same: boolean) => (same ? '事项类别相同' : '事项类别不同'),
    list: (same: boolean) => (same ? '所在清单相同' : '所在清单不同'),
    departments: { agree: '对应部门类别一致', disagree: '对应部门类别不同', unknown: '' } as Record<string, string>,
    neighbours: (n: number) => (n > 0 ? `前后相邻事项有 ${formatCount(n)} 项相同` : ''),
    penalties: (both: boolean) => (both ? '均为处罚事项' : ''),
  },
  same: '是同一事项',
  different: '不是',
  applying: '正在按审核结果重新归并事项…',
  keeping: '已按审核结果归并，正在保存到本浏览器…',
  failed: '审核结果未能应用：',
  decided: (n: number) => `已审核 ${formatCount(n)} 项`,
  decision: (same: boolean) => (same ? '是同一事项' : '不是同一事项'),
  undo: '撤销',
  decisionsNote: '审核结果保存在当前数据中，随“导出数据库”一起导出；恢复内置数据会清除它们。',
  exportDecisions: '导出审核结果',
  exportDecisionsHint: '按 data/duty-group-overrides.json 的格式导出，可并入内置数据',
  decisionsFile: 'duty-group-overrides.审核结果.json',
  exportKinds: (n: number) => `导出未收录的部门类别和县市（${formatCount(n)}）`,
  exportKindsHint: '数据中有、data/department-aliases.json 尚未收录的部门类别和县市，按该文件格式导出',
  kindsFile: 'department-aliases.新增.json',
  /** The name the built-in data, reviewed, is kept and exported under. */
  reviewedName: (base: string) => `${base}（已审核）.sqlite`,
} as const;

/** 口径差异: duty groups the selected townships handle differently (src/lib/variance/). */
export const VARIANCE_STRINGS = {
  intro:
    '同一项职责在不同乡镇的处理方式不一致之处：有的已收回、有的仍自行承担；列在不同的事项类别下；多数乡镇列出而个别未列；牵头或承接的部门类型不同。按处理方式不同的乡镇数排序。',
  count: (shown: number, total: number, townships: number) =>
    shown < total
      ? `所选 ${formatCount(townships)} 个乡镇中，${formatCount(total)} 项职责口径不一；显示前 ${formatCount(shown)} 项`
      : `所选 ${formatCount(townships)} 个乡镇中，${formatCount(total)} 项职责口径不一`,
  empty: '所选乡镇对各项职责的处理方式一致，没有发现口径差异。',
  loading: '正在比较各乡镇的处理方式…',
  kindLabel: '差异类型',
  all: '全部',
  kinds: { list: '收回与否不一', category: '类别不一', missing: '个别乡镇未列', kinds: '部门类型不一' } as Record<string, string>,
  more: (n: number) => `再显示 ${formatCount(n)} 项`,
  listedBy: (townships: number, selected: number) => `${formatCount(townships)} / ${formatCount(selected)} 个乡镇列出`,
  differ: (n: number) => `${formatCount(n)} 个乡镇不同`,
  list: (reclaimed: number, kept: number, keptIn: string) =>
    `${formatCount(reclaimed)} 个乡镇已由上级收回，${formatCount(kept)} 个乡镇仍列为${keptIn}事项`,
  category: (categories: string) => `列在不同事项类别下：${categories}`,
  missing: (listing: number, selected: number) =>
    `所选 ${formatCount(selected)} 个乡镇中 ${formatCount(listing)} 个列出，${formatCount(selected - listing)} 个未列`,
  kindsFlag: (role: 'lead' | 'receiver', kinds: string) => `${role === 'lead' ? '牵头' : '承接'}部门类型不一：${kinds}`,
  /** A name with its townships: 农业农村局（3） */
  counted: (name: string, townships: number) => `${name}（${formatCount(townships)}）`,
  andMore: (n: number) => `等 ${formatCount(n)} 个`,
  showTownships: '查看各乡镇的写法',
  hideTownships: '收起',
  inHeatmap: '在热力图中查看',
  open: '打开',
  columns: { township: '乡镇', county: '县市', list: '清单', category: '事项类别', name: '事项名称（原文）', kinds: '部门类型' },
  notListedBy: (names: string) => `未列出的乡镇：${names}`,
  noWording: '所选范围涉及的县市较多，未载入各乡镇的原文写法；进入某个地州或县市后可查看。',
  rowsCut: (shown: number, total: number) => `显示 ${formatCount(shown)} / ${formatCount(total)} 个乡镇的写法`,
  unitColumns: { townships: '乡镇数', reclaimed: '已收回', coop: '仍为配合', basic: '仍为基本', absent: '未列入' },
  unitsNote: (unit: string) => `点击${unit}查看下一级；进入县市后可查看各乡镇的原文写法。`,
  exportLabel: '口径差异清单',
  tableTitle: (kind: string | null) => (kind ? `口径差异（${kind}）` : '口径差异'),
  table: {
    rank: '序号',
    duty: '事项',
    category: '事项类别',
    listing: '列出的乡镇数',
    selected: '所选乡镇数',
    differ: '处理方式不同的乡镇数',
    kinds: '差异类型',
    reasons: '说明',
  },
} as const;

/** 乡镇对比: 2–4 townships' duties side by side (src/lib/compare/). */
export const COMPARE_STRINGS = {
  pick: (min: number, max: number) => `在上方“乡镇”中选择 ${min} 至 ${max} 个乡镇进行对比，或点选下面的乡镇：`,
  tooMany: (max: number, picked: number) => `最多对比 ${max} 个乡镇，现已选 ${picked} 个：请在上方减少选择。`,
  add: (name: string) => `加入对比：${name}`,
  loading: '正在比较所选乡镇的事项…',
  setsTitle: (names: string) => `${names}：哪些事项共同列出，哪些各自独有`,
  setsSubtitle: '每列是恰好由下方标出的乡镇列出的事项数（同一事项以归并后的事项组计）；点击一列查看这些事项',
  columnLabel: (names: string, count: number) => `${names}：${formatCount(count)} 项`,
  only: (name: string) => `仅${name}`,
  allOf: '全部列出',
  someOf: '部分列出',
  categoriesTitle: '各事项类别中的异同',
  categoriesNote: '点击数字查看这些事项',
  category: '事项类别',
  dutiesTitle: (what: string, n: number) => `${what}：${formatCount(n)} 项`,
  dutiesCut: (shown: number) => `显示前 ${formatCount(shown)} 项`,
  duty: '事项',
  notListed: '—',
  profileTitle: '各乡镇的类别构成与中位数',
  profileNote: (share: string, min: number) => `与所选乡镇中位数相差 ${share} 以上（且至少 ${min} 项）的标为突出`,
  median: '中位数',
  outlier: (township: string, category: string, count: number, median: number) =>
    `${township}在「${category}」列 ${formatCount(count)} 项，所选乡镇中位数为 ${formatCount(median)} 项`,
  noOutliers: '各乡镇各类别的事项数都接近中位数。',
  setName: (names: string[]) => names.join(' + '),
  setsColumn: '列出事项的组合',
  setsCount: '事项数',
  filtersNote: '对比所选乡镇的全部事项；清单与事项类别筛选同样适用。',
} as const;

/**
 * 对比 by county (src/lib/compare/county-sets.ts): the same panels, worded for counties, whose duties
 * are those at least half of their townships list and whose profile is a township's median.
 */
export const COMPARE_COUNTY_STRINGS = {
  ...COMPARE_STRINGS,
  by: '对比对象',
  byTownship: '乡镇',
  byCounty: '县市',
  pick: (min: number, max: number) => `选择 ${min} 至 ${max} 个县市进行对比（县市列出的事项，指其半数及以上乡镇列出的事项）：`,
  tooMany: (max: number, picked: number) => `最多对比 ${max} 个县市，现已选 ${picked} 个：请移出一些。`,
  search: '按名称查找县市',
  noMatch: (text: string) => `没有名称含“${text}”的县市`,
  remove: (name: string) => `移出对比：${name}`,
  loading: '正在比较所选县市各乡镇的事项…',
  setsSubtitle: '每列是恰好由下方标出的县市列出的事项数：县市列出，指其半数及以上乡镇列出；点击一列查看这些事项',
  share: (listed: number, of: number) => `${formatCount(listed)}/${formatCount(of)} 个乡镇`,
  profileTitle: '各县市乡镇的类别构成（每乡镇事项数的中位数）',
  profileNote: (share: string, min: number) => `与所选县市中位数相差 ${share} 以上（且至少 ${min} 项）的标为突出`,
  outlier: (county: string, category: string, count: number, median: number) =>
    `${county}的乡镇在「${category}」一般列 ${formatCount(count)} 项，所选县市中位数为 ${formatCount(median)} 项`,
  noOutliers: '各县市各类别的每乡镇事项数都接近中位数。',
  filtersNote: '对比所选县市全部乡镇的事项；清单与事项类别筛选同样适用。',
} as const;

/** The wording 乡镇对比's panels take: by township or by county. */
export interface CompareWords {
  setsSubtitle: string;
  profileTitle: string;
  profileNote: (share: string, min: number) => string;
  outlier: (unit: string, category: string, count: number, median: number) => string;
  noOutliers: string;
  loading: string;
}

/** 数据核对: stated against parsed counts, and what a person checks against the documents (src/lib/audit/). */
export const AUDIT_STRINGS = {
  intro:
    '逐个乡镇把清单说明中写明的事项数与解析出的事项数对照，并列出需要对照原文核实之处：序号缺号或重复、配合事项未写牵头部门、收回事项未写承接部门、部门类型为推断（不在已审核的部门别名表中）、事项归并依据较弱。每条都注明文件和行号，可打开该事项。只按地区与乡镇筛选。',
  countsTitle: '说明所写数量与解析结果',
  countsSummary: (townships: number, stating: number, differing: number) =>
    stating === 0
      ? `所选 ${formatCount(townships)} 个乡镇的说明都未写明事项数`
      : `所选 ${formatCount(townships)} 个乡镇中 ${formatCount(stating)} 个的说明写明了事项数，` +
        (differing ? `其中 ${formatCount(differing)} 个与解析结果不符` : '均与解析结果相符'),
  countsColumns: {
    township: '乡镇',
    county: '县市',
    file: '文件',
    list: (list: string) => `${list}（解析 / 说明）`,
    check: '核对',
  },
  /** A list's cell: parsed, and what the 说明 states where it does. */
  countCell: (parsed: number, stated: number | null) =>
    stated === null ? `${formatCount(parsed)} / —` : `${formatCount(parsed)} / ${formatCount(stated)}`,
  checkOk: '✓ 相符',
  checkOff: (categories: number) => (categories ? `✗ 不符（${formatCount(categories)} 个类别）` : '✗ 不符'),
  checkNone: '— 未写明',
  checkOkTitle: (categories: number) => `总数${categories ? `及 ${formatCount(categories)} 个类别的数量` : ''}与说明一致`,
  moreTownships: (n: number) => `再显示 ${formatCount(n)} 个乡镇`,
  countsExport: '数量核对表',
  countsTableTitle: '说明所写数量与解析结果',
  findingsTitle: '需核实之处',
  kindLabel: '核实类型',
  all: '全部',
  kinds: {
    'seq-gap': '序号缺号',
    'seq-duplicate': '序号重复',
    'coop-no-lead': '配合无牵头部门',
    'reclaimed-no-receiver': '收回无承接部门',
    'kind-guessed': '部门类型为推断',
    'weak-match': '归并依据较弱',
  } as Record<string, string>,
  kindNotes: {
    'seq-gap': '序号未按 1、2、3……连续：缺少的序号可能是漏掉的一行。',
    'seq-duplicate': '同一清单中两行序号相同：可能是重复的一行。',
    'coop-no-lead': '配合履职事项应写明牵头的上级部门。',
    'reclaimed-no-receiver': '收回事项应写明由哪个部门承接；未能从原文中识别出承接部门。',
    'kind-guessed': '部门名称去掉地名后的类型不在已审核的部门别名表（data/department-aliases.json）中，是程序推断的，请确认。',
    'weak-match': '这些事项被归为同一项职责，但其中最弱的一处归并得分较低，请对照两处原文确认是否为同一职责。',
  } as Record<string, string>,
  count: (findings: number, townships: number) => `所选 ${formatCount(townships)} 个乡镇中共 ${formatCount(findings)} 处需核实`,
  none: '所选乡镇没有需要核实之处。',
  noneOfKind: '所选乡镇没有此类需核实之处。',
  loading: '正在读取核对结果…',
  showAll: (n: number, kind: string) => `查看全部 ${formatCount(n)} 处${kind}`,
  more: (n: number) => `再显示 ${formatCount(n)} 处`,
  shownOf: (shown: number, total: number) => `显示 ${formatCount(shown)} / ${formatCount(total)} 处`,
  columns: { where: '文件:行', township: '乡镇', seq: '清单·序号', name: '事项', detail: '说明', open: '' },
  at: (file: string, line: number) => `${file}:${line}`,
  seq: (list: string, seq: number) => `${list} ${seq}`,
  gap: (previous: number, seq: number) =>
    previous === 0
      ? `清单从序号 ${formatCount(seq)} 开始`
      : `序号 ${formatCount(previous)} 之后是 ${formatCount(seq)}，缺 ${previous + 1 === seq - 1 ? previous + 1 : `${previous + 1}–${seq - 1}`}`,
  duplicate: (line: number) => `与第 ${formatCount(line)} 行序号相同`,
  guessed: (department: string, kind: string, items: number) => `${department} → 推断类型“${kind}”（本乡镇 ${formatCount(items)} 项）`,
  passes: {
    fuzzy: '措辞相近',
    context: '措辞与上下文',
    settle: '措辞相近（多义措辞归位）',
    merge: '人工归并',
    exact: '措辞相同',
  } as Record<string, string>,
  // Three decimals, as stored: 0.799 must not read as the threshold 0.80.
  weak: (score: number | null, pass: string, townships: number) =>
    `得分 ${score === null ? '—' : score.toFixed(3)}（${pass}），与下面的写法归为同一职责（共 ${formatCount(townships)} 个乡镇）：`,
  open: '打开事项',
  openPartner: '打开',
  /** The buttons' names for a screen reader, which hears many of them: which item each opens. */
  openLabel: (township: string, name: string) => `打开事项：${township}「${name}」`,
  openPartnerLabel: (township: string, name: string) => `打开归并的事项：${township}「${name}」`,
  exportLabel: '需核实之处',
  tableTitle: (kind: string | null) => (kind ? `需核实之处（${kind}）` : '需核实之处'),
  table: {
    kind: '类型',
    township: '乡镇',
    county: '县市',
    file: '文件',
    line: '行号',
    list: '清单',
    seq: '序号',
    name: '事项名称',
    detail: '说明',
    score: '得分',
    partnerTownship: '归并自乡镇',
    partnerFile: '归并自文件',
    partnerLine: '归并自行号',
    partnerName: '归并自事项',
  },
} as const;

// ─── Chart descriptions for screen readers (src/lib/describe) ───────────────────────────────────

export const DESCRIBE_STRINGS = {
  /** Column headers said before the others: a row's sum, a distribution's middle. */
  priorityHeaders: ['合计', '总数', '中位数'] as readonly string[],
  empty: '图中没有数据。',
  rows: (count: string, labelHeader: string | null) => (labelHeader ? `图中共 ${count} 行（按${labelHeader}）。` : `图中共 ${count} 行。`),
  rowNumber: (n: number) => `第 ${n} 行`,
  allEqual: (header: string, value: string, count: number) => `${header}：${count > 1 ? '均为' : '为'} ${value}。`,
  measure: (header: string, highest: string, max: string, lowest: string, min: string, median: string | null) =>
    `${header}：最高为${highest}（${max}），最低为${lowest}（${min}）${median === null ? '' : `，中位数 ${median}`}。`,
  statusCount: (status: string, count: string) => `${status} ${count} 格`,
  statuses: (columns: string, parts: string[]) => `${columns} 列中：${parts.join('，')}。`,
  more: (count: string) => `另有 ${count} 列数字，可用「导出」下载完整表格。`,
  /** The id-less part of the figure's description: the headline, then the figures. */
  description: (headline: string, figures: string) => `${headline.replace(/[。.．]+$/, '')}。${figures}`,
};
