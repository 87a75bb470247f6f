import {
  AlignmentType,
  DeletedTextRun,
  Document,
  InsertedTextRun,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  type ILevelsOptions,
} from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxListText, ListFileError, readListFile } from '../../../src/lib/import';

/** What the .docx reader makes of Word's structures, on small documents written with the `docx` package. */

const level = (lvl: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string): ILevelsOptions => ({
  level: lvl,
  format,
  text,
  alignment: AlignmentType.LEFT,
  suffix: LevelSuffix.NOTHING,
});

async function docx(children: (Paragraph | Table | TableOfContents)[]): Promise<Uint8Array> {
  const document = new Document({
    numbering: {
      config: [
        { reference: 'decimal', levels: [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.DECIMAL, '%1.%2.')] },
        { reference: 'chinese', levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、')] },
        { reference: 'circled', levels: [level(0, LevelFormat.DECIMAL_ENCLOSED_CIRCLE, '%1')] },
        { reference: 'bullet', levels: [level(0, LevelFormat.BULLET, '•')] },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const lines = async (children: (Paragraph | Table | TableOfContents)[]) => docxListText(await docx(children)).text.split('\n');
const cell = (...paragraphs: (string | Paragraph)[]) =>
  new TableCell({ children: paragraphs.map((p) => (typeof p === 'string' ? new Paragraph(p) : p)) });
const numbered = (text: string, reference: string, instance = 0, lvl = 0) =>
  new Paragraph({ children: [new TextRun(text)], numbering: { reference, level: lvl, instance } });

describe('tables', () => {
  it('reads a cell merged down rows as its content in every row, and a cell merged across columns as one cell', async () => {
    const table = new Table({
      rows: [
        new TableRow({ children: [new TableCell({ columnSpan: 3, children: [new Paragraph('基本履职事项清单')] })] }),
        new TableRow({ children: [cell('序号'), cell('事项类别'), cell('事项名称')] }),
        new TableRow({ children: [cell('1'), new TableCell({ rowSpan: 3, children: [new Paragraph('党的建设')] }), cell('甲')] }),
        new TableRow({ children: [cell('2'), cell('乙')] }),
        new TableRow({ children: [cell('3'), cell('丙')] }),
        new TableRow({ children: [cell('4'), cell('经济发展'), cell('丁')] }),
      ],
    });
    expect(await lines([table])).toEqual([
      '基本履职事项清单',
      '序号\t事项类别\t事项名称',
      '1\t党的建设\t甲',
      '2\t党的建设\t乙',
      '3\t党的建设\t丙',
      '4\t经济发展\t丁',
      '',
    ]);
  });

  it('writes a cell of several paragraphs or lines as <p> and <br>, and a table inside a cell as its paragraphs', async () => {
    const inner = new Table({ rows: [new TableRow({ children: [cell('县民政局：'), cell('审核。')] })] });
    const table = new Table({
      rows: [
        new TableRow({
          children: [
            cell('一、甲', '1.乙；'),
            cell(new Paragraph({ children: [new TextRun('县财政局：'), new TextRun({ text: '1.拨付。', break: 1 })] })),
            new TableCell({ children: [new Paragraph('前'), inner] }),
          ],
        }),
      ],
    });
    expect((await lines([table]))[0]).toBe(
      '<p>一、甲</p> <p>1.乙；</p>\t<p>县财政局：<br>1.拨付。</p>\t<p>前</p> <p>县民政局：</p> <p>审核。</p>',
    );
  });
});

describe('numbered paragraphs: the number Word draws, written as text', () => {
  it('numbers a list on, restarts a new one, and formats levels, Chinese and circled numbers', async () => {
    expect(
      await lines([
        numbered('甲', 'decimal', 1),
        numbered('甲一', 'decimal', 1, 1),
        numbered('甲二', 'decimal', 1, 1),
        numbered('乙', 'decimal', 1),
        numbered('乙一', 'decimal', 1, 1),
        numbered('重新', 'decimal', 2),
        numbered('基本情况', 'chinese'),
        numbered('编制过程', 'chinese'),
        numbered('核实', 'circled'),
        numbered('公示', 'circled'),
        numbered('要点', 'bullet'),
      ]),
    ).toEqual(['1.甲', '1.1.甲一', '1.2.甲二', '2.乙', '2.1.乙一', '1.重新', '一、基本情况', '二、编制过程', '①核实', '②公示', '要点']);
  });

  it('numbers an auto-numbered 序号 column row by row, across cells', async () => {
    const row = (name: string) => new TableRow({ children: [cell(numbered('', 'decimal', 3)), cell('党的建设'), cell(name)] });
    expect((await lines([new Table({ rows: [row('甲'), row('乙')] })])).slice(0, 2)).toEqual(['1.\t党的建设\t甲', '2.\t党的建设\t乙']);
  });
});

describe('numbering as LibreOffice writes it', () => {
  it('continues a list whose first paragraph restarts it (w:startOverride) and whose others name a plain w:num', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const paragraph = (numId: number, text: string) =>
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const numbering = `<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
      <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
      <w:num w:numId="176"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>`;
    const bytes = zipSync({
      'word/document.xml': strToU8(
        `<w:document ${W}><w:body>${paragraph(176, '甲')}${paragraph(2, '乙')}${paragraph(2, '丙')}</w:body></w:document>`,
      ),
      'word/numbering.xml': strToU8(numbering),
    });
    expect(docxListText(bytes).text.split('\n')).toEqual(['1.甲', '2.乙', '3.丙']);
  });
});

describe('what a reader does not see', () => {
  it('leaves out deleted and hidden text and the table of contents, and keeps inserted text', async () => {
    const edited = new Paragraph({
      children: [
        new TextRun('负责'),
        new DeletedTextRun({ id: 1, author: 'a', date: '2025-07-01T00:00:00Z', text: '已删除' }),
        new InsertedTextRun({ id: 2, author: 'a', date: '2025-07-01T00:00:00Z', text: '本镇' }),
        new TextRun({ text: '隐藏', vanish: true }),
        new TextRun('工作'),
      ],
    });
    const toc = new TableOfContents('目录', { cachedEntries: [{ title: '基本履职事项清单', level: 1, page: 1 }] });
    expect(await lines([toc, edited])).toEqual(['负责本镇工作']);
  });
});

describe('files that are not a readable .docx are refused with what they are', () => {
  const zip = (files: Record<string, string>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
  const refusal = (bytes: Uint8Array) => {
    try {
      readListFile('清单.docx', bytes);
      return '';
    } catch (error) {
      expect(error).toBeInstanceOf(ListFileError);
      return (error as Error).message;
    }
  };
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

  it.each([
    ['text saved as .docx', strToU8('序号\t事项类别'), /^清单\.docx: not a Word \.docx file \(it is not a zip archive\)$/],
    [
      'an old .doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /an old Word \.doc file or a password-protected \.docx/,
    ],
    ['a zip cut short', zip({ 'word/document.xml': `<w:document ${W}/>` }).subarray(0, 40), /zip archive is damaged or cut short/],
    [
      'a zip without word/document.xml',
      zip({ 'xl/workbook.xml': '<workbook/>' }),
      /a zip archive without word\/document\.xml: not a Word \.docx/,
    ],
    ['broken XML', zip({ 'word/document.xml': `<w:document ${W}><w:body><w:p></w:body>` }), /word\/document\.xml is not well-formed XML/],
    ['a document without a body', zip({ 'word/document.xml': `<w:document ${W}/>` }), /word\/document\.xml has no body/],
  ])('%s', (_, bytes, message) => {
    expect(refusal(bytes)).toMatch(message);
  });

  it('names the table row the parser refuses', async () => {
    const row = (...cells: string[]) => new TableRow({ children: cells.map((c) => cell(c)) });
    const bytes = await docx([
      new Paragraph('昌吉州奇台县测试镇基本履职事项清单'),
      new Table({ rows: [row('序号', '事项类别', '事项名称'), row('1', '党的建设', '甲'), row('3', '党的建设', '丙')] }),
    ]);
    expect(refusal(bytes)).toBe('清单.docx:table 1, row 3: 序号 skips from 1 to 3 in the 基本履职事项清单');
  });
});
