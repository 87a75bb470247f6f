/**
 * Which wordings are worth comparing in the context pass: all pairs of distinct forms whose
 * weighted containment (duty-wording.ts) reaches a floor, found without comparing all pairs.
 * Pure TypeScript.
 *
 * Prefix filtering, weighted: for a pair to reach containment t, the lighter form L must share
 * pairs worth t·|L| with the other. List L's pairs heaviest first; once the pairs left after a
 * prefix weigh less than t·|L|, the other form must hold at least one pair of that prefix. So each
 * form probes an index of every form's pairs with its prefix only, and meets only heavier forms
 * (ties broken by position) — each pair of forms is met once, from its lighter side. The heaviest
 * pairs are the rarest, whose index entries are short: the work grows with the forms sharing rare
 * pairs, not with the square of the number of forms. Exact: nothing at or above the floor is missed.
 */
import { wordingSimilarity, type WeightedForm, type WordingSimilarity } from './duty-wording';

export interface WordingPair extends WordingSimilarity {
  /** Positions of the two forms in the input. */
  a: number;
  b: number;
}

/** Pairs of forms (by position) whose weighted containment is at least `floor`. */
export function similarWordings(forms: readonly WeightedForm[], floor: number): WordingPair[] {
  const holders = new Map<string, number[]>();
  forms.forEach((f, i) => {
    for (const p of f.pairs) {
      const list = holders.get(p);
      if (list) list.push(i);
      else holders.set(p, [i]);
    }
  });
  const heavier = (i: number, j: number) => forms[j].total > forms[i].total || (forms[j].total === forms[i].total && j > i);
  const out: WordingPair[] = [];
  forms.forEach((light, i) => {
    if (light.total <= 0) return;
    const met = new Set<number>();
    let left = light.total;
    for (let k = 0; k < light.pairs.length && left >= floor * light.total - 1e-9; k++) {
      left -= light.weights[k];
      for (const j of holders.get(light.pairs[k])!) {
        if (j === i || met.has(j) || !heavier(i, j)) continue;
        met.add(j);
        const similarity = wordingSimilarity(light, forms[j]);
        if (similarity.containment >= floor - 1e-9) out.push({ a: i, b: j, ...similarity });
      }
    }
  });
  return out;
}
