/**
 * Duty groups: which items are "the same duty" across townships and lists.
 *
 * Pure TypeScript (no Node, no DOM). The build script calls `groupDuties` once with every item of
 * every list and stores the group id of each item as its duty_group.
 *
 * METHOD
 *
 * 1. Normalise each name (`normaliseDutyName`). The normal form exists only for matching; it is not
 *    shown to readers. In order:
 *    - Unicode NFKC (full-width brackets, commas and digits become ASCII), drop all whitespace, a
 *      stray English 'and' becomes '和';
 *    - `乡（镇）` / `镇（乡）` become `乡镇`, then every bracketed note is dropped, innermost first:
 *      (…) （…） <…> 〈…〉 【…】 [...] — `婚姻登记（仅内地居民）` ≡ `婚姻登记`;
 *    - the township's own locality words are dropped anywhere: `本镇、村`, `本乡`, `全镇`, `各乡镇`,
 *      `本行政区域内`, `辖区内`, …;
 *    - leading words are dropped, repeatedly: punctuation, `负责`, `做好`, `开展`, `对`, `违反规定`,
 *      and `乡镇村` / `乡镇、村` (what is left of `乡（镇）村…`). So `负责本镇、村公共设施…`,
 *      `乡（镇）村公共设施…` and `公共设施…` all start `公共设施`;
 *    - the ending of a penalty is unified: `…（违法）行为的处罚`, `…的行为进行处罚`, `…进行处罚` → `…处罚`;
 *    - `工作`, `等工作`, `相关工作` closing a clause or the name are dropped (`…管理工作，…` ≡ `…管理，…`);
 *    - `审批` → `审核`, `或者` → `或`;
 *    - every `的` and every punctuation or symbol character is dropped (so `挖坑、取土` ≡ `挖坑取土`,
 *      and `《物业管理条例》` keeps only its words).
 *
 * 2. Exact pass: items with the same normal form are joined.
 *
 * 3. Fuzzy pass between distinct normal forms A and B, on their sets of character bigrams:
 *    Dice = 2|A∩B| / (|A|+|B|), overlap = |A∩B| / min(|A|,|B|). A pair is a candidate when the two
 *    forms name the same numbers (`第六十三条` / `第六十四条` never match) and
 *    (a) Dice ≥ 0.70 — small edits, reordered clauses (`未经业主大会同意，物业服务企业…` /
 *        `物业服务企业未经业主大会同意，…`), `驻乡干部` / `驻镇干部`, `处理` / `处罚`; or
 *    (b) Dice ≥ 0.50 and the shorter form (≥ 4 characters) lies whole in the longer one —
 *        `临时用地审批` / `临时用地审批与监督管理工作`, `打击传销` / `打击传销、规范直销`; or
 *    (c) Dice ≥ 0.55 and overlap ≥ 0.80 — one wording is a shortened paraphrase of the other
 *        (`负责本镇宅基地审批管理工作` / `负责农村宅基地审批及管理`).
 *    Short names of similar shape stay apart: `收养登记` / `婚姻登记` score 0.33, `屠宰检疫` /
 *    `动物及动物产品检疫` 0.20, `对完成城镇新增就业人数任务的考核` / `对城乡居民基本医疗保险参保扩面指标的考核`
 *    0.07. The thresholds were tuned by reading every pair above Dice 0.4 in the five seed lists.
 *    Candidates are found without comparing all pairs: bigrams are ranked rarest first and two forms
 *    are compared only when they share a bigram from the prefix of each one's ranked set (prefix
 *    filtering; exact for a Dice threshold, so nothing at or above it is missed). Work grows with the
 *    number of forms sharing rare bigrams, not with the square of the number of items; identical
 *    forms (the same duty in many townships) are compared once. Measured: the 1,237 seed items take
 *    ~30 ms; 247,400 synthetic items (1,000 townships, a third of the names mutated) ~6 s.
 *    A partial match, (b) or (c), joins two groups only if the shorter form is near every other
 *    form of the longer one's group: otherwise a generic name (`档案管理`) would ride into a group
 *    through one new wording that contains it (`干部人事档案管理` beside `干部人事档案工作`).
 *    A wording of one township that is the only link between two sets of groups does not decide
 *    between them by wording alone (`ambiguousForms`): where it fits both it is left to the context
 *    pass, and where it rewords one and merely contains a shorter duty of the other it joins the
 *    one it rewords only. After the context pass, such a wording whose links all lead into one group
 *    joins it, and one township's shortened forms of it that link nowhere else follow it
 *    (`settleAmbiguous`). One new list can so no longer join two groups the others keep apart
 *    through one short wording; bundled pairs it leaves apart that a reader joins are reviewed
 *    merges.
 *
 * 4. Context pass (duty-context-pass.ts): what the exact and fuzzy passes left apart is read again,
 *    the way a person reads two lists side by side. Wordings are compared more loosely (every
 *    clause's 负责/做好/开展…, 乡 ≡ 镇, a few abbreviations; rare character pairs weigh more:
 *    duty-wording.ts) and the documents are consulted (duty-context.ts): the category, the list, the
 *    kinds of the lead or receiving departments, and the groups printed next to each item. Two
 *    groups are joined when each is the other's best candidate and wording and context together
 *    score enough. Groups left unlinked keep their best candidates with the evidence, for review
 *    (`matchDuties(...).uncertain`). Measured on lists held out from tuning: tests/fixtures/heldout.
 *
 * 5. Constraints. Joins are made with union-find (duty-union.ts) in this order: reviewed merges,
 *    exact matches, fuzzy candidates by decreasing similarity (ties by input order), the context
 *    pass. A join is refused when it would put two items of the same township AND the same list in
 *    one group (they are distinct entries of one document), or when it would join the two sides of a
 *    reviewed split. So a split always wins, also against a reviewed merge.
 *
 * 6. Overrides (`data/duty-group-overrides.json`) are for what the rules cannot decide. Names in it
 *    are cleaned item names as they appear in the lists (compared after NFKC with whitespace
 *    ignored); an entry applies to every item with that name, whatever its township or list.
 *    `unmatchedOverrideNames` reports names that match no item so the build can warn.
 *
 * 7. Groups are numbered 1..n by their first member in input order; members keep input order.
 */
