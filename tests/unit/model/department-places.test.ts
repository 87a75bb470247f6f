import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyDepartment, resolveHeading, type DepartmentAliases } from '../../../src/lib/model/departments';
import { countyShortForm, withPlaceTable } from '../../../src/lib/model/department-places';
import { loadPlaceTable } from '../../../scripts/lib/load-place-table';

/** Departments of counties outside the bundled lists, with Xinjiang's places from the place table as the build passes them. */
const reviewed: DepartmentAliases = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../data/department-aliases.json', import.meta.url)), 'utf8'),
);
const aliases = withPlaceTable(reviewed, loadPlaceTable());
const classify = (name: string) => classifyDepartment(name, aliases);

describe('departments of any Xinjiang county', () => {
  it.each([
    ['和静县农业农村局', '奇台县农业农村局'],
    ['巴州生态环境局和静县分局', '昌吉州生态环境局奇台县分局'],
    ['国家统计局和静调查队', '国家统计局奇台调查队'],
    ['和静县委组织部', '奇台县委组织部'],
    ['巴里坤哈萨克自治县农业农村局', '奇台县农业农村局'],
    ['国家统计局巴里坤调查队', '国家统计局奇台调查队'],
    ['塔什库尔干塔吉克自治县住建局', '托克逊县住房和城乡建设局'],
    ['伊犁州生态环境局察布查尔县分局', '吐鲁番市生态环境局托克逊县分局'],
    ['和田地区生态环境局和田县分局', '吐鲁番市生态环境局托克逊县分局'],
    ['乌鲁木齐市天山区民政局', '托克逊县民政局'],
    ['石河子市残联', '奇台县残疾人联合会'],
  ])('%s has the kind and level of %s', (name, bundled) => {
    expect(classify(name)).toEqual(classify(bundled));
  });

  it('keeps a prefecture’s own bureau at prefecture level', () => {
    expect(classify('伊犁州农业农村局')).toEqual({ kind: '农业农村局', level: 'prefecture' });
    expect(classify('阿克苏地区教育局')).toEqual({ kind: '教育局', level: 'prefecture' });
    expect(classify('哈密市伊州区农业农村局')).toEqual({ kind: '农业农村局', level: 'county' });
  });

  it('expands a heading written for the county at hand', () => {
    const hejing = { county: '和静县', prefecture: '巴音郭楞蒙古自治州' };
    expect(resolveHeading('县农业农村局', hejing, [], aliases)).toEqual(['和静县农业农村局']);
    expect(resolveHeading('州生态环境局和静县分局', hejing, [], aliases)).toEqual(['巴州生态环境局和静县分局']);
  });

  it('leaves the reviewed alias file’s own places as they are', () => {
    expect(aliases.places.counties['奇台县']).toEqual(reviewed.places.counties['奇台县']);
    expect(aliases.places.prefectures['昌吉回族自治州']).toEqual({ short: ['昌吉州'] });
  });
});

describe('countyShortForm', () => {
  it.each([
    ['和静县', '和静'],
    ['吉木萨尔县', '吉木萨尔'],
    ['昌吉市', '昌吉'],
    ['巴里坤哈萨克自治县', '巴里坤'],
    ['焉耆回族自治县', '焉耆'],
    ['天山区', null],
  ])('%s → %s', (name, short) => expect(countyShortForm(name)).toBe(short));
});
