/**
 * A deck is a list of slides, one finding each: a headline sentence written from the figures, the
 * chart that shows them, and the figures themselves (what the headline was written from, kept so a
 * test or an export reads the same numbers the sentence states).
 */

/** The findings a deck can hold, in the order they are presented. */
export const FINDING_IDS = ['lists', 'reclaimed', 'divergent', 'reliance', 'township'] as const;
export type FindingId = (typeof FINDING_IDS)[number];

export interface BarSeries {
  name: string;
  /** A CSS hex colour (#RRGGBB): the same in the live chart and the PowerPoint chart. */
  colour: string;
  /** One value per category. */
  values: number[];
}

/**
 * Horizontal bars, one per category, largest first; several series stack. Written as a native chart
 * in the PowerPoint deck, so a presenter can restyle it there.
 */
export interface BarChartSpec {
  type: 'bar';
  categories: string[];
  series: BarSeries[];
  /** Decimals the values are written with (an average per township has one). */
  decimals: number;
}

/** One dot per township on a line of values, one of them in focus: drawn as an image in the deck. */
export interface StripChartSpec {
  type: 'strip';
  points: { key: string; name: string; value: number }[];
  /** The key of the township in focus. */
  focus: string;
  median: number;
  /** What the axis counts, for its label. */
  axisLabel: string;
}

export type ChartSpec = BarChartSpec | StripChartSpec;

export interface Slide {
  id: FindingId;
  /** The slide's one sentence: every number and name in it comes from `figures`. */
  headline: string;
  /** What the chart counts (units, what is left out): the line under the headline. */
  note: string;
  /** Null when the selection has nothing to show for this finding (the headline says so). */
  chart: ChartSpec | null;
  figures: Record<string, number | string>;
}