import type { ListKind } from '../parse/types';
import { namesSameNumbers, normaliseDutyName } from './duty-names';
import { DutyUnion, type JoinPass } from './duty-union';
import { contextPass } from './duty-context-pass';
import type { ContextEvidence } from './duty-context';

export { normaliseDutyName } from './duty-names';

export interface DutyInput {
  key: number;
  township: string;
  list: ListKind;
  name: string;
  /** 事项类别; the context pass reads it where given. */
  category?: string;
  /** Kinds of the departments that lead (coop) or receive (reclaimed) the duty; the context pass reads them where given. */
  departmentKinds?: readonly string[];
}

/** One reviewed override: two cleaned item names and why they are (or are not) the same duty. */
export interface DutyGroupOverridePair {
  /** Exactly two cleaned item names (a plain array so the JSON file type-checks as is). */
  names: string[];
  reason: string;
}

/** The shape of data/duty-group-overrides.json. */
export interface DutyGroupOverrides {
  _comment?: string;
  /** Pairs a person judged to be the same duty although the rules keep them apart. */
  merge?: DutyGroupOverridePair[];
  /** Pairs a person judged to be different duties although the rules would join them. Wins over merge. */
  split?: DutyGroupOverridePair[];
}

export interface DutyGroup {
  id: number;
  members: DutyInput[];
}

/** A group an unlinked item may belong to, as the context pass scored it. */
export interface DutyGroupCandidate {
  /** The candidate duty group's id. */
  group: number;
  score: number;
  /** The wording similarity alone; the rest of the score is context. */
  wording: number;
  evidence: ContextEvidence;
}

