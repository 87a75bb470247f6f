/**
 * The context pass of duty grouping (duty-groups.ts, METHOD 5): joins clusters — groups as the
 * exact and fuzzy passes left them — whose wordings are too far apart for the fuzzy pass when what
 * the documents say around them agrees, and keeps the closest candidates of every group left
 * unlinked, for review. Pure TypeScript.
 *
 * A candidate is a pair of clusters with a pair of wordings whose weighted similarity
 * (duty-wording.ts) reaches `REVIEW_WORDING`. Its score is the wording similarity plus what the
 * context adds (duty-context.ts):
 *
 *   wording = max(weighted Dice, CONTAINMENT_FACTOR × weighted containment)
 *   score   = wording + CATEGORY (same 事项类别) + LIST (same list)
 *                     + DEPARTMENTS_AGREE or DEPARTMENTS_DISAGREE (department kinds, where both name some)
 *                     + NEIGHBOUR × shared neighbouring groups (at most NEIGHBOURS_COUNTED)
 *
 * Pairs that a township lists apart, a penalty against a duty that is none, and pairs the union's
 * constraints forbid are no candidates. A cluster x joins cluster y when y is x's best candidate and
 * x is y's — or, when y is established (its items come from several townships already), x is y's
 * best among the candidates from x's documents: a duty the bundled lists agree on may take one
 * rewording from every new list at once, but of two similar entries of one list only the closer.
 * Clusters stay the units: a wording that joined a group does not pull a third cluster in after it
 * (no chains through the newcomer). Nor does a wording that joined a cluster in the fuzzy pass carry
 * it into another: two clusters that each hold several townships' items join only when the link
 * holds from the wordings of two townships or more on each side, or is a rewording by itself
 * (`throughOneWording`). The score must reach `ACCEPT` and the wording alone
 * `ACCEPT_WORDING` (`ACCEPT_WORDING_PENALTY` between penalties, whose names share the frame
 * 对…的处罚 and differ in the offence), and some context must agree unless the wording reaches
 * `ACCEPT_WORDING_ALONE`: context decides between plausible wordings, it never makes an
 * implausible one a match. Rounds repeat while they join anything (at most `ROUNDS`): each join
 * gives the neighbours of the next wordings an anchor.
 *
 * Afterwards, a group left unlinked (its items come from one township) keeps its best
 * `CANDIDATES_KEPT` candidate groups scoring at least `REVIEW`, with their evidence.
 *
 * The weights were set by reading the candidates of the first tuning list (tests/fixtures/heldout)
 * and of the bundled lists, never of a blind list; they were left as they were when the second
 * tuning list's wrong links were studied (those were the fuzzy pass's: duty-groups.ts, METHOD 3).
 * `throughOneWording` came from studying the third list's (tuning-huocheng-sangong, blind until
 * then): two of its wrong links were fuzzy-then-context chains through one new wording.
 */
import { namesNoOtherNumbers } from './duty-names';
import { DutyContexts, type ContextEvidence, type ContextItem } from './duty-context';
import { similarWordings } from './duty-candidates';
import { PairWeights, pairsOf, weighForm, wordingForm } from './duty-wording';
import type { DutyUnion } from './duty-union';

export const CONTAINMENT_FACTOR = 0.8;
export const CATEGORY = 0.1;
export const LIST = 0.05;
export const DEPARTMENTS_AGREE = 0.1;
export const DEPARTMENTS_DISAGREE = -0.15;
export const NEIGHBOUR = 0.08;
export const NEIGHBOURS_COUNTED = 2;
export const ACCEPT = 0.7;
export const ACCEPT_WORDING = 0.4;
export const ACCEPT_WORDING_PENALTY = 0.55;
export const ACCEPT_WORDING_ALONE = 0.85;
/** A wording this close is a rewording without context (as the fuzzy pass's Dice ≥ 0.70, rule a). */
export const REWORDING = 0.7;
export const REVIEW = 0.5;
export const REVIEW_WORDING = 0.25;
export const ROUNDS = 4;
export const CANDIDATES_KEPT = 3;

/** One scored candidate: another group, by one of its items. */
export interface ScoredCandidate {
  /** An item of the candidate group (its group is found through the union). */
  item: number;
  score: number;
  /** The wording similarity alone. */
  wording: number;
  evidence: ContextEvidence;
}

export interface ContextPassResult {
  /** Joins made, per round. */
  joinsPerRound: number[];
  /** For each item left unlinked with candidates in the review band, its best candidates, best first. */
  uncertain: Map<number, ScoredCandidate[]>;
}

/** The score of a candidate: its wording similarity plus what its context adds. */
export function candidateScore(wording: number, evidence: ContextEvidence): number {
  const departments = evidence.departments === 'agree' ? DEPARTMENTS_AGREE : evidence.departments === 'disagree' ? DEPARTMENTS_DISAGREE : 0;
  return (
    wording +
    (evidence.category ? CATEGORY : 0) +
    (evidence.list ? LIST : 0) +
    departments +
    NEIGHBOUR * Math.min(evidence.neighbours, NEIGHBOURS_COUNTED)
  );
}

