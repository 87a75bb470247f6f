import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INPUT, readSources } from '../../../scripts/build-db';
import { loadPlaceTable } from '../../../scripts/lib/load-place-table';
import { writeDatabase } from '../../../src/lib/db/write-database';
import { previewImport, readList, type ListProblem } from '../../../src/lib/import/add-lists';
import { describeListProblem } from '../../../src/lib/import/describe-list-problem';
import { MAX_PART_BYTES } from '../../../src/lib/import/docx/container';
import { MAX_TEXT_BYTES } from '../../../src/lib/import/list-file';
import type { ListRefusalKind } from '../../../src/lib/import/list-refusal';
import { readCompleteDatabase } from '../../../src/lib/import/read-database';
import { assembleAtlas } from '../../../src/lib/model/assemble';
import { withPlaceTable } from '../../../src/lib/model/department-places';
import type { PlaceTable } from '../../../src/lib/model/place-table';
import { parseDocument, type ListKind, type ParsedDocument } from '../../../src/lib/parse';
import { IMPORT_STRINGS } from '../../../src/lib/ui/strings';
import { listToDocx } from './docx-fixture';

/**
 * Every reason the import can refuse a file, provoked by a file a user might drop — a bundled list
 * broken the way lists break, or something that is no list — and said in Chinese: what is wrong and
 * where, with the figures the file holds. CASES is typed over every refusal kind, so a new kind does
 * not compile until it has a case here (and a sentence in IMPORT_STRINGS.refusals).
 */
const DATA = join(DEFAULT_INPUT, '..');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const encode = (text: string) => new TextEncoder().encode(text);
const zip = (files: Record<string, string | Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, body]) => [name, typeof body === 'string' ? strToU8(body) : body])));

let places: PlaceTable;
/** The first bundled list, its lines and what it parses into. */
let list: { name: string; lines: string[]; document: ParsedDocument };

beforeAll(() => {
  places = loadPlaceTable();
  const name = readdirSync(DEFAULT_INPUT)
    .filter((f) => f.endsWith('.txt'))
    .sort()[0];
  const text = readFileSync(join(DEFAULT_INPUT, name), 'utf8');
  list = { name, lines: text.split(/\r?\n/), document: parseDocument(text, name) };
});