/** One join of the grouping, by item keys: which pass joined the groups of `item` and `partner`, with its score. */
export interface DutyJoin {
  item: number;
  partner: number;
  pass: JoinPass;
  score: number | null;
}

/** Duty groups, and the candidates of every item left unlinked whose best candidate fell short. */
export interface DutyMatching {
  groups: DutyGroup[];
  /** Every join that put two groups together, in the order made: each group of n items rests on n − 1. */
  joins: DutyJoin[];
  /** By item key: its best candidates, best first. Only items whose group spans one township. */
  uncertain: Map<number, DutyGroupCandidate[]>;
}

/** Minimum bigram Dice similarity between two different normal forms for the fuzzy pass. */
export const FUZZY_THRESHOLD = 0.7;
/** A lower Dice suffices when the shorter normal form (at least `CONTAINED_MIN_CHARS` long) lies whole in the longer. */
export const CONTAINED_THRESHOLD = 0.5;
export const CONTAINED_MIN_CHARS = 4;
/**
 * A Dice of at least `OVERLAP_DICE` suffices when at least `OVERLAP_MIN` of the smaller bigram set
 * lies in the larger (overlap coefficient): one wording is a shortened paraphrase of the other.
 */
export const OVERLAP_DICE = 0.55;
export const OVERLAP_MIN = 0.8;

/** Whether the fuzzy pass may join two different normal forms, given their bigram Dice. */
function fuzzyAccepts(a: string, b: string, score: number, overlap: number): boolean {
  if (!namesSameNumbers(a, b)) return false;
  if (score >= FUZZY_THRESHOLD - 1e-12) return true;
  if (score >= OVERLAP_DICE - 1e-12 && overlap >= OVERLAP_MIN - 1e-12) return true;
  if (score < CONTAINED_THRESHOLD - 1e-12) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return Array.from(short).length >= CONTAINED_MIN_CHARS && long.includes(short);
}

/** The set of character bigrams of a normal form; a one-character form is its own bigram. */
function bigrams(form: string): string[] {
  const chars = Array.from(form);
  if (chars.length < 2) return chars.length ? [chars[0]] : [];
  const set = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) set.add(chars[i] + chars[i + 1]);
  return [...set];
}

/** Dice coefficient of two bigram sets of sizes na, nb with overlap o. */
function dice(o: number, na: number, nb: number): number {
  return na + nb === 0 ? 0 : (2 * o) / (na + nb);
}

export interface FuzzyPair {
  a: string;
  b: string;
  /** Dice coefficient of the bigram sets. */
  score: number;
  /** Overlap coefficient |A∩B| / min(|A|,|B|) of the bigram sets. */
  overlap: number;
}

/**
 * All pairs of distinct forms whose bigram Dice is >= threshold (numbers not checked here).
 * Prefix filtering: order each form's bigrams rarest first; two sets with Dice >= t must share a
 * bigram within the first |A| - ceil(t|A|/(2-t)) + 1 of each. Exported for tests and the report.
 */
