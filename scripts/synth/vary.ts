/**
 * How one duty's name is reworded from one township's list to the next, as the five real lists
 * differ: 工作 dropped or added at the end, a leading 负责 / 做好, a bracketed note dropped or added,
 * 、 or 和 between two objects. (本镇 / 本乡 follow the township in rename.ts.)
 */
import type { Random } from './random';

const NOTE = /（[^（）]{1,30}）/;
// 和 inside a word is no conjunction: 共和国, 和谐, 和平, 和睦, 和静县.
const CONJUNCTION_HE = /(?<![共人])和(?![谐平睦静田硕布])/;

type Variation = (name: string, random: Random) => string | null;

const VARIATIONS: Variation[] = [
  (name) => (name.endsWith('工作') ? name.slice(0, -2) : /[\u4e00-\u9fff]$/.test(name) ? `${name}工作` : null),
  (name, random) => {
    const lead = /^(负责|做好)/.exec(name);
    return lead ? name.slice(lead[0].length) : `${random.pick(['负责', '做好'])}${name}`;
  },
  (name) => (NOTE.test(name) ? name.replace(NOTE, '') : /[\u4e00-\u9fff]$/.test(name) ? `${name}（含社区）` : null),
  (name) => {
    const last = name.lastIndexOf('、');
    if (last > 0) return `${name.slice(0, last)}和${name.slice(last + 1)}`;
    return CONJUNCTION_HE.test(name) ? name.replace(CONJUNCTION_HE, '、') : null;
  },
];

/** One rewording of a name, or the name itself where the chosen one does not apply. */
export function varyName(name: string, random: Random): string {
  const varied = random.pick(VARIATIONS)(name.trim(), random);
  return varied && varied.trim().length >= 2 ? varied : name;
}
