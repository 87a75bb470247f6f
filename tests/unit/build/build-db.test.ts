import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { zipSync } from 'fflate';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLACE_TABLE_FILE } from '../../../src/lib/atlas/parts';
import { XINJIANG_CODE, type PlaceTable } from '../../../src/lib/model/place-table';
import { listToDocx } from '../import/docx-fixture';
import { encodeGb18030 } from '../import/encode';

/** The build script as a user runs it: `npm run build:db -- --input DIR --out FILE`. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RAW = join(ROOT, 'data/raw');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const build = (input: string, out: string) =>
  spawnSync(TSX, ['scripts/build-db.ts', '--input', input, '--out', out, '--quiet'], { cwd: ROOT, encoding: 'utf8' });

const work = mkdtempSync(join(tmpdir(), 'duty-atlas-build-'));
const goodOut = join(work, 'good.sqlite');
let firstRun: ReturnType<typeof build>;

beforeAll(() => {
  firstRun = build(RAW, goodOut);
}, 60_000);

/** A township's id as SQL, by its name: ids come from the documents, so a test names townships as the lists do. */
const idNamed = (name: string) => `(SELECT id FROM townships WHERE name = '${name}')`;

/** A copy of the real lists with one file replaced by `bytes`. */
function inputWith(name: string, bytes: Uint8Array | string): string {
  const dir = mkdtempSync(join(work, 'input-'));
  for (const f of readdirSync(RAW)) copyFileSync(join(RAW, f), join(dir, f));
  writeFileSync(join(dir, name), bytes);
  return dir;
}