export function similarPairs(forms: readonly string[], threshold: number): FuzzyPair[] {
  const grams = forms.map(bigrams);
  const freq = new Map<string, number>();
  for (const g of grams) for (const x of g) freq.set(x, (freq.get(x) ?? 0) + 1);
  const rank = (x: string, y: string) => freq.get(x)! - freq.get(y)! || (x < y ? -1 : x > y ? 1 : 0);
  const sorted = grams.map((g) => [...g].sort(rank));
  const sets = grams.map((g) => new Set(g));
  const index = new Map<string, number[]>();
  const out: FuzzyPair[] = [];
  for (let i = 0; i < forms.length; i++) {
    const g = sorted[i];
    const n = g.length;
    if (n === 0) continue;
    const minOverlap = Math.ceil((threshold * n) / (2 - threshold) - 1e-9);
    const prefix = Math.max(1, n - minOverlap + 1);
    const seen = new Set<number>();
    for (let p = 0; p < prefix && p < n; p++) {
      const list = index.get(g[p]);
      if (!list) continue;
      for (const j of list) {
        if (seen.has(j)) continue;
        seen.add(j);
        const m = sets[j].size;
        // Length filter: Dice >= t needs min/max size ratio >= t/(2-t).
        if (Math.min(n, m) < (threshold / (2 - threshold)) * Math.max(n, m) - 1e-9) continue;
        let o = 0;
        for (const x of g) if (sets[j].has(x)) o++;
        const score = dice(o, n, m);
        if (score >= threshold - 1e-12) out.push({ a: forms[j], b: forms[i], score, overlap: o / Math.min(n, m) });
      }
    }
    for (let p = 0; p < prefix && p < n; p++) {
      const list = index.get(g[p]);
      if (list) list.push(i);
      else index.set(g[p], [i]);
    }
  }
  return out;
}

/** Similarity of two names as the fuzzy pass sees it (Dice of bigram sets of the normal forms). */
export function dutySimilarity(a: string, b: string): number {
  const ga = bigrams(normaliseDutyName(a));
  const gb = new Set(bigrams(normaliseDutyName(b)));
  let o = 0;
  for (const x of ga) if (gb.has(x)) o++;
  return dice(o, ga.length, gb.size);
}

/** How an override name is compared with item names: NFKC, whitespace ignored. */
function overrideKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** `f` remembering its answer per argument (for pure functions of a name). */
function memoised(f: (name: string) => string): (name: string) => string {
  const answers = new Map<string, string>();
  return (name) => {
    let answer = answers.get(name);
    if (answer === undefined) answers.set(name, (answer = f(name)));
    return answer;
  };
}

/** Override names that match no item, for the build report. */
export function unmatchedOverrideNames(items: readonly DutyInput[], overrides: DutyGroupOverrides): string[] {
  const names = new Set(items.map((i) => overrideKey(i.name)));
  const out: string[] = [];
  for (const e of [...(overrides.merge ?? []), ...(overrides.split ?? [])])
    for (const n of e.names) if (!names.has(overrideKey(n)) && !out.includes(n)) out.push(n);
  return out;
}

/** Similarity of two normal forms as the fuzzy pass judges it: whether one of its rules (a)–(c) accepts them. */
function fuzzyNear(a: string, b: string): boolean {
  const ga = new Set(bigrams(a));
  const gb = bigrams(b);
  let o = 0;
  for (const x of gb) if (ga.has(x)) o++;
  return fuzzyAccepts(a, b, dice(o, ga.size, gb.length), o / Math.min(ga.size, gb.length));
}

/**
 * METHOD 3: joins the groups of fuzzy-similar forms, most similar first. A partial match (rule b or
 * c: one form lies in, or mostly in, the other) joins only if the shorter form is also near every
 * other form of the longer one's group, so a generic short name (`档案管理`) does not ride into a
 * group through one wording that happens to contain it (`干部人事档案管理`).
 */
