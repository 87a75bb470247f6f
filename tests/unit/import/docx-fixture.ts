/**
 * A published list's text export written back as the Word document it was published as, with the
 * `docx` package: its title and 说明 as paragraphs, each list as one table (the header row marked to
 * repeat on every page, as Word repeats it — the text export wrote it at every page break).
 *
 * A cell's markup becomes what Word holds: each <p> or <li> a paragraph; an <ol> whose numbers the
 * export dropped a paragraph per item (split at its typed numbers, or at ；); plain text one paragraph.
 * The options write the same list the other ways Word lists are written, which must read the same:
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageBreak,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ILevelsOptions,
} from 'docx';

export interface FixtureOptions {
  /** Steps numbered by Word, not typed: "1.xxx" becomes an auto-numbered paragraph "xxx", restarted per cell. */
  autoNumbering?: boolean;
  /** The 序号 column numbered by Word: an empty paragraph numbered "1." (continuing across a list's tables). */
  autoNumberedSeq?: boolean;
  /** Rows of one 事项类别 written once, merged down the rows (w:vMerge). */
  mergeCategories?: boolean;
  /** A cell's paragraphs written as the lines of one paragraph (w:br), its typed steps each on a line. */
  lineBreaks?: boolean;
  /** Each table split in two at a page break, the second with its header row again or without one. */
  splitTables?: 'with-header' | 'without-header';
  /** The list's title as the table's first row, one cell across every column (w:gridSpan), not a paragraph before it. */
  titleRows?: boolean;
}

type Block =
  { kind: 'paragraph'; text: string; heading: boolean } | { kind: 'table'; title: string | null; header: string[]; rows: string[][] };

