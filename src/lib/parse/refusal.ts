import type { ListKind } from './types';
import { LIST_NAMES } from './row';
import { whereInEnglish, type Where } from './where';

/**
 * Why the decoder or the parser refuses a file: a kind and what it found, as data. The build prints
 * the English sentence below (`file:line: …`, for developers and the CLI); the page says each kind in
 * Chinese (src/lib/ui/strings.ts IMPORT_STRINGS.refusals), so its readers — township and county
 * officials — are told what is wrong in their language. A new kind needs both, and a file that
 * provokes it (tests/unit/import/refusal-reasons.test.ts walks every kind).
 */

/** The text could not be read as text. */
export type DecodeRefusal =
  | { kind: 'empty' }
  | { kind: 'utf16-odd-length' }
  | { kind: 'utf16-invalid'; encoding: 'utf-16le' | 'utf-16be' }
  | { kind: 'utf16-without-bom' }
  | { kind: 'binary-nul'; offset: number }
  | { kind: 'binary-control'; codePoint: number }
  | { kind: 'utf8-cut-short' }
  | { kind: 'unknown-encoding' };

/** One figure a 说明 states that the rows do not bear out. */
export type StatedMismatch =
  | { kind: 'total'; at: Where; stated: number; parsed: number }
  | { kind: 'list-total'; at: Where; list: ListKind; stated: number; parsed: number }
  | { kind: 'category'; at: Where; list: ListKind; category: string; stated: number; parsed: number }
  | { kind: 'unstated-category'; at: Where; list: ListKind; category: string; parsed: number };

/** The text was read but is not a duty list the parser can account for. */
export type ParseRefusal =
  | { kind: 'unrecognised-header'; columns: string[] }
  | { kind: 'header-of-other-list'; found: ListKind; inside: ListKind }
  | { kind: 'row-before-header' }
  | { kind: 'seq-out-of-order'; list: ListKind; seq: number; previousSeq: number; previousAt: Where }
  | { kind: 'seq-skipped'; list: ListKind; from: number; to: number }
  | { kind: 'wrong-cell-count'; list: ListKind; seq: number; cells: number; expected: number }
  | { kind: 'empty-category'; seq: number }
  | { kind: 'empty-name'; seq: number }
  | { kind: 'unclosed-paragraph'; seq: number }
  | { kind: 'no-lead-department'; seq: number }
  | { kind: 'empty-receiver-steps'; seq: number }
  | { kind: 'truncated-last-row'; seq: string; ending: string }
  | { kind: 'second-list'; list: ListKind; firstAt: Where }
  | { kind: 'unexpected-text'; list: ListKind; text: string }
  | { kind: 'no-list' }
  | { kind: 'contents-list-missing'; list: ListKind; contentsAt: Where }
  | { kind: 'list-missing'; list: ListKind }
  | { kind: 'list-empty'; list: ListKind }
  | { kind: 'no-place' }
  | { kind: 'stated-counts'; mismatches: StatedMismatch[] };

export function decodeRefusalInEnglish(refusal: DecodeRefusal): string {
  switch (refusal.kind) {
    case 'empty':
      return 'the file is empty';
    case 'utf16-odd-length':
      return 'the UTF-16 file has an odd number of bytes — it looks truncated';
    case 'utf16-invalid':
      return `the file starts with a ${refusal.encoding.toUpperCase()} byte-order mark but is not UTF-16 text`;
    case 'utf16-without-bom':
      return 'UTF-16 text without a byte-order mark; save it as UTF-8, or as UTF-16 with a BOM';
    case 'binary-nul':
      return `binary data (NUL byte at offset ${refusal.offset}); expected a text file`;
    case 'binary-control':
      return `binary data (control character U+${refusal.codePoint.toString(16).padStart(4, '0')}); expected a text file`;
    case 'utf8-cut-short':
      return 'the file ends in the middle of a character — it looks truncated';
    case 'unknown-encoding':
      return 'the file is neither UTF-8, GB18030 nor UTF-16 (with a BOM) text';
  }
}