function fuzzyPass(union: DutyUnion, byForm: Map<string, number[]>): AmbiguousForms {
  const distinct = [...byForm.keys()];
  const firstIndex = new Map(distinct.map((f) => [f, byForm.get(f)![0]]));
  const accepted = similarPairs(distinct, Math.min(FUZZY_THRESHOLD, CONTAINED_THRESHOLD)).filter((p) =>
    fuzzyAccepts(p.a, p.b, p.score, p.overlap),
  );
  const ambiguous = ambiguousForms(union, byForm, accepted);
  const pairs = accepted
    .filter((p) => !ambiguous.forms.has(p.a) && !ambiguous.forms.has(p.b) && !ambiguous.cut.has(pairKey(p.a, p.b)))
    .map((p) => {
      const x = firstIndex.get(p.a)!;
      const y = firstIndex.get(p.b)!;
      return { ...p, lo: Math.min(x, y), hi: Math.max(x, y) };
    })
    .sort((p, q) => q.score - p.score || p.lo - q.lo || p.hi - q.hi);
  const formsOf = new Map<number, Set<string>>();
  for (const [form, members] of byForm)
    for (const i of members) {
      const root = union.find(i);
      (formsOf.get(root) ?? formsOf.set(root, new Set()).get(root)!).add(form);
    }
  // Per group holding a form, the first of its items with that form: the two wordings a join is recorded with.
  const itemPerRoot = (members: number[]): Map<number, number> => {
    const out = new Map<number, number>();
    for (const i of members) if (!out.has(union.find(i))) out.set(union.find(i), i);
    return out;
  };
  for (const p of pairs) {
    const partial = p.score < FUZZY_THRESHOLD - 1e-12;
    const [short, long] = Array.from(p.a).length <= Array.from(p.b).length ? [p.a, p.b] : [p.b, p.a];
    const right = itemPerRoot(byForm.get(p.b)!);
    for (const [i, itemA] of itemPerRoot(byForm.get(p.a)!))
      for (const [j, itemB] of right) {
        const [a, b] = [union.find(i), union.find(j)];
        if (a === b) continue;
        const longGroup = formsOf.get(long === p.a ? a : b)!;
        if (partial && [...longGroup].some((f) => f !== long && !fuzzyNear(short, f))) continue;
        if (union.union(itemA, itemB, 'fuzzy', p.score)) formsOf.set(union.find(a), new Set([...formsOf.get(a)!, ...formsOf.get(b)!]));
      }
  }
  return ambiguous;
}

/**
 * Wordings that fit two groups the other wordings keep apart (METHOD 3, last paragraph).
 *
 * The links are the fuzzy pass's accepted pairs and every form lying whole in a longer one (what
 * the context pass would read as a shortened paraphrase), between the groups as the exact pass left
 * them. A group of one township's items whose links are all that connects two or more sets of
 * other groups (a cut vertex of the link graph) is read link by link. A link to a form that names a
 * part of it (`isPart`: a shorter form lying in it) shows where a part of the duty went, not where
 * the duty goes; every other link is a home: a rewording of it, or a longer wording it lies in.
 * - Homes on two sides or more: the wording fits both, and joining it would join duties no other
 *   township's wording joins (`古树名木日常养护` lies in 六工镇's tree duty for public land and in
 *   伊拉湖镇's for collective land; `自建房安全隐患排查上报` in 伊拉湖镇's hazard checks and in the
 *   Changji template's long 宅基地 duty). Picking the nearer by wording alone is a guess, so its
 *   forms take no part in the fuzzy pass and the context pass, which weighs what the document says
 *   around it and joins a one-township cluster once, decides where it goes, or leaves it for review.
 * - No home, only parts on two sides: it names two duties others keep apart (a combined duty);
 *   the same.
 * - One home: it joins that side, and its links to parts on other sides are cut
 *   (`慈善募捐和救灾捐赠款物代收` rewords 伊拉湖镇's combined duty; the Changji lists' separate
 *   `救灾捐赠款物的代收` lies in it and stays apart) — except satellites: one township's shortened
 *   form of it, linked to nothing else, which follows it wherever it goes.
 * A group holding several townships' items is an agreed wording and never counts as ambiguous.
 */
