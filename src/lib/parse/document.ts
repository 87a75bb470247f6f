import { LIST_KINDS, ParseError, type ListKind, type ParsedDocument, type ParsedItem } from './types';
import { asciiDigits } from './text';
import { readPlace, readPublished } from './place';
import { readStatedCounts, type StatedParagraph } from './stated-counts';
import { checkStatedCounts } from './check-stated';
import { checkEndsCleanly, readItem, ROW } from './row';
import { cellText } from './cell-text';
import type { ParseRefusal } from './refusal';

/**
 * Parses the text of one township's 履职事项清单 into its three lists.
 *
 * The published files are PDF → text conversions with differing layouts: an optional title page
 * and 说明 preface, a table of contents, section titles (plain or markdown '#'), a column header row
 * repeated at every page break, and one tab-separated row per item. The parser reads line by line,
 * tracks which list it is in, and refuses anything it cannot account for with file:line.
 */

const TOC_LINE = /^\d+\s*[.．、]\s*(?:基本履职|配合履职|上级部门收回)事项清单\s*[.…·]{2,}\s*\d*$/;
const SECTION_TITLE = /(基本履职事项清单|配合履职事项清单|(?:上级部门)?收回事项清单)$/;
const HEADER = /^序号\t/;

function sectionOf(title: string): ListKind {
  if (title.endsWith('基本履职事项清单')) return 'basic';
  if (title.endsWith('配合履职事项清单')) return 'coop';
  return 'reclaimed';
}

/** What a coop header's township column may be called: 乡镇配合职责, 镇配合职责, 凉州户镇配合职责, 乡镇（街道）配合职责. */
function listFromHeader(cells: string[]): ListKind | null {
  if (cells.length === 3 && cells[2].includes('事项名称')) return 'basic';
  if (cells.length === 6 && cells[3].includes('上级部门') && /配合职责$/.test(cells[5])) return 'coop';
  if (cells.length === 4 && cells[3].includes('承接部门')) return 'reclaimed';
  return null;
}

export function parseDocument(rawText: string, file: string): ParsedDocument {
  const fail = (line: number, refusal: ParseRefusal): never => {
    throw new ParseError(file, line, refusal);
  };
  const lines = asciiDigits(rawText.replace(/^\uFEFF/, '')).split(/\r\n|\r|\n/);

  let list: ListKind | null = null;
  let sawHeader = false;
  const sectionLine: Partial<Record<ListKind, number>> = {};
  const tocPromises: { list: ListKind; line: number }[] = [];
  const sectionTitles: string[] = [];
  const frontMatter: StatedParagraph[] = [];
  let published: string | null = null;
  const items: ParsedItem[] = [];
  const lastSeq: Partial<Record<ListKind, { seq: number; line: number }>> = {};

  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    const line = rawLine.replace(/\s+$/, '');
    const bare = line.replace(/^#+\s*/, '').trim();
    if (!bare) return;

    if (TOC_LINE.test(bare.replace(/\t/g, ' '))) {
      const m = SECTION_TITLE.exec(bare.split(/[.．…·]{2,}/)[0].trim());
      if (m) tocPromises.push({ list: sectionOf(m[1]), line: lineNo });
      return;
    }

    if (HEADER.test(line)) {
      const cells = line.split('\t').map(cellText);
      const fromHeader = listFromHeader(cells);
      if (!fromHeader) fail(lineNo, { kind: 'unrecognised-header', columns: cells });
      if (list && fromHeader !== list) fail(lineNo, { kind: 'header-of-other-list', found: fromHeader!, inside: list });
      // A list without a section title is recognised by its header.
      if (!list) list = fromHeader;
      sectionLine[list!] ??= lineNo;
      sawHeader = true;
      return;
    }

    if (ROW.test(line)) {
      if (!list || !sawHeader) fail(lineNo, { kind: 'row-before-header' });
      const kind = list!;
      const item = readItem(line, kind, lineNo, fail);
      // 序号 must count 1, 2, 3… within each list: a gap or repeat means a lost or doubled row.
      const previous = lastSeq[kind];
      if (item.seq !== (previous?.seq ?? 0) + 1) {
        if (previous && item.seq <= previous.seq)
          fail(lineNo, {
            kind: 'seq-out-of-order',
            list: kind,
            seq: item.seq,
            previousSeq: previous.seq,
            previousAt: { line: previous.line },
          });
        fail(lineNo, { kind: 'seq-skipped', list: kind, from: previous?.seq ?? 0, to: item.seq });
      }
      lastSeq[kind] = { seq: item.seq, line: lineNo };
      items.push(item);
      return;
    }

    const title = SECTION_TITLE.exec(bare);
    if (title && bare.length <= 60) {
      const kind = sectionOf(title[1]);
      if (sectionLine[kind]) fail(lineNo, { kind: 'second-list', list: kind, firstAt: { line: sectionLine[kind] } });
      list = kind;
      sawHeader = false;
      sectionLine[kind] = lineNo;
      sectionTitles.push(bare);
      return;
    }

    if (list) fail(lineNo, { kind: 'unexpected-text', list, text: bare.slice(0, 40) });
    // Before the first list: title page, dates, 说明.
    published ??= readPublished(bare);
    frontMatter.push({ line: lineNo, text: bare });
  });

  if (items.length === 0) fail(1, { kind: 'no-list' });
  checkEndsCleanly(lines, fail);
  const lastLine = lines.length;
  for (const promise of tocPromises) {
    if (!sectionLine[promise.list])
      fail(lastLine, { kind: 'contents-list-missing', list: promise.list, contentsAt: { line: promise.line } });
  }
  for (const kind of LIST_KINDS) {
    if (!sectionLine[kind]) fail(lastLine, { kind: 'list-missing', list: kind });
    if (!lastSeq[kind]) fail(sectionLine[kind]!, { kind: 'list-empty', list: kind });
  }

  // The title page may spread the place over two lines ("…昌吉回族自治州" / "奇台县吉布库镇").
  const titlePage = frontMatter.slice(0, 8).map((p) => p.text);
  const windows = [1, 2, 3].flatMap((size) =>
    titlePage.slice(0, titlePage.length - size + 1).map((_, i) => titlePage.slice(i, i + size).join('')),
  );
  const place = readPlace([...windows, ...sectionTitles]);
  if (!place) fail(1, { kind: 'no-place' });

  const stated = readStatedCounts(frontMatter);
  if (stated) {
    const mismatches = checkStatedCounts(stated, items);
    if (mismatches.length) fail(mismatches[0].line, { kind: 'stated-counts', mismatches: mismatches.map((m) => m.mismatch) });
  }
  return { source: file, place: place!, published, stated, items };
}
