/**
 * The findings of a deck, from query results to slides: pure functions, so a headline's wording,
 * its ties and its empty cases are unit-tested without a browser. Every figure comes from the query
 * layer (src/lib/queries/); this module only picks, sorts and sums what the slide shows.
 */
import type { TownshipTotalsRow } from '../queries/overview';
import { quantileSorted } from '../queries/overview-stats';
import type { ReceivingKindRow } from '../queries/receivers';
import type { RelianceRow } from '../queries/network';
import type { HeatmapRow } from '../queries/heatmap';
import type { PlaceLevel } from '../queries/places';
import { leaders } from '../ui/leaders';
import { LEVEL_UNITS, LIST_LABELS, formatAverage, formatCount } from '../ui/strings';
import { LIST_COLOURS } from '../ui/theme';
import { CHART_LABELS, HEADLINES, NOTES } from './strings';
import { FINDING_IDS, type FindingId, type Slide } from './types';

/** What the findings are computed from: one answer per question, for the townships shown. */
export interface DeckData {
  /** The level the selection aggregates at: past thirty townships, counties or prefectures. */
  level: PlaceLevel;
  /** One row per township shown, zeros included. */
  totals: TownshipTotalsRow[];
  receivers: ReceivingKindRow[];
  /** The heatmap's rows at `level` (every duty reclaimed somewhere, with how the units shown hold it). */
  heatmap: HeatmapRow[];
  reliance: RelianceRow[];
}

export interface FindingOptions {
  /** The township the last slide compares (a township key); by default the one with the most items. */
  focus?: string | null;
  /** A place's name as the slides write it (the views add （导入） to the reader's own). */
  label?: (placeId: number, name: string) => string;
}

/** Most bars a slide shows: read from the back of a room, ten is already many. */
export const MAX_BARS = 10;
/** Bars with long duty names: two lines each. */
export const MAX_DUTY_BARS = 6;

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
/** Ties between kinds in code-point order: what SQL's ORDER BY gives, so the query's order and the slide's agree. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sum = (rows: readonly TownshipTotalsRow[], pick: (r: TownshipTotalsRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** 乡镇列出多少事项: the three lists in all, and per township (or per county or prefecture, on average). */
export function listsSlide(data: DeckData, label: Required<FindingOptions>['label']): Slide {
  const rows = data.totals;
  const figures = {
    townships: rows.length,
    total: sum(rows, (r) => r.all_lists_total),
    basic: sum(rows, (r) => r.basic),
    coop: sum(rows, (r) => r.coop),
    reclaimed: sum(rows, (r) => r.reclaimed),
  };
  if (figures.total === 0) return { id: 'lists', headline: HEADLINES.listsEmpty, note: NOTES.empty, chart: null, figures };
  const units = new Map<number, { name: string; townships: number; basic: number; coop: number; reclaimed: number }>();
  for (const r of rows) {
    const [id, name] =
      data.level === 'township'
        ? [r.place, r.name]
        : data.level === 'county'
          ? [r.county, r.county_name]
          : [r.prefecture, r.prefecture_name];
    const u = units.get(id) ?? { name: label(id, name), townships: 0, basic: 0, coop: 0, reclaimed: 0 };
    u.townships++;
    u.basic += r.basic;
    u.coop += r.coop;
    u.reclaimed += r.reclaimed;
    units.set(id, u);
  }
  const average = data.level !== 'township';
  const per = (u: { townships: number }, v: number) => (average ? round1(v / u.townships) : v);
  const shown = [...units.values()]
    .map((u) => ({ ...u, basic: per(u, u.basic), coop: per(u, u.coop), reclaimed: per(u, u.reclaimed) }))
    .sort((a, b) => b.basic + b.coop + b.reclaimed - (a.basic + a.coop + a.reclaimed) || byName(a.name, b.name))
    .slice(0, MAX_BARS);
  const unit = LEVEL_UNITS[data.level];
  const note =
    (average ? NOTES.listsUnits(unit) : NOTES.listsTownships) +
    (units.size > shown.length ? NOTES.more(shown.length, units.size, unit) : '');
  return {
    id: 'lists',
    headline: HEADLINES.lists(figures.townships, figures.total, figures.basic, figures.coop, figures.reclaimed),
    note,
    chart: {
      type: 'bar',
      categories: shown.map((u) => u.name),
      series: (['basic', 'coop', 'reclaimed'] as const).map((list) => ({
        name: LIST_LABELS[list],
        colour: LIST_COLOURS[list],
        values: shown.map((u) => u[list]),
      })),
      decimals: average ? 1 : 0,
    },
    figures,
  };
}

