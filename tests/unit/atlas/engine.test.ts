import { readFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { AtlasEngine, AtlasLoadError, type AtlasSource } from '../../../src/lib/atlas/engine';
import {
  SUMMARY_FILE,
  countyOfTextFile,
  namesFile,
  namesNeed,
  partFile,
  stepsFile,
  stepsNeed,
  textNeed,
} from '../../../src/lib/atlas/parts';
import { unpack } from '../../../src/lib/atlas/unpack';
import { sql, needing } from '../../../src/lib/db/sql';
import { completeDb, realDb } from '../queries/real-db';

const DATA = resolve(import.meta.dirname, '../../../public/data');

/** The bundled parts, with some files replaced and every fetch recorded. */
function source(replace: Record<string, Uint8Array | Error> = {}): AtlasSource & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched,
    async fetch(path) {
      fetched.push(path);
      const replaced = replace[path];
      if (replaced instanceof Error) throw replaced;
      return replaced ?? new Uint8Array(await readFile(join(DATA, path)));
    },
  };
}
const html = new TextEncoder().encode('<!doctype html><title>Not found</title>');

/** A bundled county's 600–800 steps copied in a dozen slices for this test, as a region's county is. */
function smallSlices(): void {
  const slice = AtlasEngine.stepSlice;
  AtlasEngine.stepSlice = 50;
  onTestFinished(() => void (AtlasEngine.stepSlice = slice));
}

/** The counties of an engine's text parts, by place id. */
const countiesOf = (engine: AtlasEngine) => [
  ...new Set([...engine.info.files.keys()].map(countyOfTextFile).filter((c): c is number => c !== null)),
];
/** How many times each of a county's text files was fetched: [names, steps]. */
const fetchesOf = (src: { fetched: string[] }, county: number) =>
  [namesFile(county), stepsFile(county)].map((f) => src.fetched.filter((p) => p === f).length);

/** An engine over `src`, and a query of the names and steps copied in so far, once `needs` are met. */
async function engineWithCounts(src: AtlasSource) {
  const engine = await AtlasEngine.open(SQL, src);
  const counts = (...needs: string[]) =>
    engine.query<{ names: number; steps: number }>(
      needing(sql`SELECT (SELECT count(*) FROM item_text) AS names, (SELECT count(*) FROM step_text) AS steps`, ...needs),
    );
  return { engine, counts };
}

let SQL: SqlJsStatic;
beforeAll(async () => {
  await realDb(); // builds public/data if needed
  SQL = await initSqlJs();
});

