/**
 * The malformed files #11 names beyond one per refusal (refusal-reasons.test.ts has those): files
 * that are something else under a list's name, a Word document with no table, a zip bomb, a 100 KB
 * cell, text cut inside a character. Each goes through both readers a user meets: the build
 * (`readSource`, a folder holding that file) and the page's import (`readList`, then the Chinese
 * sentence). Each must be refused — or, for the long cell, read — with the file named, the line or
 * table row where the file has one, and within a second (the time each took is printed; the test
 * allows five, so a loaded machine does not fail it, while a reader that inflates a bomb or loops
 * still does).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INPUT } from '../../../scripts/build-db';
import { readSource } from '../../../scripts/lib/read-source';
import { loadPlaceTable } from '../../../scripts/lib/load-place-table';
import { readList } from '../../../src/lib/import/add-lists';
import { describeListProblem } from '../../../src/lib/import/describe-list-problem';
import type { PlaceTable } from '../../../src/lib/model/place-table';
import { listToDocx } from './docx-fixture';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const encode = (text: string) => new TextEncoder().encode(text);
const zip = (files: Record<string, string | Uint8Array>, level: 0 | 9 = 9) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, body]) => [name, typeof body === 'string' ? strToU8(body) : body])), {
    level,
  });

/** The first bytes of a PNG, and a minimal PDF: what a scan or an export looks like to a reader. */
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
]);
const PDF = encode('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
/** An .xlsx: a zip of spreadsheet parts. */
const XLSX = () => zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<worksheet/>' });

let places: PlaceTable;
let lines: string[];

beforeAll(() => {
  places = loadPlaceTable();
  const first = readdirSync(DEFAULT_INPUT)
    .filter((f) => f.endsWith('.txt'))
    .sort()[0];
  lines = readFileSync(join(DEFAULT_INPUT, first), 'utf8').split(/\r?\n/);
});

/** The line of the first row of the basic list, and the list with its name cell replaced. */
const firstRow = () => lines.findIndex((l) => /^1\t/.test(l)) + 1;
const withFirstName = (name: string) =>
  lines.map((l, i) =>
    i + 1 === firstRow()
      ? l
          .split('\t')
          .map((c, j) => (j === 2 ? name : c))
          .join('\t')
      : l,
  );

interface Case {
  file: () => Promise<{ name: string; bytes: Uint8Array }> | { name: string; bytes: Uint8Array };
  /** Read rather than refused: a long cell is a duty, if a long one. */
  reads?: true;
  /** Where the refusal must point: a line, a table's row, or nowhere in particular. */
  at?: RegExp;
  /** The refusal it must be, where only one is right. */
  kind?: string;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A .docx whose word/document.xml is `size` spaces, deflated by zlib (fflate's own deflate takes
 * seconds for this much), declaring `declared` bytes once inflated: a zip written by hand, one
 * local header, one central directory record, the end record.
 */
function bomb(size: number, declared = size): Uint8Array {
  const body = new Uint8Array(size).fill(0x20);
  const data = deflateRawSync(body, { level: 9 });
  const name = new TextEncoder().encode('word/document.xml');
  const crc = crc32(body);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint16(8, 8, true); // deflate
  local.setUint32(14, crc, true);
  local.setUint32(18, data.length, true);
  local.setUint32(22, declared, true);
  local.setUint16(26, name.length, true);
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(4, 20, true);
  central.setUint16(6, 20, true);
  central.setUint16(10, 8, true);
  central.setUint32(16, crc, true);
  central.setUint32(20, data.length, true);
  central.setUint32(24, declared, true);
  central.setUint16(28, name.length, true);
  central.setUint32(42, 0, true); // the local header's offset
  const centralAt = 30 + name.length + data.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, 46 + name.length, true);
  end.setUint32(16, centralAt, true);
  const parts = [new Uint8Array(local.buffer), name, data, new Uint8Array(central.buffer), name, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const CASES: Record<string, Case> = {
  'an .xlsx renamed .txt': { file: () => ({ name: '清单.txt', bytes: XLSX() }) },
  'an .xlsx renamed .docx': { file: () => ({ name: '清单.docx', bytes: XLSX() }) },
  'a PDF renamed .txt': { file: () => ({ name: '清单.txt', bytes: PDF }) },
  'a PDF renamed .docx': { file: () => ({ name: '清单.docx', bytes: PDF }) },
  'a PNG renamed .txt': { file: () => ({ name: '扫描件.txt', bytes: PNG }) },
  'a PNG renamed .docx': { file: () => ({ name: '扫描件.docx', bytes: PNG }) },
  'a .docx with paragraphs and no table': {
    file: () => ({
      name: '清单.docx',
      bytes: zip({
        'word/document.xml': `<w:document ${W}><w:body>${lines
          .slice(0, 40)
          .map((l) => `<w:p><w:r><w:t>${l.replace(/[<&]/g, '')}</w:t></w:r></w:p>`)
          .join('')}</w:body></w:document>`,
      }),
    }),
  },
  // 64 MB of one byte (six times what a part may hold) deflated to 64 KB, declared honestly; and the same declaring 1 KB.
  'a zip bomb': { file: () => ({ name: '清单.docx', bytes: bomb(64 << 20) }), kind: 'part-too-large' },
  'a zip bomb that lies about its size': { file: () => ({ name: '清单.docx', bytes: bomb(64 << 20, 1024) }), kind: 'part-too-large' },
  'UTF-16 without a BOM': {
    file: () => {
      const text = lines.join('\n');
      const bytes = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true);
      return { name: '清单.txt', bytes };
    },
  },
  'NUL bytes inside a list': {
    file: () => ({ name: '清单.txt', bytes: encode(lines.map((l, i) => (i === 30 ? `${l}\u0000` : l)).join('\n')) }),
    at: /^31$/,
  },
  'a character cut at the end': { file: () => ({ name: '清单.txt', bytes: encode(lines.join('\n')).slice(0, -1 - 1) }), at: /^\d+$/ },
  'a 100 KB cell': {
    file: () => ({ name: '清单.txt', bytes: encode(withFirstName(`负责${'很长的事项名称'.repeat(5000)}。`).join('\n')) }),
    reads: true,
  },
  'a 100 KB cell in a Word table': {
    file: async () => ({ name: '清单.docx', bytes: await listToDocx(withFirstName(`负责${'很长的事项名称'.repeat(5000)}。`).join('\n')) }),
    reads: true,
  },
};

/** Builds never log a reader's time by themselves; the figures are printed here for the README. */
const timings: string[] = [];

describe('malformed files, in the build and in the import', () => {
  it.each(Object.entries(CASES))('%s', async (what, { file, reads, at, kind }) => {
    const { name, bytes } = await file();
    const dir = mkdtempSync(join(tmpdir(), 'duty-atlas-corpus-'));
    writeFileSync(join(dir, name), bytes);

    let started = performance.now();
    const built = readSource(dir, name, places);
    const buildMs = performance.now() - started;
    started = performance.now();
    const { report } = readList(name, bytes, places);
    const importMs = performance.now() - started;
    timings.push(`${what}: build ${buildMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms`);
    expect(buildMs, 'build reader time').toBeLessThan(5000);
    expect(importMs, 'import reader time').toBeLessThan(5000);

    if (reads) {
      expect('list' in built, JSON.stringify(built).slice(0, 300)).toBe(true);
      expect(report.problems).toEqual([]);
      return;
    }
    // The build: `path[:where]: reason`, naming the file.
    expect('problem' in built).toBe(true);
    const problem = (built as { problem: string }).problem;
    expect(problem.startsWith(join(dir, name))).toBe(true);
    // The import: one problem, said in Chinese, with no English left and no reader fault.
    expect(report.file).toBe(name);
    expect(report.problems).toHaveLength(1);
    const [p] = report.problems;
    expect(p.refusal.kind).not.toBe('unexpected');
    if (kind) expect(p.refusal.kind).toBe(kind);
    const sentence = describeListProblem(p);
    expect(sentence).toMatch(/[\u4e00-\u9fff]/);
    expect(sentence).not.toMatch(/\b(the|file|line|not|is)\b/);
    if (at) {
      expect(p.at).not.toBeNull();
      const line = typeof p.at === 'object' && p.at !== null && 'line' in p.at ? String(p.at.line) : JSON.stringify(p.at);
      expect(line).toMatch(at);
      expect(problem).toMatch(new RegExp(`^${join(dir, name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `));
    }
  });

  it('prints what each took', () => {
    console.info(`malformed corpus, time to refuse or read:\n${timings.join('\n')}`);
    expect(timings).toHaveLength(Object.keys(CASES).length);
  });
});