/** A pair of clusters (x < y) and the closest of their wordings. */
interface ClusterPair {
  x: number;
  y: number;
  wording: number;
  /** An item of each side with the closest wording: what a join is recorded with. */
  itemX: number;
  itemY: number;
  /** Per side, the townships whose own wordings reach `ACCEPT_WORDING` against the other side. */
  linkedFromX: Set<string>;
  linkedFromY: Set<string>;
}

interface ScoredPair extends ClusterPair {
  score: number;
  evidence: ContextEvidence;
}

export function contextPass(items: readonly ContextItem[], union: DutyUnion): ContextPassResult {
  const contexts = new DutyContexts(items, union);
  const pairs = clusterPairs(items, contexts);
  const joined = new Set<number>();
  const joinsPerRound: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    contexts.refresh();
    const joins = joinBest(scorePairs(pairs, contexts, union), contexts, union, joined);
    joinsPerRound.push(joins);
    if (joins === 0) break;
  }
  contexts.refresh();
  return { joinsPerRound, uncertain: uncertainCandidates(scorePairs(pairs, contexts, union), contexts, union) };
}

/** Pairs of clusters holding wordings that reach the review floor, each with its closest wording. */
function clusterPairs(items: readonly ContextItem[], contexts: DutyContexts): ClusterPair[] {
  const itemsOf = new Map<string, number[]>();
  const formOfName = new Map<string, string>();
  items.forEach((item, i) => {
    let form = formOfName.get(item.name);
    if (form === undefined) formOfName.set(item.name, (form = wordingForm(item.name)));
    const list = itemsOf.get(form);
    if (list) list.push(i);
    else itemsOf.set(form, [i]);
  });
  const forms = [...itemsOf.keys()];
  const weights = new PairWeights(forms.map(pairsOf));
  const best = new Map<string, ClusterPair>();
  for (const p of similarWordings(
    forms.map((form) => weighForm(form, weights)),
    REVIEW_WORDING,
  )) {
    if (!namesNoOtherNumbers(forms[p.a], forms[p.b])) continue;
    const wording = Math.max(p.dice, CONTAINMENT_FACTOR * p.containment);
    if (wording < REVIEW_WORDING - 1e-9) continue;
    const townshipsA = townshipsPerCluster(itemsOf.get(forms[p.a])!, items, contexts);
    const townshipsB = townshipsPerCluster(itemsOf.get(forms[p.b])!, items, contexts);
    for (const [a, { townships: fromA, item: itemA }] of townshipsA)
      for (const [b, { townships: fromB, item: itemB }] of townshipsB) {
        if (a === b) continue;
        const [x, y, fromX, fromY, itemX, itemY] = a < b ? [a, b, fromA, fromB, itemA, itemB] : [b, a, fromB, fromA, itemB, itemA];
        const key = `${x}|${y}`;
        let seen = best.get(key);
        if (!seen) best.set(key, (seen = { x, y, wording, itemX, itemY, linkedFromX: new Set(), linkedFromY: new Set() }));
        else if (wording > seen.wording) Object.assign(seen, { wording, itemX, itemY });
        if (wording >= ACCEPT_WORDING - 1e-9) {
          for (const t of fromX) seen.linkedFromX.add(t);
          for (const t of fromY) seen.linkedFromY.add(t);
        }
      }
  }
  return [...best.values()];
}

/** The clusters holding `itemIndexes`, each with the townships of those items in it and the first of them. */
function townshipsPerCluster(
  itemIndexes: readonly number[],
  items: readonly ContextItem[],
  contexts: DutyContexts,
): Map<number, { townships: Set<string>; item: number }> {
  const out = new Map<number, { townships: Set<string>; item: number }>();
  for (const i of itemIndexes) {
    const cluster = contexts.clusterOf(i);
    (out.get(cluster) ?? out.set(cluster, { townships: new Set(), item: i }).get(cluster)!).townships.add(items[i].township);
  }
  return out;
}

/** The pairs that could still be joined, scored, best first (ties by cluster position: deterministic). */
function scorePairs(pairs: readonly ClusterPair[], contexts: DutyContexts, union: DutyUnion): ScoredPair[] {
  const out: ScoredPair[] = [];
  for (const p of pairs) {
    if (union.find(p.x) === union.find(p.y) || !union.canJoin(p.x, p.y)) continue;
    const evidence = contexts.evidence(p.x, p.y);
    if (evidence.sameTownship || evidence.penalties === 'one') continue;
    out.push({ ...p, score: candidateScore(p.wording, evidence), evidence });
  }
  return out.sort((p, q) => q.score - p.score || p.x - q.x || p.y - q.y);
}