export function mismatchInEnglish(mismatch: StatedMismatch): string {
  switch (mismatch.kind) {
    case 'total':
      return `the 说明 states ${mismatch.stated} items in all, the lists hold ${mismatch.parsed}`;
    case 'list-total':
      return `the 说明 states ${mismatch.stated} ${mismatch.list} items, the list holds ${mismatch.parsed}`;
    case 'category':
      return `the 说明 states ${mismatch.category} ${mismatch.stated} (${mismatch.list}), the list holds ${mismatch.parsed}`;
    case 'unstated-category':
      return `the ${mismatch.list} list has category ${mismatch.category} (${mismatch.parsed} items), which the 说明 does not mention`;
  }
}

export function parseRefusalInEnglish(refusal: ParseRefusal): string {
  const row = (seq: number) => `row 序号 ${seq}`;
  switch (refusal.kind) {
    case 'unrecognised-header':
      return `unrecognised column header (${refusal.columns.length} columns: ${refusal.columns.join(' | ')})`;
    case 'header-of-other-list':
      return `column header of the ${LIST_NAMES[refusal.found]} inside the ${LIST_NAMES[refusal.inside]}`;
    case 'row-before-header':
      return 'a numbered row before any list title or column header';
    case 'seq-out-of-order':
      return (
        `duplicate or out-of-order 序号 ${refusal.seq} in the ${LIST_NAMES[refusal.list]} ` +
        `(previous row ${refusal.previousSeq} at ${whereInEnglish(refusal.previousAt)})`
      );
    case 'seq-skipped':
      return `序号 skips from ${refusal.from} to ${refusal.to} in the ${LIST_NAMES[refusal.list]}`;
    case 'wrong-cell-count':
      return (
        `${row(refusal.seq)} has ${refusal.cells} cells; the ${LIST_NAMES[refusal.list]} ` +
        `${refusal.cells < refusal.expected ? 'needs' : 'has only'} ${refusal.expected}`
      );
    case 'empty-category':
      return `${row(refusal.seq)} has an empty 事项类别`;
    case 'empty-name':
      return `${row(refusal.seq)} has an empty 事项名称`;
    case 'unclosed-paragraph':
      return `${row(refusal.seq)} ends inside an unclosed <p> (the file looks truncated)`;
    case 'no-lead-department':
      return `${row(refusal.seq)} names no 对应上级部门`;
    case 'empty-receiver-steps':
      return `${row(refusal.seq)} has an empty 承接部门及工作方式`;
    case 'truncated-last-row':
      return `the last row (序号 ${refusal.seq}) stops mid-sentence ("…${refusal.ending}") — the file looks truncated`;
    case 'second-list':
      return `second ${LIST_NAMES[refusal.list]} (the first starts at ${whereInEnglish(refusal.firstAt)})`;
    case 'unexpected-text':
      return `unexpected text inside the ${LIST_NAMES[refusal.list]}: "${refusal.text}"`;
    case 'no-list':
      return 'no duty list found (expected rows under a 序号 column header)';
    case 'contents-list-missing':
      return `the table of contents (${whereInEnglish(refusal.contentsAt)}) lists the ${LIST_NAMES[refusal.list]}, but the file has none — truncated?`;
    case 'list-missing':
      return `the ${LIST_NAMES[refusal.list]} is missing — every list has three parts; truncated?`;
    case 'list-empty':
      return `the ${LIST_NAMES[refusal.list]} has no rows — truncated?`;
    case 'no-place':
      return 'cannot tell which township this is: no title page or section title names a 镇, 乡 or 街道';
    case 'stated-counts': {
      const [first, ...rest] = refusal.mismatches;
      return [mismatchInEnglish(first), ...rest.map((m) => `${whereInEnglish(m.at)}: ${mismatchInEnglish(m)}`)].join('; ');
    }
  }
}
