/**
 * The county text parts, written by the build's two threads together: each takes the next county not
 * yet taken, so that the worker, which derives the search index and the other parts, and the main
 * thread, once its database is written and checked, finish together instead of one waiting for the
 * other. A text part depends on its county's rows alone, so either thread writes the same bytes.
 */
import type { SqlJsStatic } from 'sql.js';
import type { AtlasFile, ContractTables } from '../../src/lib/atlas/derive';
import { planTextFiles } from '../../src/lib/atlas/text-files';

/** Slots of the shared counter: the next county to take, and how many there are once a thread has planned them. */
const NEXT = 0;
const TOTAL = 1;
const UNKNOWN = -1;

export function textClaim(): Int32Array {
  const claim = new Int32Array(new SharedArrayBuffer(8));
  claim[TOTAL] = UNKNOWN;
  return claim;
}

export interface ClaimedFile {
  /** The county's place in deriveTextFiles's order. */
  index: number;
  /** Its names and its steps. */
  files: AtlasFile[];
}

/** Writes the counties this thread takes until none is left. */
export function writeClaimedTextFiles(
  SQL: SqlJsStatic,
  tables: Pick<ContractTables, 'townships' | 'items' | 'steps'>,
  claim: Int32Array,
  pack: (bytes: Uint8Array) => Uint8Array,
): ClaimedFile[] {
  // Planning sorts every item: not worth it when the other thread has already taken every county.
  const total = Atomics.load(claim, TOTAL);
  if (total !== UNKNOWN && Atomics.load(claim, NEXT) >= total) return [];
  const plan = planTextFiles(tables);
  Atomics.store(claim, TOTAL, plan.counties.length);
  const files: ClaimedFile[] = [];
  for (let index = Atomics.add(claim, NEXT, 1); index < plan.counties.length; index = Atomics.add(claim, NEXT, 1))
    files.push({ index, files: plan.write(SQL, index, pack) });
  return files;
}

/** Both threads' files in deriveTextFiles's order; throws if a county was written by neither or by both. */
export function mergeTextFiles(claim: Int32Array, ...claimed: ClaimedFile[][]): AtlasFile[] {
  const all = claimed.flat().sort((a, b) => a.index - b.index);
  const total = Atomics.load(claim, TOTAL);
  if (all.length !== total || all.some(({ index }, i) => index !== i))
    throw new Error(`text parts: ${all.length} files written for ${total} counties, or a county written twice`);
  return all.flatMap(({ files }) => files);
}