function ambiguousForms(union: DutyUnion, byForm: Map<string, number[]>, accepted: readonly FuzzyPair[]): AmbiguousForms {
  const rootsOf = (form: string): number[] => [...new Set(byForm.get(form)!.map((i) => union.find(i)))];
  const neighbours = new Map<number, Set<number>>();
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    (links.get(a) ?? links.set(a, new Set()).get(a)!).add(b);
    (links.get(b) ?? links.set(b, new Set()).get(b)!).add(a);
    for (const x of rootsOf(a))
      for (const y of rootsOf(b)) {
        if (x === y) continue;
        (neighbours.get(x) ?? neighbours.set(x, new Set()).get(x)!).add(y);
        (neighbours.get(y) ?? neighbours.set(y, new Set()).get(y)!).add(x);
      }
  };
  for (const p of accepted) link(p.a, p.b);
  for (const [short, long] of containedForms([...byForm.keys()])) link(short, long);

  const oneTownship = (root: number) => union.townshipsOf(root).size === 1;
  const sides = separatedSides(neighbours, oneTownship);
  const forms = new Set<string>();
  const cut = new Set<string>();
  for (const [form, members] of byForm) {
    const root = union.find(members[0]);
    const sideOf = sides.get(root);
    if (!sideOf || members.some((i) => union.find(i) !== root)) continue;
    // A satellite: a shortened form of this one from one township, linked to nothing else. It
    // follows wherever this goes.
    const satellite = (f: string) => isPart(f, form) && links.get(f)!.size === 1 && rootsOf(f).every(oneTownship);
    const homes = new Set<number>();
    for (const f of links.get(form)!) if (!isPart(f, form)) for (const r of rootsOf(f)) homes.add(sideOf.get(r)!);
    if (homes.size !== 1) {
      forms.add(form);
      continue;
    }
    const [home] = homes;
    for (const f of links.get(form)!) if (!satellite(f) && rootsOf(f).some((r) => sideOf.get(r) !== home)) cut.add(pairKey(form, f));
  }
  return { forms, cut, links };
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * What `ambiguousForms` found: the wordings left to the context pass; the links of the others that
 * are cut (a wording with one home keeps only the links into it, and its satellites); every form's
 * links, for `settleAmbiguous`.
 */
interface AmbiguousForms {
  forms: Set<string>;
  cut: Set<string>;
  links: Map<string, Set<string>>;
}

/**
 * After the context pass, two ways an ambiguous wording (see `ambiguousForms`) is settled:
 * - left on its own, with all its links leading into one group now (the groups it seemed to bridge
 *   were joined by their own wordings and context), it is not ambiguous after all and joins it;
 * - placed by the context pass, it takes along its satellites: shortened forms of it from one
 *   township, linked to nothing else, kept out of the fuzzy pass only because their one link was
 *   ambiguous.
 * One whose links still lead into several groups stays apart (its review candidates say where).
 */
function settleAmbiguous(union: DutyUnion, byForm: Map<string, number[]>, ambiguous: AmbiguousForms): void {
  const { forms, links } = ambiguous;
  for (const form of forms) {
    const linked = [...links.get(form)!];
    for (const i of byForm.get(form)!) {
      if (union.townshipsOf(i).size > 1) {
        for (const f of linked)
          if (links.get(f)!.size === 1 && isPart(f, form))
            for (const j of byForm.get(f)!) if (union.townshipsOf(j).size === 1) union.union(j, i, 'settle', dutyFormSimilarity(f, form));
        continue;
      }
      const own = union.find(i);
      const groups = new Set(linked.flatMap((f) => byForm.get(f)!.map((j) => union.find(j))).filter((r) => r !== own));
      if (groups.size !== 1) continue;
      // Recorded through its closest linked wording in that group.
      const [group] = groups;
      const partner = linked
        .filter((f) => byForm.get(f)!.some((j) => union.find(j) === group))
        .map((f) => ({ f, score: dutyFormSimilarity(form, f) }))
        .sort((x, y) => y.score - x.score)[0];
      const j = byForm.get(partner.f)!.find((k) => union.find(k) === group)!;
      union.union(i, j, 'settle', partner.score);
    }
  }
}

/**
 * Whether a form names a part of another: it lies in it (`liesIn`) and is not a near rewording of
 * it (bigram Dice below `FUZZY_THRESHOLD`): `档案管理` in `干部人事档案管理`, but not `干部人事档案` in it.
 */
