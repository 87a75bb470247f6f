import type { ListKind } from '../parse/types';

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

export const VIEW_LABELS = {
  overview: '总览',
  categories: '事项类别',
  network: '部门网络',
  heatmap: '收回事项热力图',
  explorer: '事项查询',
} as const;
export type ViewId = keyof typeof VIEW_LABELS;

const integer = new Intl.NumberFormat('zh-CN');
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });
export const formatCount = (n: number) => integer.format(n);
export const formatShare = (x: number) => percent.format(x);
