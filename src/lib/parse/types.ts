/** The typed document a township's duty list parses into. Pure data: no Node, no DOM. */
import { parseRefusalInEnglish, type ParseRefusal } from './refusal';

export type ListKind = 'basic' | 'coop' | 'reclaimed';
export const LIST_KINDS: readonly ListKind[] = ['basic', 'coop', 'reclaimed'];

/** Steps of one cell, grouped under the sub-heading that names who does them, if any. */
export interface StepGroup {
  /** Heading as written, e.g. '县应急管理局' or '县农业农村局、县林业和草原局'; null when the cell has none. */
  heading: string | null;
  steps: string[];
}

export interface ParsedItem {
  list: ListKind;
  seq: number;
  category: string;
  name: string;
  /** 1-based line of the row in the source file. */
  line: number;
  /** coop: 对应上级部门 split on 、 */
  leadDepartments: string[];
  /** coop: 上级部门职责; reclaimed: 承接部门及工作方式 */
  departmentSteps: StepGroup[];
  /** coop: 乡镇配合职责 */
  townshipSteps: StepGroup[];
}

/** The place as the document names it; a level it leaves out is null (the model fills it from the place table). */
export interface Place {
  region: string | null;
  /** Full name, e.g. 昌吉回族自治州 (short forms such as 昌吉州 are expanded); null when not named. */
  prefecture: string | null;
  /** County-level unit: 奇台县, 昌吉市, 石河子市; null when not named. */
  county: string | null;
  township: string;
}

export interface StatedCounts {
  /** 1-based line of the statement. */
  line: number;
  /** "共有履职事项 245 项" */
  total: number | null;
  /** The same sentence's per-list figures: "其中，基本履职事项 110 项、…" */
  summary: Partial<Record<ListKind, number>>;
  /** Each list's own paragraph: its total and "党的建设 24 项、…". */
  lists: Partial<
    Record<
      ListKind,
      {
        total: number;
        line: number;
        categories: Record<string, number>;
        /** "涉及 42 个部门（单位）": reported beside the parsed figure, not checked (basic rows name no department). */
        departments: number | null;
      }
    >
  >;
}

export interface ParsedDocument {
  source: string;
  place: Place;
  /** 'YYYY-MM' when the document states a date. */
  published: string | null;
  stated: StatedCounts | null;
  items: ParsedItem[];
}

/**
 * A refusal: the build stops and names the file and line. `refusal` says why as data (the page says it
 * in Chinese); `reason` is the same in English, for the build's report and developers.
 */
export class ParseError extends Error {
  readonly reason: string;
  constructor(
    readonly file: string,
    readonly line: number,
    readonly refusal: ParseRefusal,
  ) {
    const reason = parseRefusalInEnglish(refusal);
    super(`${file}:${line}: ${reason}`);
    this.reason = reason;
    this.name = 'ParseError';
  }
}