function isPart(short: string, long: string): boolean {
  return liesIn(short, long) && dutyFormSimilarity(short, long) < FUZZY_THRESHOLD - 1e-12;
}

/** Bigram Dice of two normal forms. */
function dutyFormSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = new Set(bigrams(b));
  return dice(ga.filter((x) => gb.has(x)).length, ga.length, gb.size);
}

/** Whether a shorter form's bigrams lie (at least `OVERLAP_MIN` of them) in a longer one: it names a part of it. */
function liesIn(short: string, long: string): boolean {
  if (Array.from(short).length >= Array.from(long).length) return false;
  const inLong = new Set(bigrams(long));
  const own = bigrams(short);
  return own.filter((x) => inLong.has(x)).length >= OVERLAP_MIN * own.length - 1e-9;
}

/**
 * Pairs [short, long] of distinct forms where the short one (at least `CONTAINED_MIN_CHARS`
 * characters) lies whole in the long one and both name the same numbers. Each form probes only the
 * forms holding its rarest bigram, so the work grows with how common that bigram is.
 */
function containedForms(forms: readonly string[]): [string, string][] {
  const grams = forms.map(bigrams);
  const holders = new Map<string, number[]>();
  grams.forEach((g, i) => {
    for (const x of g) (holders.get(x) ?? holders.set(x, []).get(x)!).push(i);
  });
  const out: [string, string][] = [];
  forms.forEach((short, i) => {
    if (Array.from(short).length < CONTAINED_MIN_CHARS) return;
    let rarest: number[] | undefined;
    for (const x of grams[i]) {
      const list = holders.get(x)!;
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    for (const j of rarest ?? [])
      if (j !== i && forms[j].length > short.length && forms[j].includes(short) && namesSameNumbers(short, forms[j]))
        out.push([short, forms[j]]);
  });
  return out;
}

/**
 * For each cut vertex (articulation point) of an undirected graph that `wanted` accepts: which side
 * each of its neighbours is on once it is removed (sides numbered from 0 within each vertex).
 * Tarjan's low-link on one iterative depth-first search: a child whose subtree cannot reach above
 * the vertex is a side of its own; every other neighbour is on the side of the vertex's parent.
 */
function separatedSides(
  neighbours: ReadonlyMap<number, ReadonlySet<number>>,
  wanted: (v: number) => boolean,
): Map<number, Map<number, number>> {
  const tin = new Map<number, number>();
  const tout = new Map<number, number>();
  const low = new Map<number, number>();
  const children = new Map<number, number[]>();
  const roots = new Set<number>();
  let clock = 0;
  for (const start of neighbours.keys()) {
    if (tin.has(start)) continue;
    roots.add(start);
    tin.set(start, clock);
    low.set(start, clock++);
    const stack: { v: number; parent: number; next: Iterator<number> }[] = [
      { v: start, parent: -1, next: neighbours.get(start)![Symbol.iterator]() },
    ];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const step = top.next.next();
      if (!step.done) {
        const w = step.value;
        if (w === top.parent) continue;
        if (tin.has(w)) low.set(top.v, Math.min(low.get(top.v)!, tin.get(w)!));
        else {
          tin.set(w, clock);
          low.set(w, clock++);
          (children.get(top.v) ?? children.set(top.v, []).get(top.v)!).push(w);
          stack.push({ v: w, parent: top.v, next: neighbours.get(w)![Symbol.iterator]() });
        }
        continue;
      }
      stack.pop();
      tout.set(top.v, clock - 1);
      if (top.parent !== -1) low.set(top.parent, Math.min(low.get(top.parent)!, low.get(top.v)!));
    }
  }
  const out = new Map<number, Map<number, number>>();
  for (const [v, kids] of children) {
    if (!wanted(v)) continue;
    // The first vertex of a search is a cut vertex when it has two children or more; any other
    // when a child's subtree cannot reach above it.
    const isRoot = roots.has(v);
    const sides = isRoot ? kids : kids.filter((w) => low.get(w)! >= tin.get(v)!);
    if (isRoot ? kids.length < 2 : sides.length === 0) continue;
    const sideOf = new Map<number, number>();
    for (const u of neighbours.get(v)!) {
      const k = sides.findIndex((w) => tin.get(w)! <= tin.get(u)! && tin.get(u)! <= tout.get(w)!);
      sideOf.set(u, k === -1 ? sides.length : k);
    }
    out.set(v, sideOf);
  }
  return out;
}

