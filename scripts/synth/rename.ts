/**
 * Moves a real row to another township: the place names in its cells become the target's.
 *   奇台县农业农村局 → 和静县农业农村局            昌吉州生态环境局奇台县分局 → 巴州生态环境局和静县分局
 *   国家统计局奇台调查队 → 国家统计局和静调查队    吐鲁番市生态环境局托克逊县分局 → 阿克苏地区生态环境局库车市分局
 *   发放至吉布库镇 → 发放至巴润哈尔莫敦镇          本镇 / 镇党委 → 本乡 / 乡党委 in a 乡
 * Headings written for "the county at hand" (县农业农村局) stay as they are: the build reads them
 * against the list's own county. Everything is replaced in one pass, so a replacement is never
 * replaced again (奇台县 → 昌吉市 must not then become 玛纳斯县).
 */
import type { SourcePlace } from './sources';
import type { TargetPlace } from './targets';
import { PREFECTURE_FULL_NAMES } from '../../src/lib/parse/place';
import { countyShortForm } from '../../src/lib/model/department-places';

type TownshipKind = '镇' | '乡' | '街道';
const kindOf = (name: string): TownshipKind => (name.endsWith('街道') ? '街道' : name.endsWith('乡') ? '乡' : '镇');

/** A township's own bodies and words, per kind: 本镇, 镇党委; a 街道 has a 党工委 and an office instead of a government. */
function townshipWords(kind: TownshipKind): Record<string, string> {
  const street = kind === '街道';
  return {
    本: `本${kind}`,
    全: `全${kind}`,
    党委: street ? '街道党工委' : `${kind}党委`,
    人大: street ? '街道人大工委' : `${kind}人大`,
    人民政府: street ? '街道办事处' : `${kind}人民政府`,
    政府: street ? '街道办事处' : `${kind}政府`,
  };
}

export function placeRenamer(source: SourcePlace, target: TargetPlace): (text: string) => string {
  const replacements = new Map<string, string>();
  const guarded = new Set<string>();
  const add = (from: string | null, to: string, guard = false) => {
    if (!from || from === to) return;
    replacements.set(from, to);
    if (guard) guarded.add(from);
  };

  const prefectureShort = Object.entries(PREFECTURE_FULL_NAMES).find(([, full]) => full === source.prefecture)?.[0] ?? null;
  const countyShort = countyShortForm(source.county);
  // The word a heading uses for the prefecture at hand: 州 (昌吉州), 市 (吐鲁番市).
  const genericPrefecture = prefectureShort?.endsWith('州') ? '州' : source.prefecture.endsWith('市') ? '市' : null;
  const targetGeneric = target.regionDirect
    ? target.county
    : target.prefectureShort !== target.prefecture
      ? '州'
      : target.prefecture.endsWith('市')
        ? '市'
        : target.prefecture;

  // The prefecture's environment bureau branch in the county, as a whole: a region-administered city has its own bureau.
  for (const [prefectureWord, targetPrefecture] of [
    [source.prefecture, target.prefecture],
    [prefectureShort, target.prefectureShort],
    [genericPrefecture, targetGeneric],
  ] as const) {
    if (!prefectureWord) continue;
    for (const [countyWord, targetCounty] of [
      [source.county, target.county],
      [countyShort, target.countyShort],
    ] as const) {
      if (!countyWord) continue;
      add(
        `${prefectureWord}生态环境局${countyWord}分局`,
        target.regionDirect ? `${target.county}生态环境局` : `${targetPrefecture}生态环境局${targetCounty}分局`,
      );
    }
  }
  add(source.prefecture, target.regionDirect ? target.county : target.prefecture);
  add(prefectureShort, target.regionDirect ? target.county : target.prefectureShort);
  add(source.county, target.county);
  // The county written short inside a department's name: 国家统计局奇台调查队, …管理局吉木萨尔分局.
  if (countyShort) for (const unit of ['分局', '调查队']) add(`局${countyShort}${unit}`, `局${target.countyShort}${unit}`);
  add(source.township, target.township);

  const from = townshipWords(kindOf(source.township));
  const to = townshipWords(kindOf(target.township));
  // 乡镇党委, 城乡政府 are no township's own body.
  for (const key of Object.keys(from)) add(from[key], to[key], !from[key].startsWith('本') && !from[key].startsWith('全'));

  const alternatives = [...replacements.keys()]
    .sort((a, b) => b.length - a.length)
    .map((text) => (guarded.has(text) ? `(?<![乡镇城])${text}` : text));
  if (alternatives.length === 0) return (text) => text;
  const pattern = new RegExp(alternatives.join('|'), 'g');
  return (text) => text.replace(pattern, (match) => replacements.get(match) ?? match);
}
