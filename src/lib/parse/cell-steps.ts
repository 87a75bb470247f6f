import type { StepGroup } from './types';
import { asciiDigits, cleanText } from './text';

/**
 * Turns one table cell into ordered, plain-text steps, grouped under the sub-headings that say who
 * does them ("县应急管理局：", "<p>县应急管理局</p>", "一、农作物秸秆综合利用").
 *
 * Cells come in three shapes: HTML (<p>…</p> per step; <ol> with or without <li>, often left
 * unclosed), plain numbered text ("1.…； 2.…"), and prose. Only known formatting tags are removed;
 * anything else that looks like a tag ("乡<镇>村") is text and is kept.
 */

/** The tags a cell's markup is made of; anything else that looks like a tag (乡<镇>村) is text. */
export const FORMATTING_TAG = /<\/?(?:p|ol|ul|li|div|br|span|strong|b|em|i|u|font|table|tbody|thead|tr|td|th|h[1-6])(?:\s[^<>]*)?\/?>/gi;

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  hellip: '…',
  mdash: '—',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

interface Block {
  text: string;
  /** Inside an <ol>/<ul> whose items lost their <li> tags: items are separated by '；'. */
  bareListItems: boolean;
  /** A <li>: the whole block is one step. */
  listItem: boolean;
}

/** Splits a cell at its formatting tags into blocks of text, remembering list context. */
function toBlocks(cell: string): Block[] {
  const blocks: Block[] = [];
  let listDepth = 0;
  let inLi = false;
  let last = 0;
  const push = (raw: string) => {
    const text = cleanText(decodeEntities(raw));
    if (text) blocks.push({ text, bareListItems: listDepth > 0 && !inLi, listItem: inLi });
  };
  for (const m of cell.matchAll(FORMATTING_TAG)) {
    push(cell.slice(last, m.index));
    last = m.index + m[0].length;
    const tag = m[0].toLowerCase();
    if (/^<(ol|ul)\b/.test(tag)) listDepth++;
    else if (/^<\/(ol|ul)\b/.test(tag)) listDepth = Math.max(0, listDepth - 1);
    else if (/^<li\b/.test(tag)) inLi = true;
    else if (/^<\/li\b/.test(tag)) inLi = false;
  }
  push(cell.slice(last));
  return blocks;
}

// A heading stands at the start of a block or right after a sentence ends, is short and has no
// sentence punctuation. Three forms occur:
//  - any short label ending with a colon: "县应急管理局：", "县农业农村局、县林业和草原局：", "分户工作：";
//  - a county office named without a colon, followed by its steps: "县委宣传部 1.按要求…",
//    "。 县文化体育广播电视台和旅游局 指导…" (新地乡);
//  - a numbered section title followed by its steps: "一、地方病 1. 定期…", "一、高素质农民培育 收集…" (伊拉湖镇).
const INLINE_HEADINGS = [
  /(?:^|(?<=[\s。；;]))([^\s，,。；;：:（）()“”"\d][^\s，,。；;：:“”"]{1,39}?)\s?[：:]\s*/g,
  /(?:^|(?<=[。；;]\s*))((?:县|市|州)[^\s，,。；;：:（）()“”"\d]{1,30}?(?:局|部|委|委员会|办公室|联|中心))\s+(?=\S)/g,
  /(?:^|(?<=[\s。；;]))([一二三四五六七八九十]+、[^\s，,。；;：:\d]{1,20})\s+(?=\S)/g,
];

/** Every inline heading in a block, in order; where two forms match at one place, the first form wins. */
function inlineHeadings(text: string): RegExpMatchArray[] {
  const found = new Map<number, RegExpMatchArray>();
  for (const form of INLINE_HEADINGS) for (const m of text.matchAll(form)) if (!found.has(m.index!)) found.set(m.index!, m);
  return [...found.values()].sort((a, b) => a.index! - b.index!);
}
// A block that is only a name of an office ("<p>县应急管理局</p>") or a numbered section title.
const DEPARTMENT_SUFFIX = /(?:局|部|委|委员会|办公室|办|联|会|院|所|队|站|中心|台|馆|政府|公司|分局|工委)$/;
const SECTION_TITLE = /^[一二三四五六七八九十]+、\S{1,30}$/;

function isHeadingBlock(text: string): string | null {
  const t = text.replace(/[：:]$/, '');
  if (t.length > 40 || /[，,。；;：:\s]/.test(t)) return null;
  if (DEPARTMENT_SUFFIX.test(t) || SECTION_TITLE.test(t)) return t;
  return null;
}

// Step numbering: "1." "1．" "1、" "（1）" "(1)" "①". A number followed by a digit is a decimal
// ("0.63万户"), and numbering counts only at a boundary, so "第1、2项" stays whole.
const STEP_NUMBER = /(?:^|(?<=[\s；;。：:，,>]))(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])\s*/g;

function splitNumbered(text: string): string[] | null {
  const marks = [...text.matchAll(STEP_NUMBER)];
  if (marks.length === 0) return null;
  const pieces: string[] = [];
  if (marks[0].index > 0) pieces.push(text.slice(0, marks[0].index));
  marks.forEach((m, i) => pieces.push(text.slice(m.index + m[0].length, marks[i + 1]?.index ?? text.length)));
  return pieces;
}

function tidyStep(step: string): string {
  return step.replace(/^[\s；;，,]+|[\s；;，,]+$/g, '').trim();
}

function stepsOf(text: string, block: Block): string[] {
  const numbered = splitNumbered(text);
  if (numbered) return numbered;
  if (block.bareListItems) return text.split(/[；;](?:\s+|$)/);
  return [text];
}

export function parseCellSteps(cell: string): StepGroup[] {
  const groups: StepGroup[] = [{ heading: null, steps: [] }];
  const current = () => groups[groups.length - 1];
  const addSteps = (steps: string[]) => {
    for (const s of steps.map(tidyStep)) if (s) current().steps.push(s);
  };
  const startGroup = (heading: string) => {
    if (current().heading === null && current().steps.length === 0) current().heading = heading;
    else groups.push({ heading, steps: [] });
  };

  for (const block of toBlocks(asciiDigits(cell))) {
    const heading = isHeadingBlock(block.text);
    if (heading) {
      startGroup(heading);
      continue;
    }
    let last = 0;
    const flush = (end: number) => {
      const text = block.text.slice(last, end).trim();
      if (text)
        addSteps(block.listItem ? [text.replace(STEP_NUMBER, (m, offset: number) => (offset === 0 ? '' : m))] : stepsOf(text, block));
    };
    for (const m of inlineHeadings(block.text)) {
      if (m.index! < last) continue; // inside a heading already taken
      flush(m.index!);
      startGroup(m[1]);
      last = m.index! + m[0].length;
    }
    flush(block.text.length);
  }
  return groups.filter((g) => g.steps.length > 0 || g.heading !== null);
}