// Editing the list: line numbers are 1-based, as the parser's.
const items = (kind: ListKind) => list.document.items.filter((i) => i.list === kind);
const cellsAt = (line: number) => list.lines[line - 1].split('\t');
/** The list with line `line` replaced by `by` (no lines to delete it, several to insert). */
const edited = (line: number, ...by: string[]) => [...list.lines.slice(0, line - 1), ...by, ...list.lines.slice(line)];
const withCell = (line: number, cell: number, text: string) => {
  const cells = cellsAt(line);
  cells[cell] = text;
  return edited(line, cells.join('\t'));
};
/** The line of the section title a list starts with (not a table-of-contents line, which ends in a page number). */
const lastLineBefore = (line: number, test: (text: string) => boolean) => {
  for (let n = line - 1; n > 0; n--) if (test(list.lines[n - 1])) return n;
  throw new Error(`nothing before line ${line}`);
};
const titleLine = (kind: ListKind) => {
  const title = { basic: /基本履职事项清单$/, coop: /配合履职事项清单$/, reclaimed: /收回事项清单$/ }[kind];
  return lastLineBefore(items(kind)[0].line, (l) => title.test(l.replace(/^#+\s*/, '').trim()));
};
const headerLine = (kind: ListKind) => lastLineBefore(items(kind)[0].line, (l) => /^序号\t/.test(l));
const TOC = /^\d+\s*[.．、]\s*(?:基本履职|配合履职|上级部门收回)事项清单/;

interface Case {
  /** The file a user drops. */
  file: () => { name: string; bytes: Uint8Array } | Promise<{ name: string; bytes: Uint8Array }>;
  /** What the Chinese must say: where first, then the figures and words of the file. */
  says: () => (string | RegExp)[];
}

const text = (lines: string[], name = '清单.txt') => ({ name, bytes: encode(lines.join('\n')) });
const at = (line: number) => `第 ${line} 行：`;

const CASES: Record<Exclude<ListRefusalKind, 'same-township' | 'unexpected'>, Case> = {
  // The file as a whole.
  'not-a-list-format': { file: () => ({ name: '清单.doc', bytes: encode('清单') }), says: () => ['.doc', '另存为', '.docx'] },
  'too-large': {
    file: () => text([...list.lines, '\n'.repeat(MAX_TEXT_BYTES)]),
    says: () => ['10.0 MB', '上限'],
  },
  // Text.
  empty: { file: () => text(['', '   ', '']), says: () => [/^文件是空的/] },
  'utf16-odd-length': {
    file: () => ({ name: 'a.txt', bytes: new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42]) }),
    says: () => ['UTF-16', '重新获取'],
  },
  'utf16-invalid': { file: () => ({ name: 'a.txt', bytes: new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0]) }), says: () => ['UTF-8'] },
  'utf16-without-bom': {
    file: () => ({ name: 'a.txt', bytes: new Uint8Array([0x41, 0, 0x42, 0, 0x0a, 0]) }),
    says: () => ['UTF-16', '另存为'],
  },
  'binary-nul': { file: () => ({ name: 'a.txt', bytes: encode('序号\n事项\n\u0000') }), says: () => [at(3), '二进制'] },
  'binary-control': { file: () => ({ name: 'a.txt', bytes: encode('序号\n\u0001') }), says: () => [at(2), 'U+0001'] },
  'utf8-cut-short': { file: () => ({ name: 'a.txt', bytes: encode('序号\n事项').slice(0, -1) }), says: () => [at(2), '不完整'] },
  'unknown-encoding': { file: () => ({ name: 'a.txt', bytes: new Uint8Array([0xff, 0x41, 0x41, 0x41, 0x41]) }), says: () => ['GB18030'] },
  // A Word document.
  'old-doc-or-protected': {
    file: () => ({ name: '清单.docx', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }),
    says: () => ['.doc', '密码'],
  },
  'not-zip': { file: () => ({ name: '清单.docx', bytes: encode(list.lines.join('\n')) }), says: () => ['不是 Word 文档'] },
  'zip-damaged': {
    file: async () => {
      const docx = await listToDocx(list.lines.join('\n'));
      return { name: '清单.docx', bytes: docx.slice(0, docx.length / 2) };
    },
    says: () => ['损坏或不完整'],
  },
  'part-too-large': {
    file: () => ({ name: '清单.docx', bytes: zip({ 'word/document.xml': new Uint8Array(MAX_PART_BYTES + 1) }) }),
    says: () => ['word/document.xml', '10.0 MB'],
  },
  'no-document-part': { file: () => ({ name: '表格.docx', bytes: zip({ 'xl/workbook.xml': '<workbook/>' }) }), says: () => ['Excel'] },
  'malformed-xml': {
    file: () => ({ name: '清单.docx', bytes: zip({ 'word/document.xml': `<w:document ${W}><w:body>` }) }),
    says: () => ['word/document.xml', '损坏'],
  },
  'no-body': { file: () => ({ name: '清单.docx', bytes: zip({ 'word/document.xml': `<w:document ${W}/>` }) }), says: () => ['没有正文'] },
  // The list.
  'unrecognised-header': {
    file: () => text(edited(headerLine('basic'), '序号\t甲\t乙\t丙\t丁')),
    says: () => [at(headerLine('basic')), '5 列', '甲｜乙｜丙｜丁'],
  },
  'header-of-other-list': {
    file: () => text(edited(items('basic')[0].line, list.lines[items('basic')[0].line - 1], list.lines[headerLine('coop') - 1])),
    says: () => [at(items('basic')[0].line + 1), '基本履职事项清单中出现了配合履职事项清单的表头'],
  },
  'row-before-header': { file: () => text(['1\t党的建设\t某项工作', ...list.lines]), says: () => [at(1), '表头'] },
  'seq-out-of-order': {
    file: () => text(edited(items('basic')[0].line, list.lines[items('basic')[0].line - 1], list.lines[items('basic')[0].line - 1])),
    says: () => [at(items('basic')[0].line + 1), '序号 1 重复', `上一行是第 ${items('basic')[0].line} 行的序号 1`],
  },
  'seq-skipped': {
    file: () => text(edited(items('basic')[1].line)),
    says: () => [at(items('basic')[2].line - 1), '从 1 跳到了 3', '缺少序号 2'],
  },
  'wrong-cell-count': {
    file: () => text(edited(items('coop')[0].line, cellsAt(items('coop')[0].line).slice(0, 5).join('\t'))),
    says: () => [at(items('coop')[0].line), '有 5 个单元格', '每行应有 6 个'],
  },
  'empty-category': { file: () => text(withCell(items('basic')[0].line, 1, '')), says: () => [at(items('basic')[0].line), '事项类别'] },
  // In a coop row: a basic row's name is its last cell, and a line's trailing blanks are no cell.
  'empty-name': { file: () => text(withCell(items('coop')[0].line, 2, ' ')), says: () => [at(items('coop')[0].line), '事项名称'] },
  'unclosed-paragraph': {
    file: () => text(withCell(items('coop')[0].line, 5, `<p>${cellsAt(items('coop')[0].line)[5]}`)),
    says: () => [at(items('coop')[0].line), '<p>'],
  },
  'no-lead-department': {
    file: () => text(withCell(items('coop')[0].line, 3, '')),
    says: () => [at(items('coop')[0].line), '对应上级部门'],
  },
  'empty-receiver-steps': {
    file: () => text(withCell(items('reclaimed')[0].line, 3, '<p></p>')),
    says: () => [at(items('reclaimed')[0].line), '承接部门及工作方式'],
  },
  'truncated-last-row': {
    file: () => {
      const last = items('reclaimed').at(-1)!;
      const cells = cellsAt(last.line);
      return text([
        ...withCell(last.line, cells.length - 1, cells.at(-1)!.replace(/[。；;！!？?）)”">\s]+$/, '') + '和').slice(0, last.line),
      ]);
    },
    says: () => [at(items('reclaimed').at(-1)!.line), `序号 ${items('reclaimed').at(-1)!.seq}`, '不完整'],
  },
  'second-list': {
    file: () => text([...list.lines, list.lines[titleLine('basic') - 1]]),
    says: () => [at(list.lines.length + 1), `第一个从第 ${titleLine('basic')} 行开始`],
  },
  'unexpected-text': {
    file: () => text(edited(items('basic')[0].line, list.lines[items('basic')[0].line - 1], '附件：其他材料')),
    says: () => [at(items('basic')[0].line + 1), '“附件：其他材料”'],
  },
  'no-list': {
    file: () => text([...list.lines.slice(0, titleLine('basic') - 1), '工作总结']),
    says: () => [/^文件中没有找到履职事项清单/],
  },
  'contents-list-missing': {
    file: () =>
      text(['1. 基本履职事项清单.....\t1', '3. 上级部门收回事项清单.....\t9', ...list.lines.slice(0, titleLine('reclaimed') - 1)]),
    says: () => [/^目录（第 \d+ 行）列有上级部门收回事项清单/],
  },
  'list-missing': {
    file: () => text(list.lines.slice(0, titleLine('reclaimed') - 1).filter((l) => !TOC.test(l))),
    says: () => [/^文件中没有上级部门收回事项清单/],
  },
  'list-empty': {
    file: () => text(list.lines.filter((_, i) => !items('reclaimed').some((item) => item.line === i + 1))),
    says: () => [at(titleLine('reclaimed')), '上级部门收回事项清单只有标题'],
  },
  'no-place': {
    file: () =>
      text(
        list.lines
          .slice(titleLine('basic') - 1)
          .map((l) => /(基本履职事项清单|配合履职事项清单|上级部门收回事项清单)$/.exec(l.replace(/^#+\s*/, '').trim())?.[1] ?? l),
      ),
    says: () => [/^无法确定是哪个乡镇/],
  },
  'stated-counts': {
    file: () =>
      text([
        '共有履职事项 1 项，其中，基本履职事项 1 项、配合履职事项 1 项、上级部门收回事项 1 项。',
        '基本履职事项清单是本镇必须为、负全责的事项。主要包括党的建设 1 项等 1 个类别，共有基本履职事项 2 项。',
        ...list.lines,
      ]),
    says: () => [
      /^说明中的事项数与清单不符/,
      `说明写共有 1 项，三张清单实有 ${list.document.items.length} 项（第 1 行）`,
      `说明写基本履职事项清单 1 项，实有 ${items('basic').length} 项（第 1 行）`,
      `说明写基本履职事项清单 2 项，实有 ${items('basic').length} 项（第 2 行）`,

      /说明写基本履职事项清单中“党的建设” 1 项，实有 \d+ 项（第 2 行）/,
      new RegExp(`基本履职事项清单有“${items('basic').find((i) => i.category !== '党的建设')!.category}”类 \\d+ 项，说明中没有提到这一类`),
      // The rest are counted, not listed.
      /；另有 \d+ 处不符。请核对说明或清单。$/,
    ],
  },
};

/** Words a Chinese reader meets anyway: file types, encodings, Word's parts, a character's code. */
const NOT_ENGLISH = /\.docx|\.doc|\.txt|UTF-8|UTF-16|GB18030|Word|Excel|PowerPoint|KB|MB|word\/document\.xml|<p>|U\+[0-9A-F]{4}/g;

function problemOf(name: string, bytes: Uint8Array): ListProblem {
  const { report } = readList(name, bytes, places);
  expect(report.problems).toHaveLength(1);
  return report.problems[0];
}

function expectChinese(sentence: string, says: (string | RegExp)[]) {
  expect(sentence).toMatch(/[\u4e00-\u9fff]/);
  expect(sentence.replace(NOT_ENGLISH, ''), 'no English left in the sentence').not.toMatch(/[A-Za-z]{2,}/);
  for (const expected of says)
    if (typeof expected === 'string') expect(sentence).toContain(expected);
    else expect(sentence).toMatch(expected);
  if (typeof says[0] === 'string' && /^第 \d+ 行：$/.test(says[0]))
    expect(sentence.startsWith(says[0]), `starts with the place: ${sentence}`).toBe(true);
}

describe('every refusal in Chinese', () => {
  it('has a sentence for every kind, and a file that provokes it here', () => {
    expect(Object.keys(IMPORT_STRINGS.refusals).sort()).toEqual([...Object.keys(CASES), 'same-township', 'unexpected'].sort());
  });

  it.each(Object.entries(CASES))('%s', async (kind, { file, says }) => {
    const { name, bytes } = await file();
    const problem = problemOf(name, bytes);
    expect(problem.refusal.kind).toBe(kind);
    expectChinese(describeListProblem(problem), says());
  });

  it('same-township: a second file of one township, naming the first', async () => {
    const SQL = await initSqlJs();
    const aliases = withPlaceTable(JSON.parse(readFileSync(join(DATA, 'department-aliases.json'), 'utf8')), places);
    const overrides = JSON.parse(readFileSync(join(DATA, 'duty-group-overrides.json'), 'utf8'));
    const [source] = readSources(DEFAULT_INPUT, places).filter((s) => s.document.source === list.name);
    const base = readCompleteDatabase(SQL, writeDatabase(SQL, assembleAtlas([source], aliases, overrides)), 'base.sqlite');
    const bytes = encode(list.lines.join('\n'));
    const { reports } = previewImport(
      [
        { name: '甲.txt', bytes },
        { name: '乙.txt', bytes },
      ],
      base,
      { places, aliases, overrides },
    );
    expect(reports[1].problems[0].refusal.kind).toBe('same-township');
    expectChinese(describeListProblem(reports[1].problems[0]), ['「甲.txt」', source.place!.township]);
  });

  it('unexpected: a fault of the reader is reported with the file, asking for it to be sent on', () => {
    const problem = readList(list.name, encode(list.lines.join('\n')), null as unknown as PlaceTable).report.problems[0];
    expect(problem.refusal.kind).toBe('unexpected');
    expect(describeListProblem(problem)).toMatch(/^读取时出现意外错误，请把这个文件发给维护人员/);
  });
});

describe('a Word document is refused at its table rows', () => {
  it('names the table and row of a skipped 序号, and of the first list when a second one starts', async () => {
    const skipped = problemOf('清单.docx', await listToDocx(edited(items('basic')[1].line).join('\n')));
    expect(skipped.refusal.kind).toBe('seq-skipped');
    expect(skipped.at).toEqual({ table: 1, row: expect.any(Number) });
    expect(describeListProblem(skipped)).toMatch(/^第 1 个表格第 \d+ 行：基本履职事项清单的序号从 1 跳到了 3/);

    const twice = problemOf('清单.docx', await listToDocx([...list.lines, list.lines[titleLine('basic') - 1]].join('\n')));
    expect(twice.refusal.kind).toBe('second-list');
    expect(describeListProblem(twice)).toMatch(/（第一个从(正文第 \d+ 段|第 1 个表格第 1 行)开始）/);
  });

  it('keeps the English reason for the build, with the table row', async () => {
    const { readListFile } = await import('../../../src/lib/import/list-file');
    expect(() => readListFile('清单.docx', new Uint8Array([0x50, 0x4b, 1, 2]))).toThrow(/^清单\.docx: not a readable \.docx/);
  });
});

describe('data is shown as written', () => {
  it('puts what the file holds into the sentence as text, markup and all', () => {
    const line = items('basic')[0].line;
    const problem = problemOf('清单.txt', encode(edited(line, list.lines[line - 1], '<img src=x onerror=alert(1)>').join('\n')));
    expect(describeListProblem(problem)).toContain('“<img src=x onerror=alert(1)>”');
  });
});
