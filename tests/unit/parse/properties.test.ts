/**
 * Property-based tests of the parser (#11), with fast-check over generated lists: valid ones built
 * from generated rows, and the same damaged at random. 1,000 cases per property here; FUZZ_RUNS=N
 * runs more (`npm run fuzz`). A failing case is kept as a fixture in tests/unit/parse/fixtures/fuzz/
 * (keep-counterexample.ts) and tried first by every later run; FUZZ_SEED=… FUZZ_PATH=… replays a run.
 *
 * - Whatever the text, the parser returns a document or its own ParseError naming a line of the
 *   text, never another exception.
 * - CRLF line ends, a BOM and the header row repeated at page breaks change nothing parsed.
 * - Steps written numbered, as paragraphs or as list items parse back to the steps written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellSteps, parseDocument, ParseError, type ParsedDocument } from '../../../src/lib/parse';
import { assertKeeping } from './keep-counterexample';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const replay = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH } : {};
const params = { numRuns: RUNS, ...replay };
/** About 6 ms a case for the slowest property here; room for a loaded machine. */
const TIMEOUT = Math.max(60_000, RUNS * 30);

// ─── generators ─────────────────────────────────────────────────────────────

/** Characters a cell's text is made of: Chinese, full-width and ASCII punctuation and digits, brackets. */
const TEXT_CHARS = [
  ...'乡镇村党建设服务管理负责开展组织工作协助农业畜牧林草民政卫生健康安全生产消防应急水利交通环境保护宣传教育登记审核上报落实',
  ...'，、：“”‘’（）《》〈〉【】…—·．％＋－０１２３４５６７８９',
  ...'<>&"\'/\\$%_-+=*#@!?.,;: abcXYZ0123456789',
];
const textChar = fc.constantFrom(...TEXT_CHARS);
/** Free text of a cell, with the names a careless object lookup would trip on among it. */
const cellText = (maxLength: number) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: textChar, minLength: 1, maxLength }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '<镇>', '&lt;p&gt;', '<script>x</script>'),
    },
  );
/** Text that is a cell by itself: no tab or line break, not blank, and not ending where the parser expects more. */
const plainCell = (maxLength = 40) => cellText(maxLength).map((t) => `${t.replace(/\s+/g, ' ').trim() || '事项'}。`);

