import { LIST_KINDS, ParseError, type ListKind, type ParsedDocument, type ParsedItem } from './types';
import { asciiDigits } from './text';
import { readPlace, readPublished } from './place';
import { readStatedCounts, type StatedParagraph } from './stated-counts';
import { checkStatedCounts } from './check-stated';
import { checkEndsCleanly, LIST_NAMES, readItem, ROW } from './row';
import { cellText } from './cell-text';

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
  const fail = (line: number, reason: string): never => {
    throw new ParseError(file, line, reason);
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
      if (!fromHeader) fail(lineNo, `unrecognised column header (${cells.length} columns: ${cells.join(' | ')})`);
      if (list && fromHeader !== list) {
        fail(lineNo, `column header of the ${LIST_NAMES[fromHeader!]} inside the ${LIST_NAMES[list]}`);
      }
      // A list without a section title is recognised by its header.
      if (!list) list = fromHeader;
      sectionLine[list!] ??= lineNo;
      sawHeader = true;
      return;
    }

    if (ROW.test(line)) {
      if (!list || !sawHeader) fail(lineNo, 'a numbered row before any list title or column header');
      const kind = list!;
      const item = readItem(line, kind, lineNo, fail);
      // 序号 must count 1, 2, 3… within each list: a gap or repeat means a lost or doubled row.
      const previous = lastSeq[kind];
      if (item.seq !== (previous?.seq ?? 0) + 1) {
        if (previous && item.seq <= previous.seq)
          fail(
            lineNo,
            `duplicate or out-of-order 序号 ${item.seq} in the ${LIST_NAMES[kind]} (previous row ${previous.seq} at line ${previous.line})`,
          );
        fail(lineNo, `序号 skips from ${previous?.seq ?? 0} to ${item.seq} in the ${LIST_NAMES[kind]}`);
      }
      lastSeq[kind] = { seq: item.seq, line: lineNo };
      items.push(item);
      return;
    }

    const title = SECTION_TITLE.exec(bare);
    if (title && bare.length <= 60) {
      const kind = sectionOf(title[1]);
      if (sectionLine[kind]) fail(lineNo, `second ${LIST_NAMES[kind]} (the first starts at line ${sectionLine[kind]})`);
      list = kind;
      sawHeader = false;
      sectionLine[kind] = lineNo;
      sectionTitles.push(bare);
      return;
    }

    if (list) fail(lineNo, `unexpected text inside the ${LIST_NAMES[list]}: "${bare.slice(0, 40)}"`);
    // Before the first list: title page, dates, 说明.
    published ??= readPublished(bare);
    frontMatter.push({ line: lineNo, text: bare });
  });

  if (items.length === 0) fail(1, 'no duty list found (expected rows under a 序号 column header)');
  checkEndsCleanly(lines, fail);
  const lastLine = lines.length;
  for (const promise of tocPromises) {
    if (!sectionLine[promise.list])
      fail(
        lastLine,
        `the table of contents (line ${promise.line}) lists the ${LIST_NAMES[promise.list]}, but the file has none — truncated?`,
      );
  }
  for (const kind of LIST_KINDS) {
    if (!sectionLine[kind]) fail(lastLine, `the ${LIST_NAMES[kind]} is missing — every list has three parts; truncated?`);
    if (!lastSeq[kind]) fail(sectionLine[kind]!, `the ${LIST_NAMES[kind]} has no rows — truncated?`);
  }

  // The title page may spread the place over two lines ("…昌吉回族自治州" / "奇台县吉布库镇").
  const titlePage = frontMatter.slice(0, 8).map((p) => p.text);
  const windows = [1, 2, 3].flatMap((size) =>
    titlePage.slice(0, titlePage.length - size + 1).map((_, i) => titlePage.slice(i, i + size).join('')),
  );
  const place = readPlace([...windows, ...sectionTitles]);
  if (!place) fail(1, 'cannot tell which township this is: no title page or section title names a 镇, 乡 or 街道');

  const stated = readStatedCounts(frontMatter);
  if (stated) {
    const [first, ...rest] = checkStatedCounts(stated, items);
    if (first) fail(first.line, [first.message, ...rest.map((r) => `line ${r.line}: ${r.message}`)].join('; '));
  }
  return { source: file, place: place!, published, stated, items };
}
