/**
 * The department model: what a department name in a duty list means.
 *
 * Pure TypeScript (no Node, no DOM). Aliases and place names are data, in data/department-aliases.json;
 * the build script reads that file and passes it in as `DepartmentAliases`.
 *
 * KIND — the same department in every county, so the network graph can say "农业农村局 is relied on in
 * every township". It is the name with its owner's place prefix removed, then unified by the alias table:
 *   奇台县农业农村局 → 农业农村局             昌吉市住建局 → 住房和城乡建设局
 *   昌吉州生态环境局奇台县分局 → 生态环境局   吐鲁番市生态环境局托克逊县分局 → 生态环境局
 *   国家统计局奇台调查队 → 国家统计局调查队   自治区天山东部国有林管理局吉木萨尔分局 → 天山东部国有林管理局
 * Party-committee organs keep a leading 县委 (a bare 委组织部 reads wrongly), for county-level cities too:
 *   奇台县委组织部, 昌吉市委社会工作部, 县委编办 → 县委组织部, 县委社会工作部, 县委机构编制委员会办公室.
 *
 * LEVEL — who owns the department: the prefix of the name (a county → county, a prefecture → prefecture,
 * 自治区 → region, 国家/中国 → national), raised by the alias file's `levels` for kinds that are vertically
 * managed although their office sits in the county (e.g. 生态环境局 → prefecture). 昌吉市 is a county-level
 * city, so 昌吉市民政局 is county level, while 吐鲁番市 is a prefecture.
 */

export type DepartmentLevel = 'county' | 'prefecture' | 'region' | 'national';

/** The shape of data/department-aliases.json. Keys starting with '_' are comments and are ignored. */
export interface DepartmentAliases {
  _comment?: string;
  places: {
    /** County-level units by full name: 奇台县, 昌吉市 (a county-level city), … */
    counties: Record<string, { prefecture: string; short?: string[] } | string>;
    /** Prefecture-level units by full name, with the shorter forms the lists write (昌吉州). */
    prefectures: Record<string, { short?: string[] } | string>;
    /** Prefixes meaning the region: 新疆维吾尔自治区, 自治区. */
    regions: string[];
    /** Prefixes meaning a national body; they stay part of the kind (国家统计局调查队). */
    nationalPrefixes: string[];
  };
  /** Canonical kind → other spellings of it, written without the place prefix (县委… for party organs). */
  kinds: Record<string, string[] | string>;
  /** Kinds owned above the county although their office sits in it. */
  levels: Record<string, DepartmentLevel | string>;
}

/** e.g. { county: '奇台县', prefecture: '昌吉回族自治州' }; the short prefecture form (昌吉州) is accepted too. */
export interface Jurisdiction {
  county: string;
  prefecture: string;
}

const LEVEL_ORDER: readonly DepartmentLevel[] = ['county', 'prefecture', 'region', 'national'];

/** What a department-like name ends with. '部门' (a generic "the departments") deliberately does not match. */
const DEPARTMENT_ENDING =
  /(局|委员会|委|办公室|办|部|院|联合会|残联|工会|红十字会|常委会|人大|政协|调查队|大队|支队|中心|研究室|室|所|站|厅|署|处)$/;

/** A heading that is a township's own body, not a county department (乡村振兴局 is a county bureau). */
const TOWNSHIP_BODY = /^(本镇|本乡|本村|镇|村|社区|乡(?!村振兴))/;

/** A leading list number: 一、 （一） 1. 1、 ① */
const ENUMERATOR = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．)）]|[①-⑳])\s*/;

/** A sub-heading as the cell parser hands it over: tags, a list number and the colon removed. */
const cleanHeading = (text: string): string =>
  text
    .replace(/<[^>]*>/g, '')
    .trim()
    .replace(ENUMERATOR, '')
    .replace(/[：:]+$/, '')
    .trim();

const isComment = (key: string) => key.startsWith('_');

/** The kinds the alias file names: a department of any other kind has a kind this model guessed. */
export const reviewedKinds = (aliases: DepartmentAliases): Set<string> => new Set(Object.keys(aliases.kinds).filter((k) => !isComment(k)));