/** 上级部门收回了哪些: reclaimed items, their share, and the department kinds receiving the most. */
export function reclaimedSlide(data: DeckData): Slide {
  const reclaimed = sum(data.totals, (r) => r.all_lists_reclaimed);
  const total = sum(data.totals, (r) => r.all_lists_total);
  const receivers = data.receivers.filter((r) => r.duties > 0);
  if (reclaimed === 0 || receivers.length === 0)
    return { id: 'reclaimed', headline: HEADLINES.reclaimedNone, note: NOTES.empty, chart: null, figures: { reclaimed } };
  const tops = leaders(receivers, (r) => r.duties);
  const shown = receivers.slice(0, MAX_BARS);
  return {
    id: 'reclaimed',
    headline: HEADLINES.reclaimed(
      reclaimed,
      reclaimed / total,
      tops.map((t) => t.kind),
      tops[0].duties,
    ),
    note: NOTES.reclaimed(shown.length, receivers.length),
    chart: {
      type: 'bar',
      categories: shown.map((r) => r.kind),
      series: [{ name: CHART_LABELS.received, colour: LIST_COLOURS.reclaimed, values: shown.map((r) => r.duties) }],
      decimals: 0,
    },
    figures: { reclaimed, total, top: tops.map((t) => t.kind).join('、'), topDuties: tops[0].duties, kinds: receivers.length },
  };
}

/** Townships shown that still carry a duty (基本 or 配合) somewhere else reclaimed. */
const carried = (r: HeatmapRow) => r.shown.coop + r.shown.basic;

/**
 * 哪些事项处理不一: duties reclaimed in some townships shown and still carried by others shown — what
 * the heatmap marks. The most divided first: the most townships on the smaller side.
 */
export function divergentSlide(data: DeckData): Slide {
  const divergent = data.heatmap
    .filter((r) => r.shown.reclaimed > 0 && carried(r) > 0)
    .sort(
      (a, b) =>
        Math.min(b.shown.reclaimed, carried(b)) - Math.min(a.shown.reclaimed, carried(a)) ||
        b.shown.reclaimed + carried(b) - (a.shown.reclaimed + carried(a)) ||
        a.dutyGroup - b.dutyGroup,
    );
  if (divergent.length === 0)
    return { id: 'divergent', headline: HEADLINES.divergentNone, note: NOTES.empty, chart: null, figures: { duties: 0 } };
  const shown = divergent.slice(0, MAX_DUTY_BARS);
  return {
    id: 'divergent',
    headline: HEADLINES.divergent(divergent.length),
    note: NOTES.divergent(shown.length, divergent.length),
    chart: {
      type: 'bar',
      categories: shown.map((r) => r.name),
      series: [
        { name: CHART_LABELS.statusReclaimed, colour: LIST_COLOURS.reclaimed, values: shown.map((r) => r.shown.reclaimed) },
        { name: CHART_LABELS.statusCoop, colour: LIST_COLOURS.coop, values: shown.map((r) => r.shown.coop) },
        { name: CHART_LABELS.statusBasic, colour: LIST_COLOURS.basic, values: shown.map((r) => r.shown.basic) },
      ],
      decimals: 0,
    },
    figures: {
      duties: divergent.length,
      top: shown[0].name,
      topReclaimed: shown[0].shown.reclaimed,
      topCarried: carried(shown[0]),
    },
  };
}

