/**
 * How two wordings of a duty are compared when the document around them is consulted too (the
 * context pass of duty-groups.ts). Pure TypeScript.
 *
 * The exact and fuzzy passes compare `normaliseDutyName` forms: they must stay as they are, so the
 * bundled lists keep their reviewed groups. This module reads wordings more loosely, the way a
 * reader skims two lists side by side:
 *
 * - every clause loses the verbs that only say "the township does this" — 负责, 做好, 开展, 加强,
 *   推进, 落实, 协助, 配合, … — and a closing 工作 (`…，做好人才引进工作` ≡ `人才引进`), not
 *   only the first clause as `normaliseDutyName` does;
 * - the township names itself 乡 or 镇 as it is one or the other: 乡党委 ≡ 镇党委, 驻乡 ≡ 驻镇;
 * - a few abbreviations every drafter uses are written out (社保 → 社会保险, 非遗 → 非物质文化遗产);
 * - character pairs (bigrams) are weighted by how rare they are among all wordings (inverse document
 *   frequency), so `宣传教育` or `监督管理`, which half the duties share, count for little, and
 *   `私屠滥宰` or `五老` for much.
 *
 * Two weighted scores come out: Dice (how much the two wordings share, over both) and containment
 * (how much of the lighter wording lies in the heavier: a shortened paraphrase keeps its rare words).
 */
import { normaliseDutyName } from './duty-names';

/** Verbs and adverbs that open a clause and say nothing about which duty it is. */
const CLAUSE_OPENING =
  /^(负责|做好|开展|加强|推进|落实|协助|配合|组织开展|组织实施|积极|全面|依法|及时|切实|认真|进一步|抓好|深化|推动|大力|着力|统筹)+/;
/** Clauses end at these marks; 、 and 和 join objects inside a clause and stay. */
const CLAUSE_BREAK = /[,，;；。:：]/;
/** A township names itself by what it is: 乡 or 镇. Only where the word is the township itself. */
const TOWNSHIP_SELF = /(?<=驻)乡|乡(?=(人民代表大会|人大|党委|政府|政权|消防规划|干部|机关))/g;
/** Abbreviations written out, so the short and long forms share their pairs. */
const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/社保/g, '社会保险'],
  [/非遗/g, '非物质文化遗产'],
  [/低保/g, '最低生活保障'],
];

/** The form two wordings are compared in: clause openings dropped, then `normaliseDutyName`. */
export function wordingForm(name: string): string {
  let text = name.normalize('NFKC').replace(/\s+/g, '');
  for (const [short, long] of ABBREVIATIONS) text = text.replace(short, long);
  text = text.replace(TOWNSHIP_SELF, '镇');
  const clauses = text.split(CLAUSE_BREAK).map((clause) => clause.replace(CLAUSE_OPENING, ''));
  return normaliseDutyName(clauses.filter((c) => c !== '').join('，'));
}

/** The distinct character pairs of a form; a one-character form is its own pair. */
export function pairsOf(form: string): string[] {
  const chars = Array.from(form);
  if (chars.length < 2) return chars;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i] + chars[i + 1]);
  return [...pairs];
}

/** Pair weights over a set of forms: ln((n + 1) / forms with the pair), so rare pairs weigh more. */
export class PairWeights {
  private readonly formsWith = new Map<string, number>();
  private readonly total: number;

  constructor(forms: Iterable<readonly string[]>) {
    let n = 0;
    for (const pairs of forms) {
      n++;
      for (const p of pairs) this.formsWith.set(p, (this.formsWith.get(p) ?? 0) + 1);
    }
    this.total = n;
  }

  weight(pair: string): number {
    return Math.log((this.total + 1) / (this.formsWith.get(pair) ?? 1));
  }

  /** How many forms hold the pair: the index probes its rarest pairs first. */
  frequency(pair: string): number {
    return this.formsWith.get(pair) ?? 0;
  }
}

/** A form's pairs with their weights, heaviest first, and their sum. */
export interface WeightedForm {
  form: string;
  pairs: string[];
  weights: number[];
  total: number;
}

export function weighForm(form: string, weights: PairWeights): WeightedForm {
  const pairs = pairsOf(form)
    .map((p) => [p, weights.weight(p)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { form, pairs: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1]), total: pairs.reduce((s, p) => s + p[1], 0) };
}

export interface WordingSimilarity {
  /** Weighted Dice: 2·shared / (a + b). */
  dice: number;
  /** Weighted containment: shared / the lighter form's weight. */
  containment: number;
}

export function wordingSimilarity(a: WeightedForm, b: WeightedForm): WordingSimilarity {
  const inB = new Set(b.pairs);
  let shared = 0;
  a.pairs.forEach((p, i) => {
    if (inB.has(p)) shared += a.weights[i];
  });
  const lighter = Math.min(a.total, b.total);
  return {
    dice: a.total + b.total > 0 ? (2 * shared) / (a.total + b.total) : 0,
    containment: lighter > 0 ? shared / lighter : 0,
  };
}
