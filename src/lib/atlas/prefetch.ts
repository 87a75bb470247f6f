import { FIXED_PARTS, countyOfTextFile, partFile, textNeed } from './parts';

/**
 * Parts fetched in the background after the first chart, smallest first, up to this many bytes in
 * all (as served, gzipped). 16 MB holds a region's fixed parts (network, rollups, heatmap and the 10 MB of
 * facts that a department-kind filter reads, at 1,100 townships) with room for some counties' text;
 * inflated, they take ≈40 MB of the worker's memory.
 */
export const PREFETCH_BUDGET = 16 * 1024 * 1024;

/**
 * What to fetch while the reader looks at the first chart: the fixed parts (network, rollups,
 * heatmap, facts…), smallest first, as long as the total stays within the budget, then the county
 * text parts. The bundled lists' data is well under it — every view then answers without a wait, as
 * before the data was split; a region's is not, and its parts arrive when a view asks for them.
 *
 * The other counties' text comes all or none: where it all fits (the bundled lists, a prefecture's
 * 100 townships) every list and search answers without a wait. A region's does not; the counties that
 * would fit are the smallest, which no view reads first, and each is copied in whole in the worker
 * while the reader's first filter changes wait behind it. With a county's text 0.1–0.7 MB at 1,100
 * townships (names and steps stored once per distinct text), that was about 20 counties.
 *
 * `firstCounties` go ahead of the other counties' text: the shell names the county of the scope's
 * first township, whose names 事项查询 lists first when it is opened (its rows run in display
 * order). At 1,100 townships that county's text (0.7 MB) cost the explorer's first screen 150 ms
 * of waiting, while the plan took the smallest counties, which no view reads first.
 */
export function prefetchPlan(
  files: ReadonlyMap<string, number>,
  budget = PREFETCH_BUDGET,
  firstCounties: readonly number[] = [],
): string[] {
  const candidates: [need: string, bytes: number][] = [];
  for (const part of FIXED_PARTS) {
    const bytes = files.get(partFile(part));
    if (bytes !== undefined) candidates.push([part, bytes]);
  }
  // A county's text is its names and its steps, two files: one need, their bytes together.
  const textBytes = new Map<number, number>();
  for (const [path, bytes] of files) {
    const county = countyOfTextFile(path);
    if (county !== null) textBytes.set(county, (textBytes.get(county) ?? 0) + bytes);
  }
  for (const [county, bytes] of textBytes) candidates.push([textNeed(county), bytes]);
  const first = new Set(firstCounties.map(textNeed));
  const rank = ([need]: [string, number]) => (!need.startsWith('text:') ? 0 : first.has(need) ? 1 : 2);
  // Fixed parts first (every view reads one), then the named counties' text, then the others; each group smallest first.
  candidates.sort((a, b) => rank(a) - rank(b) || a[1] - b[1]);
  const plan: string[] = [];
  let total = 0;
  const take = ([need, bytes]: [string, number]) => {
    if (total + bytes > budget) return;
    plan.push(need);
    total += bytes;
  };
  candidates.filter((c) => rank(c) < 2).forEach(take);
  const others = candidates.filter((c) => rank(c) === 2);
  if (total + others.reduce((sum, [, bytes]) => sum + bytes, 0) <= budget) others.forEach(take);
  return plan;
}
