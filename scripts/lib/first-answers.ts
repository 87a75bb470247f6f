/**
 * The build's first answers (src/lib/db/first-answers.ts): the questions the page asks for its first
 * screen, answered from the parts this build has just written, by the same engine the browser runs.
 * The questions come from the page's own code, not a list of ours: the shell's (readShell) and what
 * the boot asks for 总览 on a page opened without filters (askOverview), so a change to either
 * changes the file with it.
 */
import type { SqlJsStatic } from 'sql.js';
import { AtlasEngine } from '../../src/lib/atlas/engine';
import { memorySource } from '../../src/lib/atlas/memory-source';
import type { AtlasFile } from '../../src/lib/atlas/derive';
import type { DbClient } from '../../src/lib/db/client';
import type { Sql } from '../../src/lib/db/sql';
import { FIRST_ANSWERS_FILE, firstAnswersJson } from '../../src/lib/db/first-answers';
import { readShell } from '../../src/lib/state/shell-data';
import { decodeState } from '../../src/lib/state/url-codec';
import { askOverview } from '../../src/views/overview/load';

/** A client that answers from `engine` and keeps every question asked with its answer. */
function recording(engine: AtlasEngine) {
  const asked: (readonly [Sql, object[]])[] = [];
  const answering: Promise<unknown>[] = [];
  const client: DbClient = {
    query<Row extends object>(q: Sql): Promise<Row[]> {
      const answer = engine.query<Row>(q).then((rows) => {
        asked.push([q, rows]);
        return rows;
      });
      answering.push(answer);
      return answer;
    },
  };
  return { client, asked, answering };
}

/** The first answers of the data in `files` (the parts a build writes), as their file, packed with `pack`. */
export async function firstAnswersFile(
  SQL: SqlJsStatic,
  files: readonly AtlasFile[],
  pack: (bytes: Uint8Array) => Uint8Array,
): Promise<AtlasFile> {
  const engine = await AtlasEngine.open(SQL, memorySource(new Map(files.map((f) => [f.path, f.bytes]))));
  try {
    const { client, asked, answering } = recording(engine);
    const shell = await readShell(client);
    askOverview({ client, places: shell.places }, decodeState(''));
    // askOverview asks without waiting (the page reads its answers later): wait for every one here.
    // A question that fails fails the build: the page would otherwise ask it again and fail there.
    for (let waited = 0; waited < answering.length;) {
      const batch = answering.slice(waited);
      waited = answering.length;
      await Promise.all(batch);
    }
    const info = { files: [...engine.info.files], meta: engine.info.meta };
    const json = firstAnswersJson(info, asked);
    return { path: FIRST_ANSWERS_FILE, part: 'first-answers', bytes: pack(new TextEncoder().encode(json)) };
  } finally {
    engine.close();
  }
}
