import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../../scripts/build-db';
import { formatBuildReport } from '../../../scripts/build-report';
import type { AtlasData } from '../../../src/lib/model/assemble';

/** The build's place resolution on real lists retitled the ways documents name their place. */
const RAW = fileURLToPath(new URL('../../../data/raw/', import.meta.url));
const raw = (file: string) => readFileSync(join(RAW, file), 'utf8');

/** 吉布库镇's list naming only the township: no title-page prefecture or county, section titles 吉布库镇…. */
const jibukuAlone = raw('qitai-jibuku.txt')
  .replace('新疆维吾尔自治区昌吉回族自治州\n奇台县吉布库镇\n', '吉布库镇\n')
  .replaceAll('昌吉州奇台县吉布库镇', '吉布库镇');
/** 新地乡's list naming only the township, which exists in two counties. */
const xindiAlone = raw('jimsar-xindi.txt')
  .replace(/新疆维吾尔自治区昌吉回族自治州\s*\n吉木萨尔县新地乡\s*\n/, '新地乡\n')
  .replaceAll('昌吉回族自治州吉木萨尔县新地乡', '新地乡');
/** 凉州户镇's list placing 玛纳斯县 in the wrong prefecture. */
const liangzhouhuElsewhere = raw('manas-liangzhouhu.txt').replaceAll('昌吉州玛纳斯县凉州户镇', '伊犁州玛纳斯县凉州户镇');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'duty-atlas-places-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('the build checks each list’s place against the place table', () => {
  let data: AtlasData;
  let rows: unknown[][];
  beforeAll(async () => {
    const input = folder({
      'jibuku.txt': jibukuAlone,
      'xindi.txt': xindiAlone,
      'liangzhouhu.txt': liangzhouhuElsewhere,
      'yilahu.txt': raw('toksun-yilahu.txt'),
    });
    const out = join(input, 'atlas.sqlite');
    data = (await buildDatabase(input, out)).data;
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(out));
    rows = db.exec('SELECT id, name, county, prefecture, code, county_code, prefecture_code, place_source FROM townships ORDER BY name')[0]
      .values;
    db.close();
  });

  it('writes codes and where the place came from into the townships table; a known township’s code is its id', () => {
    const derived = expect.stringMatching(/^x[0-9a-z]{11}$/);
    expect(rows).toEqual([
      ['650422104', '伊拉湖镇', '托克逊县', '吐鲁番市', '650422104', '650422', '6504', 'matched'],
      ['652324103', '凉州户镇', '玛纳斯县', '伊犁哈萨克自治州', '652324103', '652324', null, 'document'],
      ['652325103', '吉布库镇', '奇台县', '昌吉回族自治州', '652325103', '652325', '6523', 'filled'],
      [derived, '新地乡', '未知地区', '未知地区', null, null, null, 'unknown'],
    ]);
  });

  it('says so in the build report: a summary line and a line per township with its problem', () => {
    const report = formatBuildReport(data);
    expect(report).toContain('4 townships: 1 matched, 1 filled, 1 unknown (未知地区), 1 contradicting, 0 as written (not in the table)');
    expect(report).toMatch(/新地乡 \(xindi\.txt\): 未知地区, 未知地区, no code — unknown: .*吉木萨尔县.*裕民县/);
    expect(report).toMatch(/凉州户镇 \(liangzhouhu\.txt\): .* — contradicting: .*昌吉回族自治州/);
  });

  it('refuses two lists of one township even when one of them names only the township, naming both files', async () => {
    const twice = folder({ 'a.txt': raw('qitai-jibuku.txt'), 'b.txt': jibukuAlone });
    await expect(buildDatabase(twice, join(twice, 'x.sqlite'))).rejects.toThrow(
      /b\.txt: 奇台县吉布库镇 is already listed by a\.txt: one list per township/,
    );
  });

  it('refuses two lists of a township name neither places in a county: one township twice, or namesakes to tell apart', async () => {
    const namesakes = folder({ 'a.txt': xindiAlone, 'b.txt': xindiAlone });
    await expect(buildDatabase(namesakes, join(namesakes, 'x.sqlite'))).rejects.toThrow(
      /b\.txt: 新地乡 is already listed by a\.txt: one list per township \(neither names its county: .*name the county in their titles\)/,
    );
  });
});