/**
 * Whether each department's kind is one the reviewed alias file names ('alias') or the model's guess
 * ('guessed'): what the audit (数据核对) lists for a person to confirm.
 */
export function kindSourcesOf(
  departments: readonly { id: number; kind: string }[],
  aliases: DepartmentAliases,
): { department_id: number; source: 'alias' | 'guessed' }[] {
  const reviewed = reviewedKinds(aliases);
  return departments.map((d) => ({ department_id: d.id, source: reviewed.has(d.kind) ? 'alias' : 'guessed' }));
}

const normalise = (text: string): string =>
  text
    .replace(/<[^>]*>/g, '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[：:]+$/, '')
    .replace(/^中共/, '');

/** Split a 对应上级部门 cell on 、 (also ，/, and stray spaces), trimming; drop empties. */
export function splitDepartmentList(cell: string): string[] {
  const out: string[] = [];
  for (const piece of cell.replace(/<[^>]*>/g, ' ').split(/[、，,；;／/]+/)) {
    // Spaces separate two names only when what comes before them already reads as a department:
    // '奇台县 民政局' is one name, '奇台县民政局 奇台县财政局' two.
    let pending = '';
    for (const word of piece.split(/[\s\u3000]+/).filter(Boolean)) {
      pending += word;
      if (DEPARTMENT_ENDING.test(pending)) {
        out.push(pending);
        pending = '';
      }
    }
    if (pending) out.push(pending);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The alias file, indexed once per object.

interface Index {
  /** Spelling (canonical or alias) → canonical kind. */
  kindOf: Map<string, string>;
  levelOfKind: Map<string, DepartmentLevel>;
  /** Every place prefix, longest first, with its level. */
  prefixes: { text: string; level: DepartmentLevel }[];
  /** County full names and short forms that may sit inside a name (…局托克逊县分局, 国家统计局奇台调查队), as one pattern. */
  embedded: RegExp | null;
  counties: Map<string, { prefecture: string }>;
  prefectures: Map<string, { full: string; short: string[] }>;
  /** classifyDepartment's answers: a thousand townships name the same departments again and again. */
  classified: Map<string, { kind: string; level: DepartmentLevel }>;
}

const indexes = new WeakMap<DepartmentAliases, Index>();

function indexOf(aliases: DepartmentAliases): Index {
  const cached = indexes.get(aliases);
  if (cached) return cached;

  const kindOf = new Map<string, string>();
  for (const [kind, spellings] of Object.entries(aliases.kinds)) {
    if (isComment(kind) || !Array.isArray(spellings)) continue;
    kindOf.set(kind, kind);
    for (const spelling of spellings) kindOf.set(normalise(spelling), kind);
  }

  const levelOfKind = new Map<string, DepartmentLevel>();
  for (const [kind, level] of Object.entries(aliases.levels ?? {})) {
    if (isComment(kind)) continue;
    if (!(LEVEL_ORDER as readonly string[]).includes(level))
      throw new Error(`department-aliases.json: level of ${kind} must be one of ${LEVEL_ORDER.join(', ')}, not ${level}`);
    levelOfKind.set(kind, level as DepartmentLevel);
  }

  const prefixes: Index['prefixes'] = [];
  const embedded: string[] = [];
  const counties = new Map<string, { prefecture: string }>();
  for (const [name, entry] of Object.entries(aliases.places.counties)) {
    if (isComment(name) || typeof entry === 'string') continue;
    counties.set(name, { prefecture: entry.prefecture });
    prefixes.push({ text: name, level: 'county' });
    embedded.push(name, ...(entry.short ?? []));
  }
  const prefectures = new Map<string, { full: string; short: string[] }>();
  for (const [name, entry] of Object.entries(aliases.places.prefectures)) {
    if (isComment(name) || typeof entry === 'string') continue;
    const record = { full: name, short: entry.short ?? [] };
    for (const form of [name, ...record.short]) {
      prefectures.set(form, record);
      prefixes.push({ text: form, level: 'prefecture' });
    }
  }
  for (const region of aliases.places.regions) prefixes.push({ text: region, level: 'region' });
  prefixes.sort((a, b) => b.text.length - a.text.length);
  embedded.sort((a, b) => b.length - a.length);
  // Longest first, so 吉木萨尔县 wins over 吉木萨尔 where both would match.
  const embeddedPattern = embedded.length
    ? new RegExp(`(局|委员会)(?:${embedded.join('|')})(分局|调查队|大队|支队|中队|分中心|分所|营销部)$`)
    : null;

  const index: Index = { kindOf, levelOfKind, prefixes, embedded: embeddedPattern, counties, prefectures, classified: new Map() };
  indexes.set(aliases, index);
  return index;
}

// ---------------------------------------------------------------------------------------------------
// Kinds and levels.

/** The canonical kind of a name whose owner prefix is already gone, or null when the table lacks it. */
function knownKind(rest: string, index: Index): string | null {
  const form = rest.startsWith('委') ? `县${rest}` : rest;
  return index.kindOf.get(form) ?? null;
}

/** Remove a place that sits inside a name: 生态环境局托克逊县分局 → 生态环境局分局, 统计局奇台调查队 → 统计局调查队. */
function dropEmbeddedPlace(rest: string, index: Index): string {
  const out = index.embedded ? rest.replace(index.embedded, '$1$2') : rest;
  // A place not in the alias file, in the same position: ……局伊宁县分局.
  return out.replace(/(局)[\u4e00-\u9fff]{1,8}?[县市区旗](分局|调查队|大队|支队|中队)$/, '$1$2');
}

const higher = (a: DepartmentLevel, b: DepartmentLevel): DepartmentLevel => (LEVEL_ORDER.indexOf(a) >= LEVEL_ORDER.indexOf(b) ? a : b);

interface Owner {
  level: DepartmentLevel;
  /** The name without its owner prefix. */
  rest: string;
}

/** A county the alias file does not list yet: any prefix ending in 县/市/区/旗 before a known kind. */
function splitUnlistedCounty(name: string, index: Index): Owner | null {
  for (let end = 2; end <= 8 && end < name.length; end++) {
    if (!/[县市区旗州盟]/.test(name[end - 1])) continue;
    const rest = name.slice(end);
    if (knownKind(rest, index) || knownKind(dropEmbeddedPlace(rest, index), index)) {
      return { level: /[州盟]/.test(name[end - 1]) ? 'prefecture' : 'county', rest };
    }
  }
  return null;
}

/** Split the owner's place prefix off a name. */
function splitOwner(name: string, index: Index, aliases: DepartmentAliases): Owner {
  for (const prefix of aliases.places.nationalPrefixes) if (name.startsWith(prefix)) return { level: 'national', rest: name };
  // A bare kind (市场监督管理局 starts with 市 but is no 市's bureau).
  if (knownKind(name, index)) return { level: 'county', rest: name };
  for (const { text, level } of index.prefixes) {
    if (!name.startsWith(text) || name.length === text.length) continue;
    const rest = name.slice(text.length);
    // 吐鲁番市高昌区农业农村局: a prefecture, then a county the alias file does not list.
    if (level === 'prefecture' && !knownKind(dropEmbeddedPlace(rest, index), index)) {
      const county = splitUnlistedCounty(rest, index);
      if (county?.level === 'county') return county;
    }
    return { level, rest };
  }
  // A heading written for the county at hand: 县应急管理局, 市公安局 (in 昌吉市), 州生态环境局…
  const generic = /^([县市州])(.+)$/.exec(name);
  if (generic && (knownKind(generic[2], index) || knownKind(dropEmbeddedPlace(generic[2], index), index))) {
    return { level: generic[1] === '州' ? 'prefecture' : 'county', rest: generic[2] };
  }
  return splitUnlistedCounty(name, index) ?? { level: 'county', rest: name };
}

/** Kind = the same department in every county, e.g. '奇台县农业农村局' → '农业农村局'; level by who owns it. */
export function classifyDepartment(name: string, aliases: DepartmentAliases): { kind: string; level: DepartmentLevel } {
  const index = indexOf(aliases);
  const cached = index.classified.get(name);
  if (cached) return { ...cached };
  const clean = normalise(name);
  const owner = splitOwner(clean, index, aliases);
  const rest = dropEmbeddedPlace(owner.rest, index);
  const kind = knownKind(rest, index) ?? (rest.startsWith('委') ? `县${rest}` : rest);
  const raised = index.levelOfKind.get(kind);
  const result = { kind, level: raised ? higher(owner.level, raised) : owner.level };
  index.classified.set(name, result);
  return { ...result };
}

// ---------------------------------------------------------------------------------------------------
// Headings inside cells.

/** True when a cell's sub-heading text looks like a department (used by the cell parser to decide whether "XXX：" starts a department block). */
export function looksLikeDepartment(text: string): boolean {
  const clean = cleanHeading(text);
  if (clean.length < 2 || clean.length > 80) return false;
  const parts = splitDepartmentList(clean);
  return (
    parts.length > 0 && parts.every((part) => /^[\u4e00-\u9fff（）()]+$/.test(part) && part.length >= 2 && DEPARTMENT_ENDING.test(part))
  );
}

/** The place a heading's leading 县 / 市 / 州 stands for, in this township's county. */
function expandGeneric(part: string, where: Jurisdiction, index: Index): string | null {
  const head = part[0];
  const rest = part.slice(1);
  const prefecture = index.prefectures.get(where.prefecture) ?? { full: where.prefecture, short: [] };
  if (head === '县') return where.county + rest;
  if (head === '市') {
    if (where.county.endsWith('市')) return where.county + rest;
    if (prefecture.full.endsWith('市')) return prefecture.full + rest;
    return where.county + rest;
  }
  if (head === '州') {
    const short = prefecture.short.find((form) => form.endsWith('州'));
    return (short ?? prefecture.full) + rest;
  }
  return null;
}

/** One department-like part of a heading as a full name, or null when it is no county department. */
function expandPart(part: string, where: Jurisdiction, index: Index, aliases: DepartmentAliases): string | null {
  if (knownKind(part, index)) {
    // A bare kind: 民政局, 市场监督管理局; a party organ's 县委 is the county's own 委.
    return part.startsWith('县委') ? where.county + part.slice(1) : where.county + part;
  }
  if (aliases.places.nationalPrefixes.some((prefix) => part.startsWith(prefix))) return part;
  if (index.prefixes.some(({ text }) => part.startsWith(text))) return part;
  if (/^[县市州]/.test(part)) return expandGeneric(part, where, index);
  if (TOWNSHIP_BODY.test(part)) return null;
  const owner = splitOwner(part, index, aliases);
  if (owner.rest !== part) return part; // already carries some county's name
  return where.county + part;
}

/** Make a heading found inside a cell into full department names of this township's county:
 *  '县应急管理局' → ['奇台县应急管理局']; '县农业农村局、县林业和草原局' → two names; '市生态环境局托克逊县分局' → ['吐鲁番市生态环境局托克逊县分局'];
 *  '托克逊县民政局' → itself. Where a lead-department list for the item is given, prefer the lead name whose kind matches
 *  (so spelling variants like 县住建局 resolve to the written lead '托克逊县住房和城乡建设局'). Return [] when the heading is not a department (e.g. '一、农作物秸秆综合利用'). */
export function resolveHeading(heading: string, where: Jurisdiction, leads: string[], aliases: DepartmentAliases): string[] {
  const index = indexOf(aliases);
  const clean = cleanHeading(heading);
  if (!looksLikeDepartment(clean)) return [];
  const leadKinds = leads.map((lead) => ({ name: lead, kind: classifyDepartment(lead, aliases).kind }));
  const out: string[] = [];
  for (const part of splitDepartmentList(clean)) {
    const full = expandPart(normalise(part), where, index, aliases);
    if (full === null) continue;
    const kind = classifyDepartment(full, aliases).kind;
    const matching = leadKinds.filter((lead) => lead.kind === kind);
    const chosen = matching.find((lead) => normalise(lead.name) === full)?.name ?? matching[0]?.name ?? full;
    if (!out.includes(chosen)) out.push(chosen);
  }
  return out;
}
