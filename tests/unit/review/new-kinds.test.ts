import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../src/lib/db/sql';
import type { DepartmentAliases } from '../../../src/lib/model/departments';
import { newKinds, newKindsExport } from '../../../src/lib/review/new-kinds';
import { completeDb } from '../queries/real-db';

const ALIASES: DepartmentAliases = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/department-aliases.json'), 'utf8'));

describe('department kinds new to the alias file', () => {
  it('the bundled lists bring none: every kind and county they name is reviewed', async () => {
    const db = await completeDb();
    const departments = await db.query<{ name: string; kind: string }>(sql`SELECT name, kind FROM departments`);
    const townships = await db.query<{ county: string; prefecture: string }>(sql`SELECT county, prefecture FROM townships`);
    expect(newKinds(ALIASES, departments, townships)).toEqual({ kinds: [], counties: [] });
  });

  it('an imported list’s unknown kind and county are listed, and exported in the alias file’s shape', () => {
    const found = newKinds(
      ALIASES,
      [
        { name: '温宿县农业农村局', kind: '农业农村局' },
        { name: '温宿县数据局', kind: '数据局' },
        { name: '温宿县数据局（大数据中心）', kind: '数据局' },
      ],
      [{ county: '温宿县', prefecture: '阿克苏地区' }],
    );
    expect(found.kinds).toEqual([{ kind: '数据局', departments: ['温宿县数据局', '温宿县数据局（大数据中心）'] }]);
    expect(found.counties).toEqual([{ county: '温宿县', prefecture: '阿克苏地区' }]);
    const file = newKindsExport(found, '2026-11-26T00:00:00.000Z');
    expect(file.kinds).toEqual({ 数据局: [] });
    expect(file.places.counties).toEqual({ 温宿县: { prefecture: '阿克苏地区' } });
    // Merged into the alias file, the kind is known.
    const merged = { ...ALIASES, kinds: { ...ALIASES.kinds, ...file.kinds } };
    expect(newKinds(merged, [{ name: '温宿县数据局', kind: '数据局' }], []).kinds).toEqual([]);
  });
});