describe('AtlasEngine', () => {
  it('opens with the summary alone and fetches a part once, when a query first needs it', async () => {
    const src = source();
    const engine = await AtlasEngine.open(SQL, src);
    expect(src.fetched).toEqual([SUMMARY_FILE]);
    const facts = needing(sql`SELECT count(*) AS n FROM fact_items`, 'facts');
    const [a, b] = await Promise.all([engine.query<{ n: number }>(facts), engine.query<{ n: number }>(facts)]);
    expect(a[0].n).toBe(1237);
    expect(b[0].n).toBe(1237);
    expect(src.fetched.filter((p) => p === partFile('facts'))).toHaveLength(1);
  });

  it('reads parts whether they arrive gzipped or already inflated by the server', async () => {
    const inflated = await unpack(new Uint8Array(await readFile(join(DATA, partFile('network')))));
    const engine = await AtlasEngine.open(SQL, source({ [partFile('network')]: inflated }));
    const [row] = await engine.query<{ n: number }>(needing(sql`SELECT count(*) AS n FROM cube_kinds`, 'network'));
    expect(row.n).toBeGreaterThan(0);
  });

  it('names the file when a part is missing, and fetches it again on retry', async () => {
    const failing: Record<string, Error> = { [partFile('heatmap')]: new Error('HTTP 404 Not Found') };
    const src = source(failing);
    const engine = await AtlasEngine.open(SQL, src);
    const q = needing(sql`SELECT count(*) AS n FROM heat_groups`, 'heatmap');
    await expect(engine.query(q)).rejects.toThrow(/404/);
    delete failing[partFile('heatmap')];
    await expect(engine.query(q)).resolves.toHaveLength(1);
    expect(src.fetched.filter((p) => p === partFile('heatmap'))).toHaveLength(2);
  });

  it('refuses an HTML page served in place of a part, naming the file', async () => {
    const engine = await AtlasEngine.open(SQL, source({ [partFile('facts')]: html }));
    const error = await engine.query(needing(sql`SELECT 1`, 'facts')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasLoadError);
    expect(String(error)).toContain(partFile('facts'));
    expect(String(error)).toContain('not a SQLite file');
  });

  describe('a part of another size than the summary lists (an earlier build kept by a cache, or a cut download)', () => {
    const path = partFile('network');
    const kinds = needing(sql`SELECT count(*) AS n FROM cube_kinds`, 'network');
    /** The served part, gzipped again at another level: the same data in other bytes, as another build writes it. */
    const regzipped = async () => new Uint8Array(gzipSync(gunzipSync(await readFile(join(DATA, path))), { level: 1 }));

    it('is fetched once more past the cache, and the fresh copy read', async () => {
      const served = new Uint8Array(await readFile(join(DATA, path)));
      const stale = await regzipped();
      expect(stale.length).not.toBe(served.length);
      const src = source({ [path]: stale });
      const refetched: string[] = [];
      const engine = await AtlasEngine.open(SQL, {
        ...src,
        async refetch(p) {
          refetched.push(p);
          return new Uint8Array(await readFile(join(DATA, p)));
        },
      });
      const [row] = await engine.query<{ n: number }>(kinds);
      expect(row.n).toBeGreaterThan(0);
      expect(refetched).toEqual([path]);
      // A part of the listed size is read as it comes.
      await engine.query(needing(sql`SELECT count(*) AS n FROM heat_groups`, 'heatmap'));
      expect(refetched).toEqual([path]);
    });

    it('is refused, naming the file, when the second copy differs too', async () => {
      const cut = new Uint8Array(await readFile(join(DATA, path))).subarray(0, 300);
      const engine = await AtlasEngine.open(SQL, { ...source({ [path]: cut }), refetch: async () => cut });
      const error = await engine.query(kinds).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AtlasLoadError);
      expect(String(error)).toContain(`${path}: 300 bytes where the summary lists`);
    });

    it('is read as it is from a source with no cache to go past (the single file carries its own gzip)', async () => {
      const engine = await AtlasEngine.open(SQL, source({ [path]: await regzipped() }));
      const [row] = await engine.query<{ n: number }>(kinds);
      expect(row.n).toBeGreaterThan(0);
    });
  });

  it('refuses to open on anything but the summary', async () => {
    await expect(AtlasEngine.open(SQL, source({ [SUMMARY_FILE]: html }))).rejects.toThrow(/summary\.sqlite\.gz: not a SQLite file/);
    const truncated = new Uint8Array(await readFile(join(DATA, SUMMARY_FILE))).subarray(0, 200);
    await expect(AtlasEngine.open(SQL, source({ [SUMMARY_FILE]: truncated }))).rejects.toThrow(/summary\.sqlite\.gz: cannot be inflated/);
  });

  it('prefetches in the background one part at a time, a query first, and a failed part only fails its queries', async () => {
    // Quiet spells of 100 ms here, not 300: long enough to tell from the 30 ms the test waits at each step.
    const quietMs = AtlasEngine.quietMs;
    AtlasEngine.quietMs = 100;
    onTestFinished(() => void (AtlasEngine.quietMs = quietMs));
    // Every fetch is held until released, so the test sees what the engine asks for and in what order.
    const pending: { path: string; release: () => void }[] = [];
    let holding = true;
    const src = source({ [partFile('heatmap')]: new Error('HTTP 503') });
    const held: AtlasSource = {
      fetch: async (path) => {
        if (holding && path !== SUMMARY_FILE) await new Promise<void>((release) => pending.push({ path, release }));
        return src.fetch(path);
      },
    };
    const engine = await AtlasEngine.open(SQL, held);
    const settle = () => new Promise((r) => setTimeout(r, 30));
    engine.prefetch(['heatmap', 'network']);
    await settle();
    expect(pending.map((p) => p.path)).toEqual([partFile('heatmap')]); // one at a time
    // A query arriving meanwhile asks for its own part at once; the prefetch waits until it is answered.
    const facts = engine.query<{ n: number }>(needing(sql`SELECT count(*) AS n FROM fact_items`, 'facts'));
    await settle();
    expect(pending.map((p) => p.path)).toEqual([partFile('heatmap'), partFile('facts')]);
    pending[0].release(); // heatmap fails
    await settle();
    expect(pending).toHaveLength(2); // network is not started while the facts query waits
    pending[1].release();
    expect((await facts)[0].n).toBe(1237);
    await settle();
    // Nor for a quiet spell after the answer: a reader's next change comes within moments.
    expect(pending).toHaveLength(2);
    await new Promise((r) => setTimeout(r, AtlasEngine.quietMs));
    expect(pending.map((p) => p.path)).toContain(partFile('network'));
    pending[2].release();
    await engine.prefetched();
    holding = false;
    const [row] = await engine.query<{ n: number }>(needing(sql`SELECT count(*) AS n FROM cube_kinds`, 'network'));
    expect(row.n).toBeGreaterThan(0);
    expect(src.fetched.filter((p) => p === partFile('network'))).toHaveLength(1);
    await expect(engine.query(needing(sql`SELECT count(*) AS n FROM heat_groups`, 'heatmap'))).rejects.toThrow(/503/);
  });

  it('puts what a prefetch asks for first ahead of what earlier ones asked for and have not started', async () => {
    const pending: { path: string; release: () => void }[] = [];
    const src = source({});
    const held: AtlasSource = {
      fetch: async (path) => {
        if (path !== SUMMARY_FILE) await new Promise<void>((release) => pending.push({ path, release }));
        return src.fetch(path);
      },
    };
    const engine = await AtlasEngine.open(SQL, held);
    const settle = () => new Promise((r) => setTimeout(r, 30));
    engine.prefetch(['heatmap', 'network']);
    await settle();
    engine.prefetch(['facts'], true);
    pending[0].release(); // heatmap, already started
    await settle();
    expect(pending.map((p) => p.path)).toEqual([partFile('heatmap'), partFile('facts')]);
    pending[1].release();
    await settle();
    expect(pending.map((p) => p.path)).toEqual([partFile('heatmap'), partFile('facts'), partFile('network')]);
    pending[2].release();
    await engine.prefetched();
  });

  it('copies a county’s names alone for a names need, adds its steps for a text need, and never copies a row twice', async () => {
    const src = source();
    const { engine, counts } = await engineWithCounts(src);
    const [county, other] = countiesOf(engine);
    const [names] = await counts(namesNeed(county));
    expect(names.names).toBeGreaterThan(0);
    expect(names.steps).toBe(0);
    expect(fetchesOf(src, county)).toEqual([1, 0]); // the names file alone
    const [both] = await counts(textNeed(county));
    expect(both.names).toBe(names.names);
    expect(both.steps).toBeGreaterThan(0);
    // The same county's names again, or its text: nothing more is fetched or copied.
    expect(await counts(namesNeed(county), textNeed(county))).toEqual([both]);
    expect(fetchesOf(src, county)).toEqual([1, 1]);

    // The names of a county whose whole text is on its way are its first step: each file fetched once.
    const [whole, named] = await Promise.all([counts(textNeed(other)), counts(namesNeed(other))]);
    expect(named[0].names).toBe(whole[0].names);
    expect(whole[0].steps).toBeGreaterThan(both.steps);
    expect(fetchesOf(src, other)).toEqual([1, 1]);
  });

  it('copies only the named items’ steps for a steps need, each file fetched once, and the rest of the steps once for the whole text', async () => {
    const src = source();
    const { engine, counts } = await engineWithCounts(src);
    const [county] = countiesOf(engine);
    const [names] = await counts(namesNeed(county));
    // Three items of the county that have steps, as a screen of search results would name them.
    const items = (
      await engine.query<{ item: number }>(
        needing(
          sql`SELECT item FROM item_text WHERE item IN (SELECT id FROM fact_items WHERE township_steps > 0) ORDER BY item LIMIT 3`,
          'facts',
        ),
      )
    ).map((r) => r.item);
    expect(items).toHaveLength(3);
    const stepsOf = (ids: number[]) =>
      engine.query<{ item: number; n: number }>(
        needing(sql`SELECT item, count(*) AS n FROM step_text WHERE item IN ${ids} GROUP BY item ORDER BY item`, stepsNeed(county, ids)),
      );
    const some = await stepsOf(items);
    expect(some.map((r) => r.item)).toEqual(items);
    const [afterSome] = await counts();
    expect(afterSome).toEqual({ names: names.names, steps: some.reduce((s, r) => s + r.n, 0) });
    // Fewer again (a row scrolled back to): nothing more copied.
    await stepsOf(items.slice(0, 2));
    expect((await counts())[0]).toEqual(afterSome);
    expect(fetchesOf(src, county)).toEqual([1, 1]);

    // The whole text then: every step of the county once, those copied before included.
    const [whole] = await counts(textNeed(county));
    const [expected] = await (
      await completeDb()
    ).query<{ n: number }>(
      sql`SELECT count(*) AS n FROM steps WHERE item_id IN ${await engine.query<{ item: number }>(sql`SELECT item FROM item_text`).then((r) => r.map((x) => x.item))}`,
    );
    expect(whole.steps).toBe(expected.n);
    const [distinct] = await engine.query<{ n: number }>(
      sql`SELECT count(DISTINCT item || ':' || party || ':' || ord) AS n FROM step_text`,
    );
    expect(distinct.n).toBe(whole.steps);
    expect(fetchesOf(src, county)).toEqual([1, 1]);
  });

  it('fetches a county’s two files for a steps need naming no item, copies nothing, and reads them from memory for the rows after', async () => {
    const src = source();
    const { engine, counts } = await engineWithCounts(src);
    const [county] = countiesOf(engine);
    expect(await counts(stepsNeed(county, []))).toEqual([{ names: 0, steps: 0 }]);
    expect(fetchesOf(src, county)).toEqual([1, 1]);
    const [{ item }] = await engine.query<{ item: number }>(
      needing(sql`SELECT id AS item FROM fact_items WHERE county = ${county} AND township_steps > 0 LIMIT 1`, 'facts'),
    );
    const [one] = await counts(stepsNeed(county, [item]));
    expect(one.names).toBe(1);
    expect(one.steps).toBeGreaterThan(0);
    expect(fetchesOf(src, county)).toEqual([1, 1]);
  });

  it('copies every name and step as the complete database words it: text, sub-heading, party, department and order', async () => {
    smallSlices();
    const engine = await AtlasEngine.open(SQL, source());
    const [first, ...rest] = countiesOf(engine);
    const columns = sql`item, party, department, ord, text, heading`;
    // One county's steps a screen at a time (a steps need), the others whole, sliced.
    const firstItems = (await engine.query<{ id: number }>(needing(sql`SELECT id FROM fact_items WHERE county = ${first}`, 'facts'))).map(
      (r) => r.id,
    );
    await engine.query(needing(sql`SELECT 1`, stepsNeed(first, firstItems)));
    const copied = await engine.query(
      needing(sql`SELECT ${columns} FROM step_text ORDER BY item, party, ord, text`, ...rest.map(textNeed)),
    );
    const expected = await (
      await completeDb()
    ).query(sql`SELECT item_id AS item, party, department_id AS department, ord, text, heading FROM steps ORDER BY item, party, ord, text`);
    expect(copied).toEqual(expected);
    expect(copied.some((s) => (s as { heading: string | null }).heading !== null)).toBe(true);
    const names = await engine.query(sql`SELECT item, name, source_line FROM item_text ORDER BY item`);
    expect(names).toEqual(await (await completeDb()).query(sql`SELECT id AS item, name, source_line FROM items ORDER BY id`));
  });

  it('keeps the steps a steps need copied when the county’s whole copy fails partway, and copies the rest once on a retry', async () => {
    smallSlices();
    const { engine, counts } = await engineWithCounts(source());
    const [county] = countiesOf(engine);
    const [{ item }] = await engine.query<{ item: number }>(
      needing(sql`SELECT id AS item FROM fact_items WHERE county = ${county} AND township_steps > 0 ORDER BY id DESC LIMIT 1`, 'facts'),
    );
    const stepsOfItem = sql`SELECT count(*) AS n FROM step_text WHERE item = ${item}`;
    const [before] = await engine.query<{ n: number }>(needing(stepsOfItem, stepsNeed(county, [item])));
    expect(before.n).toBeGreaterThan(0);
    // The whole copy's second slice fails (the worker out of memory, say).
    const db = (engine as unknown as { db: { run: (text: string, params?: unknown[]) => unknown } }).db;
    const run = db.run.bind(db);
    let slices = 0;
    db.run = (text, params) => {
      if (text.includes('rowid BETWEEN') && ++slices === 2) throw new Error('out of memory');
      return run(text, params);
    };
    await expect(counts(textNeed(county))).rejects.toThrow(/out of memory/);
    db.run = run;
    // A query holding the steps need still finds the item's steps; none of the failed copy's stayed.
    expect(await engine.query<{ n: number }>(stepsOfItem)).toEqual([before]);
    expect((await counts())[0].steps).toBe(before.n);
    const [all] = await counts(textNeed(county));
    const [distinct] = await engine.query<{ n: number }>(
      sql`SELECT count(DISTINCT item || ':' || party || ':' || ord) AS n FROM step_text`,
    );
    expect(distinct.n).toBe(all.steps);
    expect(all.steps).toBeGreaterThan(before.n);
  });

  it('meets a steps need asked while the county’s whole text loads with that copy, so no step is copied twice', async () => {
    smallSlices();
    const { engine, counts } = await engineWithCounts(source());
    const [county] = countiesOf(engine);
    const whole = counts(textNeed(county));
    const [{ item }] = await engine.query<{ item: number }>(
      needing(sql`SELECT id AS item FROM fact_items WHERE county = ${county} AND township_steps > 0 ORDER BY id DESC LIMIT 1`, 'facts'),
    );
    const [some] = await engine.query<{ n: number }>(
      needing(sql`SELECT count(*) AS n FROM step_text WHERE item = ${item}`, stepsNeed(county, [item])),
    );
    expect(some.n).toBeGreaterThan(0);
    const [all] = await whole;
    const [distinct] = await engine.query<{ n: number }>(
      sql`SELECT count(DISTINCT item || ':' || party || ':' || ord) AS n FROM step_text`,
    );
    expect(distinct.n).toBe(all.steps);
  });

  it('answers a names need asked while the county’s whole text loads once its names are in, not after its steps', async () => {
    smallSlices();
    const src = source();
    const { engine, counts } = await engineWithCounts(src);
    const [county] = countiesOf(engine);
    const whole = counts(textNeed(county));
    const [named] = await counts(namesNeed(county));
    const [all] = await whole;
    expect(named.names).toBe(all.names);
    expect(named.steps).toBeLessThan(all.steps); // answered between two slices of the steps
    expect(fetchesOf(src, county)).toEqual([1, 1]);
  });

  it('answers a query that arrives while a county’s steps are copied in before the copy ends, and copies every step once', async () => {
    smallSlices();
    const engine = await AtlasEngine.open(SQL, source());
    const [county] = countiesOf(engine);
    const steps = sql`SELECT count(*) AS n, count(DISTINCT item || ':' || party || ':' || ord) AS distinct_steps FROM step_text`;
    let copied = false;
    const text = engine.query<{ n: number }>(needing(steps, textNeed(county))).then((rows) => {
      copied = true;
      return rows;
    });
    // Queries that need nothing more, each arriving in a task of its own (as the worker's messages
    // do) while the county is copied in.
    const seen: number[] = [];
    while (!copied) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const [{ n }] = await engine.query<{ n: number }>(steps);
      if (!copied) seen.push(n);
    }
    const [all] = await text;
    expect(all.n).toBeGreaterThan(0);
    expect(all).toEqual({ n: all.n, distinct_steps: all.n });
    // Some were answered with part of the steps in: between slices, not after the last.
    expect(seen.some((n) => n > 0 && n < all.n)).toBe(true);
  });
});
