/**
 * How well duty-group matching links a list it has never seen: the bundled lists and one held-out
 * list (tests/fixtures/heldout/) are assembled together exactly as the build assembles them, and
 * the duty group each held-out item lands in is compared with a hand-written answer key.
 *
 * Scoring, per held-out item, in terms of the groups the bundled lists form on their own:
 * - the key accepts the groups of the bundled items it names (usually one; several where the
 *   bundled groups keep apart wordings a careful reader takes for one duty), or none: a new duty;
 * - linked: the item's group holds bundled items;
 * - right: linked, and every bundled item it is grouped with is in an accepted group;
 * - wrong: linked to a bundled item of a group the key does not accept;
 * - missed: the key accepts a group and the item is not right (not linked, or wrongly linked).
 * precision = right / linked, recall = right / links in the key. `bundledJoined` lists bundled
 * groups that the held-out list joined into one (a held-out item bridging two groups).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeListFile, parseDocument } from '../../src/lib/parse';
import { assembleAtlas, type AtlasData, type SourceDocument } from '../../src/lib/model/assemble';
import { withPlaceTable } from '../../src/lib/model/department-places';
import { resolvePlace } from '../../src/lib/model/places';
import type { PlaceTable } from '../../src/lib/model/place-table';
import type { ItemRow } from '../../src/lib/db/schema';
import { loadPlaceTable } from './load-place-table';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLED_DIR = join(ROOT, 'data/raw');
export const HELDOUT_DIR = join(ROOT, 'tests/fixtures/heldout');

/** The shape of a `*.key.json` beside a held-out list. */
export interface AnswerKey {
  reworded_from: string;
  /**
   * `list 序号` of the held-out list → `township-id list 序号` of the bundled item a careful reader
   * links it to (several where the bundled groups split one duty), or null: a new duty.
   */
  links: Record<string, string | string[] | null>;
  new_duties: Record<string, string>;
  /** Tuning keys only: why an item names several bundled items that were added after reading a run. */
  also_accepted?: Record<string, string>;
  /** Why some items name several bundled items when the key was first written (read from the bundled groups). */
  several_named?: string;
}

/** A held-out list and its key, by the list file's name without `.txt` (`tuning-hejing-keergute`). */
export interface HeldOutSet {
  name: string;
  /** `tuning` sets were read while the matcher was changed; `blind` ones were not. */
  role: 'tuning' | 'blind';
  /** The township id the list gets: the file name without its role. */
  townshipId: string;
  path: string;
  key: AnswerKey;
}

export interface LinkOutcome {
  /** `list 序号` of the held-out item. */
  item: string;
  name: string;
  /** The bundled items the key accepts, with their names; empty for a new duty. */
  expected: { ref: string; name: string }[];
  /** Names of bundled items in the group the held-out item joined (one per bundled township and list), or none. */
  linkedTo: string[];
  verdict: 'right' | 'wrong' | 'missed' | 'new';
  /** For an item left unlinked: its review candidates (first item names of the groups), and whether one is a group the key accepts. */
  review: { candidates: string[]; holdsAnswer: boolean };
}

export interface MatchingScore {
  set: HeldOutSet;
  links: number;
  linked: number;
  right: number;
  precision: number;
  recall: number;
  outcomes: LinkOutcome[];
  /** Bundled groups (as their first items' names) that the held-out list joined into one. */
  bundledJoined: string[][];
}

/** The held-out sets in the fixture folder, tuning first. */
export function heldOutSets(dir = HELDOUT_DIR): HeldOutSet[] {
  return readdirSync(dir)
    .filter((f) => /^(tuning|blind)-.+\.txt$/.test(f))
    .sort((a, b) => (a.startsWith('tuning') === b.startsWith('tuning') ? a.localeCompare(b) : a.startsWith('tuning') ? -1 : 1))
    .map((file) => {
      const name = basename(file, '.txt');
      const role = name.startsWith('tuning-') ? 'tuning' : 'blind';
      return {
        name,
        role,
        townshipId: name.slice(role.length + 1),
        path: join(dir, file),
        key: JSON.parse(readFileSync(join(dir, `${name}.key.json`), 'utf8')) as AnswerKey,
      };
    });
}

export function readList(path: string, townshipId: string, places: PlaceTable): SourceDocument {
  const document = parseDocument(decodeListFile(readFileSync(path)).text, basename(path));
  return { townshipId, document, place: resolvePlace(document.place, places) };
}

/** The bundled lists, read once per process: every set is scored against the same ones. */
let bundledCache: SourceDocument[] | null = null;
export function bundledSources(places: PlaceTable): SourceDocument[] {
  bundledCache ??= readdirSync(BUNDLED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readList(join(BUNDLED_DIR, f), basename(f, '.txt'), places));
  return bundledCache;
}