/** What a join needs besides being chosen: the score, a wording close enough for its kind, some context. */
function acceptable(p: ScoredPair): boolean {
  const e = p.evidence;
  if (p.score < ACCEPT - 1e-9) return false;
  if (p.wording < (e.penalties === 'both' ? ACCEPT_WORDING_PENALTY : ACCEPT_WORDING) - 1e-9) return false;
  const someContext = e.category || e.departments === 'agree' || e.neighbours > 0;
  return someContext || p.wording >= ACCEPT_WORDING_ALONE - 1e-9;
}

/**
 * Whether the pair would join two duties several townships each agree on through the wording of one
 * township on one side: the fuzzy pass put that wording into its cluster, and the other townships'
 * wordings there do not reach the other cluster. Their own lists keep the two apart; one new
 * wording that sits between them does not decide it (the context pass's counterpart of METHOD 3's
 * ambiguous wordings in duty-groups.ts). A newcomer cluster of one township still joins freely, and
 * so does a wording close enough to be a rewording by itself (`REWORDING`): only a link that needs
 * the context to be believed is held back.
 */
function throughOneWording(p: ClusterPair, contexts: DutyContexts): boolean {
  if (p.wording >= REWORDING - 1e-9 || !contexts.isEstablished(p.x) || !contexts.isEstablished(p.y)) return false;
  return p.linkedFromX.size < 2 || p.linkedFromY.size < 2;
}

/**
 * Joins every pair chosen from both sides (see the top of this file); returns how many. A cluster
 * that is not established joins once in the whole pass (`joined` remembers which did): otherwise a
 * newcomer joined to one group could, a round later, carry that group into the next.
 */
function joinBest(scored: readonly ScoredPair[], contexts: DutyContexts, union: DutyUnion, joined: Set<number>): number {
  const other = (p: ScoredPair, c: number) => (p.x === c ? p.y : p.x);
  // Best first, so the first pair seen for a cluster is its best, and per document its best there.
  const best = new Map<number, ScoredPair>();
  const bestPerDocument = new Map<string, ScoredPair>();
  for (const p of scored)
    for (const [c, o] of [
      [p.x, p.y],
      [p.y, p.x],
    ]) {
      if (!best.has(c)) best.set(c, p);
      for (const d of contexts.documents(o)) if (!bestPerDocument.has(`${c}|${d}`)) bestPerDocument.set(`${c}|${d}`, p);
    }
  const chosenBy = (c: number, p: ScoredPair): boolean =>
    best.get(c) === p ||
    (contexts.isEstablished(c) && [...contexts.documents(other(p, c))].every((d) => bestPerDocument.get(`${c}|${d}`) === p));
  const free = (c: number) => contexts.isEstablished(c) || !joined.has(c);
  let joins = 0;
  for (const p of scored) {
    if (!acceptable(p) || !free(p.x) || !free(p.y) || throughOneWording(p, contexts)) continue;
    // Joins earlier in this round may have brought one township to both sides.
    if (contexts.evidence(p.x, p.y).sameTownship) continue;
    const xPicksY = best.get(p.x) === p && chosenBy(p.y, p);
    const yPicksX = best.get(p.y) === p && chosenBy(p.x, p);
    if ((xPicksY || yPicksX) && union.union(p.itemX, p.itemY, 'context', p.score)) {
      joins++;
      joined.add(p.x).add(p.y);
    }
  }
  return joins;
}

/** The best candidate groups of every group left unlinked, per item. */
function uncertainCandidates(scored: readonly ScoredPair[], contexts: DutyContexts, union: DutyUnion): Map<number, ScoredCandidate[]> {
  const unlinked = (cluster: number) => union.townshipsOf(cluster).size === 1;
  /** Per unlinked group (root), its candidates by candidate group (root), best first. */
  const byRoot = new Map<number, Map<number, ScoredCandidate>>();
  const add = (cluster: number, candidate: number, p: ScoredPair) => {
    const root = union.find(cluster);
    if (!unlinked(root)) return;
    const candidates = byRoot.get(root) ?? byRoot.set(root, new Map()).get(root)!;
    const group = union.find(candidate);
    if (candidates.size < CANDIDATES_KEPT && !candidates.has(group))
      candidates.set(group, { item: candidate, score: p.score, wording: p.wording, evidence: p.evidence });
  };
  for (const p of scored) {
    if (p.score < REVIEW - 1e-9) break;
    add(p.x, p.y, p);
    add(p.y, p.x, p);
  }
  const out = new Map<number, ScoredCandidate[]>();
  for (const cluster of contexts.clusters()) {
    const candidates = byRoot.get(union.find(cluster));
    if (candidates) for (const i of contexts.members(cluster)) out.set(i, [...candidates.values()]);
  }
  return out;
}