/** 乡镇最依赖哪些部门: the department kinds leading the most 配合 duties of the townships shown. */
export function relianceSlide(data: DeckData): Slide {
  const kinds = data.reliance
    .filter((r) => r.dutiesLed > 0)
    .sort((a, b) => b.dutiesLed - a.dutiesLed || b.townships - a.townships || byCode(a.kind, b.kind));
  if (kinds.length === 0)
    return { id: 'reliance', headline: HEADLINES.relianceNone, note: NOTES.empty, chart: null, figures: { kinds: 0 } };
  const tops = leaders(kinds, (r) => r.dutiesLed);
  // Tied kinds may reach different numbers of townships: the sentence gives the most any of them reaches.
  const townships = Math.max(...tops.map((t) => t.townships));
  const shown = kinds.slice(0, MAX_BARS);
  return {
    id: 'reliance',
    headline: HEADLINES.reliance(
      tops.map((t) => t.kind),
      tops[0].dutiesLed,
      townships,
    ),
    note: NOTES.reliance(shown.length, kinds.length),
    chart: {
      type: 'bar',
      categories: shown.map((r) => r.kind),
      series: [{ name: CHART_LABELS.dutiesLed, colour: LIST_COLOURS.coop, values: shown.map((r) => r.dutiesLed) }],
      decimals: 0,
    },
    figures: { top: tops.map((t) => t.kind).join('、'), dutiesLed: tops[0].dutiesLed, townships, kinds: kinds.length },
  };
}

/** The median as a slide writes it: whole, or with one decimal between two townships. */
export const formatMedian = (x: number) => (Number.isInteger(x) ? formatCount(x) : formatAverage(x));

/** 一个乡镇与其他乡镇相比: where one township's count of items stands among the townships shown. */
export function townshipSlide(data: DeckData, focusKey: string | null, label: Required<FindingOptions>['label']): Slide {
  const rows = data.totals;
  if (rows.length === 0) return { id: 'township', headline: HEADLINES.listsEmpty, note: NOTES.empty, chart: null, figures: {} };
  const focus = rows.find((r) => r.key === focusKey) ?? leaders(rows, (r) => r.all_lists_total)[0];
  const name = label(focus.place, focus.name);
  const total = focus.all_lists_total;
  if (rows.length === 1) {
    return {
      id: 'township',
      headline: HEADLINES.townshipAlone(name, total, focus.basic, focus.coop, focus.reclaimed),
      note: NOTES.townshipAlone,
      chart: {
        type: 'bar',
        categories: [LIST_LABELS.basic, LIST_LABELS.coop, LIST_LABELS.reclaimed],
        series: [{ name: CHART_LABELS.items, colour: LIST_COLOURS.basic, values: [focus.basic, focus.coop, focus.reclaimed] }],
        decimals: 0,
      },
      figures: { township: focus.key, name: focus.name, total, townships: 1 },
    };
  }
  const values = rows.map((r) => r.all_lists_total).sort((a, b) => a - b);
  const median = quantileSorted(values, 0.5);
  const rank = 1 + rows.filter((r) => r.all_lists_total > total).length;
  return {
    id: 'township',
    headline: HEADLINES.township(name, total, rows.length, rank, formatMedian(median)),
    note: NOTES.township(rows.length),
    chart: {
      type: 'strip',
      points: rows.map((r) => ({ key: r.key, name: label(r.place, r.name), value: r.all_lists_total })),
      focus: focus.key,
      median,
      axisLabel: CHART_LABELS.items,
    },
    figures: { township: focus.key, name: focus.name, total, townships: rows.length, rank, median },
  };
}

/** Every finding's slide, in the deck's order. */
export function buildSlides(data: DeckData, options: FindingOptions = {}): Slide[] {
  const label = options.label ?? ((_: number, name: string) => name);
  const make: Record<FindingId, () => Slide> = {
    lists: () => listsSlide(data, label),
    reclaimed: () => reclaimedSlide(data),
    divergent: () => divergentSlide(data),
    reliance: () => relianceSlide(data),
    township: () => townshipSlide(data, options.focus ?? null, label),
  };
  return FINDING_IDS.map((id) => make[id]());
}
