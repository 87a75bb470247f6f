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
 * heatmap, facts…) and the county text parts, smallest first, as long as the total stays within the budget.
 * The bundled lists' data is well under it — every view then answers without a wait, as before
 * the data was split; a region's is not, and its parts arrive when a view asks for them.
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
  for (const [need, bytes] of candidates) {
    if (total + bytes > budget) continue;
    plan.push(need);
    total += bytes;
  }
  return plan;
}