/** The text export's lines as paragraphs and one table per list. */
function blocksOf(text: string, titleRows: boolean): Block[] {
  const blocks: Block[] = [];
  let table: Extract<Block, { kind: 'table' }> | null = null;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (!line) continue;
    const cells = line.split('\t');
    if (/^序号\t/.test(line)) {
      // The header again at a page break: the table goes on.
      if (table && table.header.length === cells.length) continue;
      const previous = blocks[blocks.length - 1];
      const title = titleRows && previous?.kind === 'paragraph' && /清单$/.test(previous.text) ? previous.text : null;
      if (title) blocks.pop();
      table = { kind: 'table', title, header: cells, rows: [] };
      blocks.push(table);
    } else if (/^\d+\t/.test(line) && table) table.rows.push(cells);
    else {
      table = null;
      blocks.push({ kind: 'paragraph', text: line.replace(/^#+\s*/, ''), heading: /^#/.test(line) });
    }
  }
  return blocks;
}

interface CellParagraph {
  text: string;
  /** A step: numbered by Word when the options say so, else after the number typed before it. */
  numbered: boolean;
  /** The number as it was typed ("1. ", "2、"), kept when Word does not number it. */
  typed: string;
}

const plain = (text: string): CellParagraph => ({ text, numbered: false, typed: '' });

// A typed step number where the parser would see one: at the start or after a space or sentence end.
const TYPED_NUMBER = /(?:^|(?<=[\s；;。：:]))(\d{1,2})[.．、](?!\d)\s*/g;

/** Typed step numbers 1, 2, 3… in sequence (a 1 may start again), or none. */
function typedNumbers(text: string): RegExpMatchArray[] {
  const marks = [...text.matchAll(TYPED_NUMBER)].filter(
    (m, i, all) => Number(m[1]) === 1 || (i > 0 && Number(all[i - 1][1]) === Number(m[1]) - 1),
  );
  return marks.length && Number(marks[0][1]) === 1 ? marks : [];
}

// What reads as a sub-heading at the end of a run of text: an office, a numbered section, a label with a colon.
const TRAILING_HEADING =
  /^(.*[。；;])\s+([^\s，,。；;]{2,40}(?:局|部|委|办|室|队|所|站|中心|院|馆|台|会|联)|[一二三四五六七八九十]+、[^\s，,。；;]{1,30}|[^\s，,。；;]{1,30}[：:])$/;

/**
 * Text as Word paragraphs: its typed steps each a paragraph, what precedes them another, and a
 * sub-heading the export ran onto the end of a step ("…工作。 县文化体育广播电视和旅游局 1.…") a paragraph
 * of its own before the steps it heads, as in the document.
 */
function typedParagraphs(text: string): CellParagraph[] {
  const marks = typedNumbers(text);
  if (marks.length === 0) return [plain(text)];
  const out: CellParagraph[] = [];
  const unnumbered = (piece: string) => {
    const heading = TRAILING_HEADING.exec(piece.trim());
    for (const part of heading ? [heading[1], heading[2]] : [piece]) if (part.trim()) out.push(plain(part.trim()));
  };
  unnumbered(text.slice(0, marks[0].index));
  marks.forEach((m, i) => {
    const step = text.slice(m.index! + m[0].length, marks[i + 1]?.index ?? text.length).trim();
    const heading = i + 1 < marks.length ? TRAILING_HEADING.exec(step) : null;
    out.push({ text: heading ? heading[1] : step, numbered: true, typed: m[0] });
    if (heading) out.push(plain(heading[2]));
  });
  return out;
}

const TAG = /<(\/?)(p|li|ol|ul)\b[^>]*>/gi;

/** A cell of the text export as Word paragraphs. */
function cellParagraphs(cell: string): CellParagraph[] {
  const paragraphs: CellParagraph[] = [];
  // Inside an <ol> the export left open, or inside one of its <li>: items of a numbered list.
  let inList = false;
  let inItem = false;
  let last = 0;
  const take = (chunk: string) => {
    const text = chunk.trim();
    if (!text) return;
    if (inItem) paragraphs.push({ text, numbered: true, typed: '' });
    else if (inList && typedNumbers(text).length === 0)
      // Items the export ran together without their numbers: at ；, as the list showed them.
      paragraphs.push(...text.split(/(?<=[；;])\s+/).map((item) => ({ text: item, numbered: true, typed: '' })));
    else paragraphs.push(...typedParagraphs(text));
  };
  for (const m of cell.matchAll(TAG)) {
    take(cell.slice(last, m.index));
    last = m.index! + m[0].length;
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    // A paragraph ends a list the export left open, as it would in Word.
    if (tag === 'p') inList = inItem = false;
    if (tag === 'ol' || tag === 'ul') inList = !closing;
    if (tag === 'li') inItem = !closing;
  }
  take(cell.slice(last));
  return paragraphs;
}

/** Paragraph options for text with tabs (a table-of-contents line): Word's tab, not a tab character. */
const runs = (text: string, options: { break?: number } = {}) =>
  text
    .split('\t')
    .flatMap((piece, i) => [
      ...(i > 0 ? [new TextRun({ children: [new Tab()] })] : []),
      new TextRun({ text: piece, ...(i === 0 ? options : {}) }),
    ]);

class DocxWriter {
  private instance = 0;
  constructor(private readonly options: FixtureOptions) {}

  /** A numbered list restarted: its own instance, as Word writes "restart numbering". */
  private nextInstance = () => ++this.instance;

  cell(markup: string): Paragraph[] {
    const paragraphs = cellParagraphs(markup);
    if (paragraphs.length === 0) return [new Paragraph('')];
    const auto = (p: CellParagraph) => p.numbered && this.options.autoNumbering;
    const typed = (p: CellParagraph) => (auto(p) ? p.text : p.typed + p.text);
    if (this.options.lineBreaks && !this.options.autoNumbering)
      // Every paragraph a line of one paragraph.
      return [new Paragraph({ children: paragraphs.flatMap((p, i) => runs(typed(p), i > 0 ? { break: 1 } : {})) })];
    // A run of steps is one numbered list; a paragraph between runs restarts the numbering, as Word does for a new list.
    let instance = 0;
    return paragraphs.map((p, i) => {
      if (!auto(p)) return new Paragraph({ children: runs(typed(p)) });
      if (i === 0 || !auto(paragraphs[i - 1]) || p.typed.startsWith('1')) instance = this.nextInstance();
      return new Paragraph({ children: runs(p.text), numbering: { reference: 'steps', level: 0, instance } });
    });
  }

  table(block: Extract<Block, { kind: 'table' }>, seqInstance: number, rows: string[][], withHeader: boolean, withTitle: boolean): Table {
    const columns = block.header.length;
    const tableRows: TableRow[] = [];
    if (withTitle && block.title)
      tableRows.push(new TableRow({ children: [new TableCell({ columnSpan: columns, children: [new Paragraph(block.title)] })] }));
    if (withHeader)
      tableRows.push(
        new TableRow({ tableHeader: true, children: block.header.map((h) => new TableCell({ children: [new Paragraph(h)] })) }),
      );
    rows.forEach((cells, r) => {
      const [seq, category, ...rest] = cells;
      const children: TableCell[] = [];
      children.push(
        new TableCell({
          children: [
            this.options.autoNumberedSeq
              ? new Paragraph({ numbering: { reference: 'seq', level: 0, instance: seqInstance } })
              : new Paragraph(seq),
          ],
        }),
      );
      if (this.options.mergeCategories) {
        // The first row of a run of one category holds it for the run; the rows below have no cell of their own.
        if (r === 0 || rows[r - 1][1] !== category) {
          let span = 1;
          while (r + span < rows.length && rows[r + span][1] === category) span++;
          children.push(new TableCell({ rowSpan: span, children: this.cell(category) }));
        }
      } else children.push(new TableCell({ children: this.cell(category) }));
      for (const cell of rest) children.push(new TableCell({ children: this.cell(cell) }));
      tableRows.push(new TableRow({ children }));
    });
    return new Table({ rows: tableRows });
  }

  document(blocks: Block[]): Document {
    const children: (Paragraph | Table)[] = [];
    let seqInstance = 0;
    for (const block of blocks) {
      if (block.kind === 'paragraph') {
        children.push(new Paragraph({ children: runs(block.text), heading: block.heading ? HeadingLevel.HEADING_1 : undefined }));
        continue;
      }
      seqInstance++;
      const title = block.title !== null;
      if (!this.options.splitTables || block.rows.length < 2) {
        children.push(this.table(block, seqInstance, block.rows, true, title));
        continue;
      }
      const half = Math.ceil(block.rows.length / 2);
      children.push(this.table(block, seqInstance, block.rows.slice(0, half), true, title));
      children.push(new Paragraph({ children: [new PageBreak()] }));
      children.push(this.table(block, seqInstance, block.rows.slice(half), this.options.splitTables === 'with-header', false));
    }
    const level = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string): ILevelsOptions => ({
      level: 0,
      format,
      text,
      alignment: AlignmentType.LEFT,
      suffix: LevelSuffix.NOTHING,
    });
    return new Document({
      numbering: {
        config: [
          // Word's default: the number, then a tab (which the reader writes as a space).
          { reference: 'steps', levels: [{ ...level(LevelFormat.DECIMAL, '%1.'), suffix: LevelSuffix.TAB }] },
          { reference: 'seq', levels: [level(LevelFormat.DECIMAL, '%1')] },
        ],
      },
      sections: [{ children }],
    });
  }
}

/** The text export of a list as a .docx, written the way the options say. */
export async function listToDocx(text: string, options: FixtureOptions = {}): Promise<Uint8Array> {
  const document = new DocxWriter(options).document(blocksOf(text, options.titleRows ?? false));
  return new Uint8Array(await Packer.toBuffer(document));
}