/** The text of one step: Chinese and punctuation without numbering marks or step separators. */
const stepText = fc
  .string({
    unit: fc.constantFrom(...'乡镇村党建设服务管理负责开展组织工作协助农业登记审核上报落实“”（）《》—'),
    minLength: 1,
    maxLength: 30,
  })
  .filter((s) => !/^[（(]/.test(s));

type StepStyle = 'numbered' | 'paragraphs' | 'list';
/** A cell of steps in one of the ways the published lists write them. */
function stepsCell(steps: string[], style: StepStyle): string {
  if (style === 'numbered') return steps.map((s, i) => `${i + 1}.${s}；`).join(' ');
  if (style === 'paragraphs') return steps.map((s, i) => `<p>${i + 1}.${s}；</p>`).join(' ');
  return `<ol>${steps.map((s) => `<li>${s}；</li>`).join(' ')}</ol>`;
}
const steps = fc.array(stepText, { minLength: 1, maxLength: 6 });
const stepStyle = fc.constantFrom<StepStyle>('numbered', 'paragraphs', 'list');

const category = fc.constantFrom('党的建设', '乡村振兴', '民生服务', '平安法治', '__proto__', 'constructor', '<镇>建设');
const department = fc.constantFrom('玛纳斯县农业农村局', '玛纳斯县民政局', '县应急管理局', '昌吉州生态环境局玛纳斯县分局', 'constructor');

interface GeneratedList {
  basic: string[][];
  coop: string[][];
  reclaimed: string[][];
}
const basicRow = fc.tuple(category, plainCell());
const coopRow = fc.tuple(category, plainCell(), department, steps, stepStyle, steps, stepStyle);
const reclaimedRow = fc.tuple(category, plainCell(), department, steps, stepStyle);
const generatedList: fc.Arbitrary<GeneratedList> = fc.record({
  basic: fc.array(basicRow, { minLength: 1, maxLength: 8 }).map((rows) => rows.map(([c, n]) => [c, n])),
  coop: fc
    .array(coopRow, { minLength: 1, maxLength: 5 })
    .map((rows) => rows.map(([c, n, d, ds, dstyle, ts, tstyle]) => [c, n, d, stepsCell(ds, dstyle), stepsCell(ts, tstyle)])),
  reclaimed: fc
    .array(reclaimedRow, { minLength: 1, maxLength: 5 })
    .map((rows) => rows.map(([c, n, d, rs, style]) => [c, n, `${d}：${stepsCell(rs, style)}`])),
});

const TITLE = '昌吉州玛纳斯县无题镇';
const HEADERS = {
  basic: '序号\t事项类别\t事项名称',
  coop: '序号\t事项类别\t事项名称\t对应上级部门\t上级部门职责\t无题镇配合职责',
  reclaimed: '序号\t事项类别\t事项名称\t承接部门及工作方式',
};
const SECTIONS = { basic: '基本履职事项清单', coop: '配合履职事项清单', reclaimed: '上级部门收回事项清单' };

/** The lines of a list, with the header row repeated before the rows whose index is in `pageBreaks`. */
function documentLines(list: GeneratedList, pageBreaks: ReadonlySet<number> = new Set()): string[] {
  const lines: string[] = [];
  let row = 0;
  for (const kind of ['basic', 'coop', 'reclaimed'] as const) {
    lines.push('', `${TITLE}${SECTIONS[kind]}`, '', HEADERS[kind]);
    list[kind].forEach((cells, i) => {
      if (pageBreaks.has(row++)) lines.push(HEADERS[kind]);
      lines.push([String(i + 1), ...cells].join('\t'));
    });
  }
  return lines;
}

// ─── helpers ────────────────────────────────────────────────────────────────

/** Parses, returning the document or the refusal; any other exception fails the property. */
function parseOrRefuse(text: string): ParsedDocument | ParseError {
  try {
    return parseDocument(text, 'generated.txt');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
}

/** What a reader sees of a document: everything but the lines items were read from. */
const content = (doc: ParsedDocument) => ({ ...doc, items: doc.items.map(({ line: _line, ...item }) => item) });

// ─── properties ─────────────────────────────────────────────────────────────

describe('the parser, over generated lists', () => {
  it(
    'parses every generated list, each row an item',
    () => {
      assertKeeping(
        'generated-rows',
        fc.property(generatedList, (list) => {
          const doc = parseDocument(documentLines(list).join('\n'), 'generated.txt');
          expect(doc.items.filter((i) => i.list === 'basic')).toHaveLength(list.basic.length);
          expect(doc.items.filter((i) => i.list === 'coop')).toHaveLength(list.coop.length);
          expect(doc.items.filter((i) => i.list === 'reclaimed')).toHaveLength(list.reclaimed.length);
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'reads the same list whatever the line ends, with or without a BOM, with the header repeated at page breaks',
    () => {
      assertKeeping(
        'line-ends-bom-page-breaks',
        fc.property(generatedList, fc.uniqueArray(fc.nat(20)), fc.constantFrom('\r\n', '\r'), fc.boolean(), (list, breaks, eol, bom) => {
          const plain = content(parseDocument(documentLines(list).join('\n'), 'generated.txt'));
          const varied = `${bom ? '\uFEFF' : ''}${documentLines(list, new Set(breaks)).join(eol)}`;
          expect(content(parseDocument(varied, 'generated.txt'))).toEqual(plain);
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'returns a document or its own refusal naming a line of the text, whatever the damage',
    () => {
      /** Damage to one line: cut it, double it, drop it, swap a tab, splice junk into it. */
      const damage = fc.record({
        at: fc.nat(),
        how: fc.constantFrom('cut', 'double', 'drop', 'tab', 'junk', 'heading', 'long'),
        junk: fc.string({
          unit: fc.oneof(textChar, fc.constantFrom('\t', '#', '序号', '1.', '<p>', '</p>', '\u0000', '\uFFFD')),
          maxLength: 20,
        }),
        cut: fc.nat(),
      });
      assertKeeping(
        'damaged-lists',
        fc.property(generatedList, fc.array(damage, { minLength: 1, maxLength: 4 }), (list, damages) => {
          const lines = documentLines(list);
          for (const d of damages) {
            const i = d.at % lines.length;
            const line = lines[i];
            if (d.how === 'cut') lines[i] = line.slice(0, d.cut % (line.length + 1));
            else if (d.how === 'double') lines.splice(i, 0, line);
            else if (d.how === 'drop') lines.splice(i, 1);
            else if (d.how === 'tab') lines[i] = line.replace('\t', d.junk);
            else if (d.how === 'heading') lines[i] = `# ${line}`;
            else if (d.how === 'long') lines[i] = `${line}${'很长的单元格'.repeat(20_000)}`;
            else lines[i] = `${line.slice(0, d.cut % (line.length + 1))}${d.junk}${line.slice(d.cut % (line.length + 1))}`;
          }
          const text = lines.join('\n');
          const result = parseOrRefuse(text);
          if (result instanceof ParseError) {
            expect(result.file).toBe('generated.txt');
            expect(result.line).toBeGreaterThanOrEqual(0);
            expect(result.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
            expect(result.message).toContain(`generated.txt:${result.line}: `);
          } else expect(result.items.length).toBeGreaterThan(0);
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'returns a document or its own refusal for any text at all',
    () => {
      const anyLine = fc.string({
        unit: fc.oneof(textChar, fc.constantFrom('\t', '序号', '清单', '基本履职事项清单', '1\t', '#')),
        maxLength: 60,
      });
      assertKeeping(
        'any-text',
        fc.property(fc.array(anyLine, { maxLength: 30 }), (lines) => {
          const result = parseOrRefuse(lines.join('\n'));
          if (result instanceof ParseError) expect(result.message).toMatch(/^generated\.txt:\d+: /);
        }),
        params,
      );
    },
    TIMEOUT,
  );
});

describe('steps, over generated cells', () => {
  it(
    'parse back to the steps written, numbered, as paragraphs or as list items',
    () => {
      assertKeeping(
        'steps-round-trip',
        fc.property(steps, stepStyle, (written, style) => {
          const groups = parseCellSteps(stepsCell(written, style));
          expect(groups.flatMap((g) => g.steps)).toEqual(written.map((s) => s.trim()));
        }),
        params,
      );
    },
    TIMEOUT,
  );
});