/** Assembles sources the way the build does: reviewed aliases (with the place table) and overrides. */
export function assembleLikeTheBuild(sources: SourceDocument[], places: PlaceTable): AtlasData {
  const aliases = withPlaceTable(JSON.parse(readFileSync(join(ROOT, 'data/department-aliases.json'), 'utf8')), places);
  const overrides = JSON.parse(readFileSync(join(ROOT, 'data/duty-group-overrides.json'), 'utf8'));
  return assembleAtlas(sources, aliases, overrides);
}

/** The bundled lists alone, as the build assembles them. */
export function assembleBundled(places: PlaceTable = loadPlaceTable()): AtlasData {
  return assembleLikeTheBuild(bundledSources(places), places);
}

const refOf = (item: Pick<ItemRow, 'township_id' | 'list' | 'seq'>) => `${item.township_id} ${item.list} ${item.seq}`;
const localRefOf = (item: Pick<ItemRow, 'list' | 'seq'>) => `${item.list} ${item.seq}`;

/** Scores one held-out set: the bundled lists and that list assembled together. */
export function scoreHeldOutSet(set: HeldOutSet, places: PlaceTable = loadPlaceTable()): MatchingScore {
  const bundled = bundledSources(places);
  const alone = assembleLikeTheBuild(bundled, places);
  const data = assembleLikeTheBuild([...bundled, readList(set.path, set.townshipId, places)], places);
  const byRef = new Map(data.items.map((i) => [refOf(i), i]));
  const members = new Map<number, ItemRow[]>();
  for (const item of data.items) members.set(item.duty_group, [...(members.get(item.duty_group) ?? []), item]);

  const heldOut = data.items.filter((i) => i.township_id === set.townshipId);
  const keyed = new Set(Object.keys(set.key.links));
  const unkeyed = heldOut.map(localRefOf).filter((r) => !keyed.has(r));
  if (unkeyed.length) throw new Error(`${set.name}: items without an answer: ${unkeyed.join(', ')}`);

  const groupAlone = new Map(alone.items.map((i) => [refOf(i), i.duty_group]));
  const candidatesOf = new Map<number, number[]>();
  for (const c of data.dutyGroupCandidates) candidatesOf.set(c.item_id, [...(candidatesOf.get(c.item_id) ?? []), c.candidate_group]);
  const outcomes: LinkOutcome[] = heldOut.map((item) => {
    const target = set.key.links[localRefOf(item)];
    const expected = (target === null ? [] : typeof target === 'string' ? [target] : target).map((ref) => {
      const original = byRef.get(ref);
      if (!original) throw new Error(`${set.name}: ${localRefOf(item)} names ${ref}, which no bundled list has`);
      return { ref, name: original.name };
    });
    const accepted = new Set(expected.map((e) => groupAlone.get(e.ref)));
    const bundledMates = members.get(item.duty_group)!.filter((m) => m.township_id !== set.townshipId);
    const linkedTo = [...new Set(bundledMates.map((m) => m.name))];
    const foreign = bundledMates.some((m) => !accepted.has(groupAlone.get(refOf(m))));
    const verdict: LinkOutcome['verdict'] = bundledMates.length === 0 ? (expected.length ? 'missed' : 'new') : foreign ? 'wrong' : 'right';
    const candidateGroups = candidatesOf.get(item.id) ?? [];
    const review = {
      candidates: candidateGroups.map(
        (g) => members.get(g)!.find((m) => m.township_id !== set.townshipId)?.name ?? members.get(g)![0].name,
      ),
      holdsAnswer: candidateGroups.some((g) =>
        members.get(g)!.some((m) => m.township_id !== set.townshipId && accepted.has(groupAlone.get(refOf(m)))),
      ),
    };
    return { item: localRefOf(item), name: item.name, expected, linkedTo, verdict, review };
  });

  const links = outcomes.filter((o) => o.expected.length).length;
  const linked = outcomes.filter((o) => o.linkedTo.length > 0).length;
  const right = outcomes.filter((o) => o.verdict === 'right').length;
  return {
    set,
    links,
    linked,
    right,
    precision: linked ? right / linked : 1,
    recall: links ? right / links : 1,
    outcomes,
    bundledJoined: joinedGroups(alone.items, data.items),
  };
}

/** Groups of `before` that share a group in `after` (items matched by township, list and 序号). */
export function joinedGroups(before: readonly ItemRow[], after: readonly ItemRow[]): string[][] {
  const groupAfter = new Map(after.map((i) => [refOf(i), i.duty_group]));
  const firstOfGroup = new Map<number, ItemRow>();
  for (const item of before) if (!firstOfGroup.has(item.duty_group)) firstOfGroup.set(item.duty_group, item);
  const byAfter = new Map<number, ItemRow[]>();
  for (const first of firstOfGroup.values()) {
    const g = groupAfter.get(refOf(first))!;
    byAfter.set(g, [...(byAfter.get(g) ?? []), first]);
  }
  return [...byAfter.values()].filter((firsts) => firsts.length > 1).map((firsts) => firsts.map((f) => f.name));
}