describe('npm run build:db', () => {
  it('builds the database from the five lists', async () => {
    expect(firstRun.status, firstRun.stderr).toBe(0);
    expect(firstRun.stdout).toMatch(/5 townships, 1237 items/);
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(goodOut));
    const [[items]] = db.exec('SELECT count(*) FROM items')[0].values;
    expect(items).toBe(1237);
    const lists = db.exec(`SELECT list, count(*) FROM items WHERE township_id = ${idNamed('伊拉湖镇')} GROUP BY list ORDER BY list`)[0]
      .values;
    expect(lists).toEqual([
      ['basic', 110],
      ['coop', 101],
      ['reclaimed', 34],
    ]);
    db.close();
  });

  it.each([
    ['an empty file', new Uint8Array(), /empty\.txt:1: the file is empty/],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), /binary\.txt:1: binary data/],
    ['a file with no list', '履职事项清单\n2025年7月\n', /nolist\.txt:1: no duty list found/],
  ])('refuses %s, naming the file and line, and leaves the last good database byte for byte', (_, bytes, message) => {
    const before = readFileSync(goodOut);
    const name = String(message).match(/(\w+)\\\.txt/)![1] + '.txt';
    const result = build(inputWith(name, bytes), goodOut);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(readFileSync(goodOut).equals(before)).toBe(true);
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses broken .docx lists, each with its file and what is wrong, down to the table row, and leaves the last good database', async () => {
    // A real list as .docx with one row gone, so its 序号 skips: the parser refuses it at that table row.
    const [listFile] = readdirSync(RAW);
    const rows = readFileSync(join(RAW, listFile), 'utf8').split('\n');
    const dropped = rows.findIndex((line, i) => /^2\t/.test(line) && /^1\t/.test(rows[i - 1]));
    const gap = await listToDocx(rows.filter((_, i) => i !== dropped).join('\n'));
    const input = inputWith('损坏的清单.docx', new TextEncoder().encode('这不是 Word 文件'));
    writeFileSync(join(input, '空壳.docx'), zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') }));
    writeFileSync(join(input, '清单 第二版.docx'), gap);
    const before = readFileSync(goodOut);
    const result = build(input, goodOut);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/损坏的清单\.docx: not a Word \.docx file \(it is not a zip archive\)/);
    expect(result.stderr).toMatch(/空壳\.docx: a zip archive without word\/document\.xml/);
    expect(result.stderr).toMatch(/清单 第二版\.docx:table 1, row \d+: 序号 skips from 1 to 3 in the 基本履职事项清单/);
    expect(readFileSync(goodOut).equals(before)).toBe(true);
  });

  it('writes the region’s place table beside the parts, for the browser’s import, holding every township it placed', async () => {
    const table = JSON.parse(gunzipSync(readFileSync(join(work, PLACE_TABLE_FILE))).toString('utf8')) as PlaceTable;
    expect(table.townships.length).toBeGreaterThan(1000);
    expect(table.townships.every((t) => t.provinceCode === XINJIANG_CODE)).toBe(true);
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(goodOut));
    const codes = (db.exec('SELECT code FROM townships WHERE code IS NOT NULL')[0]?.values ?? []).map(([c]) => String(c));
    db.close();
    expect(codes.length).toBeGreaterThan(0);
    const known = new Set(table.townships.map((t) => t.code));
    expect(codes.filter((c) => !known.has(c))).toEqual([]);
  });

  it('serves a complete database it is given (--database), as 导出数据库 writes it, and refuses one that is not', async () => {
    const out = join(work, 'from-db', 'duties.sqlite');
    const run = spawnSync(TSX, ['scripts/build-db.ts', '--database', goodOut, '--out', out, '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(Buffer.compare(readFileSync(out), readFileSync(goodOut))).toBe(0);
    const served = (dir: string) => readdirSync(join(dir, 'atlas'), { recursive: true }).map(String).sort();
    expect(served(join(work, 'from-db'))).toEqual(served(work));
    const SQL = await initSqlJs();
    const summary = new SQL.Database(gunzipSync(readFileSync(join(work, 'from-db', 'atlas/summary.sqlite.gz'))));
    const fromDb = Number(summary.exec('SELECT count(*) FROM townships')[0].values[0][0]);
    summary.close();
    const complete = new SQL.Database(readFileSync(goodOut));
    expect(fromDb).toBe(Number(complete.exec('SELECT count(*) FROM townships')[0].values[0][0]));
    complete.close();

    const broken = join(work, '坏的.sqlite');
    writeFileSync(broken, '这不是数据库');
    const before = readFileSync(out);
    const refused = spawnSync(TSX, ['scripts/build-db.ts', '--database', broken, '--out', out, '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${broken}: not a SQLite database`);
    expect(Buffer.compare(readFileSync(out), before)).toBe(0);
  });

  it('refuses a real list with a stated count changed, at the line of the 说明', () => {
    const text = readFileSync(join(RAW, 'toksun-yilahu.txt'), 'utf8').replace('上级部门收回事项 34 项', '上级部门收回事项 37 项');
    const before = readFileSync(goodOut);
    const result = build(inputWith('toksun-yilahu.txt', text), goodOut);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/toksun-yilahu\.txt:17: the 说明 states 37 reclaimed items, the list holds 34/);
    expect(readFileSync(goodOut).equals(before)).toBe(true);
  });

  it('accepts a list saved as GB18030 with CRLF line ends and reads the same text', async () => {
    const utf8 = readFileSync(join(RAW, 'manas-liangzhouhu.txt'), 'utf8').replace(/\n/g, '\r\n');
    // Node can decode GB18030 but not encode it; the helper below builds the inverse of TextDecoder's table.
    const gb = encodeGb18030(utf8);
    const out = join(work, 'gb.sqlite');
    const result = build(inputWith('manas-liangzhouhu.txt', gb), out);
    expect(result.status, result.stderr).toBe(0);
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(out));
    const rows = db.exec(`SELECT count(*), max(name = '收养登记') FROM items WHERE township_id = ${idNamed('凉州户镇')}`)[0].values;
    expect(rows).toEqual([[250, 1]]);
    db.close();
  });
});
