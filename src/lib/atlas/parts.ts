/**
 * The parts of the served data, and where each lives under the site's `data/` folder.
 *
 * The complete database (`data/duties.sqlite`) is the contract for people and tools; the browser
 * never needs all of it at once. The build derives these parts from it (src/lib/atlas/derive.ts):
 *
 *   summary   places, townships, categories, departments, duty groups and the per-township cube of
 *             item counts — everything the first chart of 总览 and 事项类别 reads. The only part on
 *             the first-paint path; the worker opens it as its main database.
 *   network   department × township cubes (部门网络).
 *   rollups   the network cubes summed per county, and the departments named per kind and place:
 *             what a department-kind filter reads above a county (a fifth of the network's bytes).
 *   heatmap   duty group × township holding status for duties reclaimed somewhere (收回事项热力图).
 *   facts     one row per item without its text: list, category, duty group, step counts, departments.
 *             Exact answers the cubes cannot give (a department-kind filter, search hits, rankings of
 *             single duties) read it.
 *   review    the review queue of duty grouping: items left unlinked, their candidate groups and the
 *             evidence (匹配审核).
 *   variance  per duty group and county: townships listing it per list and category, and naming each
 *             lead or receiving department kind (口径差异).
 *   audit     stated against parsed counts per township and list, and the findings a person checks
 *             against the documents, each with its item, line and wording (数据核对).
 *   text:<id> names and steps of one county's items, in two files (names, steps): detail, fetched
 *             only for the counties shown; a list of names fetches the names alone.
 *   search    a bigram index over names and steps in bucket files (src/lib/search/).
 *
 * A query names the parts it reads in `Sql.needs`; the engine loads them before running it.
 */

export const ATLAS_DIR = 'atlas';

// Each fixed part is ATTACHed once loaded, beside a county's text while it is copied in: sql.js's
// SQLite attaches at most 10 databases, so there is room for two more parts.
export type FixedPart = 'network' | 'rollups' | 'heatmap' | 'facts' | 'review' | 'variance' | 'audit';
export const FIXED_PARTS: readonly FixedPart[] = ['network', 'rollups', 'heatmap', 'facts', 'review', 'variance', 'audit'];

/**
 * The fixed parts whose rows name duty groups; with the summary (its duty_groups table), all that
 * grouping the items anew changes (a review decision). The audit's weak matches are joins of groups;
 * the network part's `net_kind_groups_county` lists a kind's duty groups per county. The text and
 * search parts never read a duty group.
 */
export const DUTY_GROUP_PARTS: readonly FixedPart[] = ['network', 'heatmap', 'facts', 'review', 'variance', 'audit'];

// Every file is gzipped by the build (unpack.ts); the names say so.
export const SUMMARY_FILE = `${ATLAS_DIR}/summary.sqlite.gz`;
/**
 * Xinjiang's divisions from the place table (JSON, gzipped), written by the build for the browser's
 * import of lists; never read for the first chart.
 */
export const PLACE_TABLE_FILE = `${ATLAS_DIR}/places.json.gz`;

export const partFile = (part: FixedPart): string => `${ATLAS_DIR}/${part}.sqlite.gz`;

/** The need for one county's text, by its place id (places.id in the summary): its items' names and steps. */
export const textNeed = (countyPlace: number): string => `text:${countyPlace}`;
/**
 * The need for one county's item names alone (item_text, not step_text), from its names file: a
 * list of rows reads no step, and a county's steps are most of its text (at 1,100 townships 0.44 of a
 * large county's 0.56 MB gzipped; copying them, 40-70 ms of 70-100 in Node). Met by `textNeed` as well.
 */
export const namesNeed = (countyPlace: number): string => `names:${countyPlace}`;
/**
 * The need for some items' names and steps: a screen of search results reads the step each row
 * matched in, and copying just those rows' text takes a millisecond where the county's 10,000–30,000
 * steps took 40–100 at 1,100 townships. Met by `textNeed` as well. Items in order, so that the same
 * rows make the same need. With no items it fetches the county's two files and copies nothing: what
 * a search about to show rows there asks for ahead.
 */
export const stepsNeed = (countyPlace: number, items: readonly number[]): string =>
  `steps:${countyPlace}:${[...new Set(items)].sort((a, b) => a - b).join(',')}`;
/**
 * A county's text is two files: its items' names, and their steps. A list of rows reads names alone,
 * and at 1,100 townships a large county's names are 0.12 MB gzipped against 0.44 MB of steps (0.3
 * against 1.4 MB before each distinct text was stored once): the names need fetched both, in one
 * file, until they were split.
 */
export const namesFile = (countyPlace: number): string => `${ATLAS_DIR}/text/${countyPlace}.names.sqlite.gz`;
export const stepsFile = (countyPlace: number): string => `${ATLAS_DIR}/text/${countyPlace}.steps.sqlite.gz`;
/** The county of a text file's path (its names or its steps); null for any other path. */
export function countyOfTextFile(path: string): number | null {
  const m = /^atlas\/text\/(\d+)\.(names|steps)\.sqlite\.gz$/.exec(path);
  return m ? Number(m[1]) : null;
}

/** The files a review decision derives again: the summary and the parts naming duty groups. */
export const regroupedFiles = (): Set<string> => new Set([SUMMARY_FILE, ...DUTY_GROUP_PARTS.map(partFile)]);

/** The part a listed file belongs to, as the summary's `files` table names it: `atlas/text/12.sqlite.gz` → text. */
export function partOfFile(path: string): string {
  return /^atlas\/([^/.]+)/.exec(path)?.[1] ?? path;
}

export const searchBucketFile = (bucket: number): string => `${ATLAS_DIR}/search/${bucket}.bin.gz`;

/** Parses a need back into what to load; null for a need this build does not know. */
export function parseNeed(
  need: string,
):
  | { kind: 'part'; part: FixedPart }
  | { kind: 'text' | 'names'; county: number }
  | { kind: 'steps'; county: number; items: number[] }
  | null {
  if ((FIXED_PARTS as readonly string[]).includes(need)) return { kind: 'part', part: need as FixedPart };
  const text = /^(text|names):(\d+)$/.exec(need);
  if (text) return { kind: text[1] as 'text' | 'names', county: Number(text[2]) };
  const steps = /^steps:(\d+):((?:\d+(?:,\d+)*)?)$/.exec(need);
  return steps ? { kind: 'steps', county: Number(steps[1]), items: steps[2] ? steps[2].split(',').map(Number) : [] } : null;
}