/** Groups duties; ids are 1..n, deterministic for the same input (numbered by first member in input order). */
export function groupDuties(items: DutyInput[], overrides: DutyGroupOverrides): DutyGroup[] {
  return matchDuties(items, overrides).groups;
}

/** Groups duties (see `groupDuties`) and keeps the uncertain candidates of the items left unlinked. */
export function matchDuties(items: DutyInput[], overrides: DutyGroupOverrides): DutyMatching {
  const union = new DutyUnion(items);
  // A region's 279,000 items carry far fewer distinct names: each is cleaned and normalised once
  // (normalising every item was a quarter of the grouping's time at that size).
  const keyOf = memoised(overrideKey);
  const formOf = memoised(normaliseDutyName);
  const byName = new Map<string, number[]>();
  items.forEach((it, i) => {
    const k = keyOf(it.name);
    const l = byName.get(k);
    if (l) l.push(i);
    else byName.set(k, [i]);
  });
  const named = (name: string): number[] => byName.get(keyOf(name)) ?? [];
  (overrides.split ?? []).forEach((e, k) => {
    e.names.forEach((nm, side) => {
      for (const i of named(nm)) union.tag(i, k, side === 0 ? 0 : 1);
    });
  });

  // 1. Reviewed merges.
  for (const e of overrides.merge ?? []) {
    const right = named(e.names[1]);
    for (const i of named(e.names[0])) for (const j of right) union.union(i, j, 'merge', 1);
  }

  // 2. Exact pass on the normal form.
  const forms = items.map((it) => formOf(it.name));
  const byForm = new Map<string, number[]>();
  forms.forEach((f, i) => {
    const l = byForm.get(f);
    if (l) l.push(i);
    else byForm.set(f, [i]);
  });
  for (const members of byForm.values()) {
    // Each item joins the first earlier cluster of its form that accepts it.
    const roots: number[] = [];
    for (const i of members) {
      let placed = false;
      for (const r of roots)
        if (union.union(r, i, 'exact', 1)) {
          placed = true;
          break;
        }
      if (!placed) roots.push(i);
    }
  }

  // 3. Fuzzy pass between distinct forms, by decreasing similarity, ties by first occurrence.
  const ambiguous = fuzzyPass(union, byForm);

  // 4. Context pass: wordings further apart, joined where their documents agree around them; then
  // the ambiguous wordings it left alone whose links now lead into one group join it.
  const context = contextPass(items, union);
  settleAmbiguous(union, byForm, ambiguous);

  // Number groups by first member in input order.
  const idOfRoot = new Map<number, number>();
  const groups: DutyGroup[] = [];
  items.forEach((it, i) => {
    const r = union.find(i);
    let id = idOfRoot.get(r);
    if (id === undefined) {
      id = groups.length + 1;
      idOfRoot.set(r, id);
      groups.push({ id, members: [] });
    }
    groups[id - 1].members.push(it);
  });
  const uncertain = new Map<number, DutyGroupCandidate[]>();
  for (const [i, candidates] of context.uncertain)
    if (union.townshipsOf(i).size === 1)
      uncertain.set(
        items[i].key,
        candidates.map((c) => ({ group: idOfRoot.get(union.find(c.item))!, score: c.score, wording: c.wording, evidence: c.evidence })),
      );
  const joins = union.joins.map((x) => ({ item: items[x.i].key, partner: items[x.j].key, pass: x.pass, score: x.score }));
  return { groups, joins, uncertain };
}
