import type { Database, SqlJsStatic } from 'sql.js';
import type { DbClient } from '../db/client';
import { runQuery } from '../db/sqljs-client';
import { sql, raw, type Sql } from '../db/sql';
import { insertRows } from '../db/bulk-insert';
import { SearchBucket } from '../search/bucket-format';
import { bucketsFor, matchTerms } from '../search/match';
import { attachDatabase, detachDatabase } from './attach';
import { SUMMARY_FILE, namesFile, namesNeed, parseNeed, partFile, searchBucketFile, stepsFile, textNeed, type FixedPart } from './parts';
import { parseSearchNeed } from './search-need';
import { isGzipped, unpack } from './unpack';
import { COUNTY_NAME_ROWS, COUNTY_STEP_ROWS } from './schema';
import { inNextTask } from '../scheduling/next-task';

/**
 * The served data, opened in sql.js and filled in as queries need it. Used by the browser's worker
 * (over HTTP) and by the tests (over the file system): the same code answers both.
 *
 * The summary is the main database. A query's `needs` name what else it reads: a fixed part is
 * fetched once and attached under its own name; a county's text is fetched and copied into the
 * summary's item_text / step_text (a names need copies item_text alone, a steps need some items'
 * names and steps); a search need fetches the buckets its terms fall in and fills
 * the temporary table search_hits. Loads are shared: two queries needing the facts fetch them once.
 * Once what a query needs is in, it runs synchronously, so nothing can change search_hits between
 * filling it and reading it.
 */

/** Where the engine gets the bytes of a file under the site's data/ folder. */
export interface AtlasSource {
  fetch(path: string, onProgress?: (loaded: number, total: number | null) => void): Promise<Uint8Array>;
  /** The file again past any cache, where the source has one (served files: see AtlasEngine's fetch). */
  refetch?(path: string): Promise<Uint8Array>;
}

/** A file of the served data could not be loaded or is not what it should be. */
export class AtlasLoadError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'AtlasLoadError';
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Refuses bytes that are not a SQLite file (an HTML error page served in its place, a cut download). */
function checkSqlite(path: string, bytes: Uint8Array): void {
  const head = String.fromCharCode(...bytes.subarray(0, 16));
  if (head !== SQLITE_MAGIC) throw new AtlasLoadError(path, 'not a SQLite file (is the site complete?)');
}

/** A file's bytes, inflated; a cut or corrupt gzip stream is reported against the file. */
async function inflate(path: string, bytes: Uint8Array): Promise<Uint8Array> {
  try {
    return await unpack(bytes);
  } catch (error) {
    throw new AtlasLoadError(
      path,
      `cannot be inflated — cut short or corrupt? (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** County text files kept after they were read (see keptFile): up to 0.33 MB of names or 1.5 MB of steps each at 1,100 townships. */
const KEEP_TEXT_FILES = 12;

/** Resolves in a task of its own, so messages received meanwhile (queries) are handled first. */
const nextTask = () => new Promise<void>((resolve) => inNextTask(resolve));

export interface AtlasInfo {
  /** Every derived file of this build with its size in bytes. */
  files: Map<string, number>;
  meta: Record<string, string>;
}

export class AtlasEngine implements DbClient {
  /**
   * Steps copied in one statement (see copySteps): 2,000 are a few milliseconds' work at a region's
   * size. A test sets fewer, to see slices at the bundled counties' size (600–800 steps each).
   */
  static stepSlice = 2000;
  /**
   * How long after the last answer background loading waits before its next part: a reader changing
   * filters asks again within a few hundred milliseconds, and a part begun in between (opening one,
   * copying a county's names) held the next query for tens of milliseconds.
   */
  static quietMs = 300;
  /** When the last query was answered (or failed). */
  private lastAnswered = -Infinity;
  private readonly loads = new Map<string, Promise<void>>();
  private readonly attached: Database[] = [];
  private readonly buckets = new Map<number, SearchBucket>();
  private readonly bucketCount: number;
  /** The terms whose hits are in search_hits now. */
  private hitsFor: string | null = null;
  /** Queries received and not yet answered: background loading waits while there are any. */
  private active = 0;
  /** What prefetch was asked for and has not started loading, in order. */
  private readonly prefetchQueue: string[] = [];
  private prefetching: Promise<void> | null = null;
  /** County text files read lately, by path (see keptFile). */
  private readonly textFiles = new Map<string, Promise<Uint8Array>>();

  private constructor(
    private readonly SQL: SqlJsStatic,
    private readonly source: AtlasSource,
    private readonly db: Database,
    readonly info: AtlasInfo,
  ) {
    this.bucketCount = Number(info.meta.search_buckets ?? 0);
    db.run('CREATE TEMP TABLE search_hits (item INTEGER PRIMARY KEY)');
    // Items whose steps a steps need copied before their county's whole text: that copy skips them.
    db.run('CREATE TEMP TABLE steps_copied (item INTEGER PRIMARY KEY)');
  }

  /** Fetches and opens the summary: all the first chart needs. */
  static async open(
    SQL: SqlJsStatic,
    source: AtlasSource,
    onProgress?: (loaded: number, total: number | null) => void,
    /** The summary's bytes as fetched, when the caller started the download early (the worker does, beside the wasm). */
    summary: Promise<Uint8Array> = source.fetch(SUMMARY_FILE, onProgress),
  ): Promise<AtlasEngine> {
    const bytes = await inflate(SUMMARY_FILE, await summary);
    checkSqlite(SUMMARY_FILE, bytes);
    const db = new SQL.Database(bytes);
    try {
      const files = new Map(
        runQuery<{ path: string; bytes: number }>(db, { text: 'SELECT path, bytes FROM files', params: [] }).map((f) => [f.path, f.bytes]),
      );
      const meta = Object.fromEntries(
        runQuery<{ key: string; value: string }>(db, { text: 'SELECT key, value FROM meta', params: [] }).map((m) => [m.key, m.value]),
      );
      return new AtlasEngine(SQL, source, db, { files, meta });
    } catch (error) {
      db.close();
      throw new AtlasLoadError(
        SUMMARY_FILE,
        `not the summary of this site's data (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }

  /**
   * `timing`, when given, is set to the milliseconds the query waited (for what it needs, and for the
   * queries answered before it) and ran: both read here, where it runs synchronously, because two
   * queries waiting for the same part both run in the moment it arrives, and a caller timing from
   * outside would count the other's run as its own.
   */
  async query<Row extends object>(q: Sql, timing?: { waitMs: number; runMs: number }): Promise<Row[]> {
    this.active++;
    const asked = performance.now();
    try {
      await this.ready(q.needs ?? []);
      const started = performance.now();
      const search = (q.needs ?? []).map(parseSearchNeed).find((terms) => terms !== null);
      if (search) this.fillHits(search);
      const rows = runQuery<Row>(this.db, q);
      if (timing) {
        timing.waitMs = started - asked;
        timing.runMs = performance.now() - started;
      }
      return rows;
    } finally {
      this.active--;
      this.lastAnswered = performance.now();
    }
  }

  /** Resolves once what `needs` name is in: what `query` waits for first (the worker times the two apart). */
  async ready(needs: readonly string[]): Promise<void> {
    await Promise.all(needs.map((need) => this.ensure(need)));
  }

  /**
   * Loads what `needs` name in the background, one at a time, and only while no query is waiting and
   * none was answered in the last `quietMs`: opening a part or copying a county's text holds the
   * worker for tens of milliseconds, and started all at once they held it for hundreds while the
   * reader's next query waited behind them; started between a reader's quick changes (filters,
   * searches typed one after another), one held the next change's query.
   */
  prefetch(needs: readonly string[], first = false): void {
    // `first`: what the reader is about to ask for (a view's guess at the next drill) goes ahead of
    // what was asked for in the background before (the shell's plan after the first chart).
    if (first) this.prefetchQueue.unshift(...needs);
    else this.prefetchQueue.push(...needs);
    this.prefetching ??= this.drainPrefetch().finally(() => (this.prefetching = null));
  }

  /**
   * Starts loading what `needs` name now, beside the queries being answered rather than behind
   * them: what a query about to be sent will need. A query that needs what failed reports it.
   */
  load(needs: readonly string[]): void {
    this.ready(needs).catch(() => undefined);
  }

  /** Resolves once everything prefetch was asked for has been loaded (or has failed). */
  async prefetched(): Promise<void> {
    while (this.prefetching) await this.prefetching;
  }

  private async drainPrefetch(): Promise<void> {
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const quietFor = () => performance.now() - this.lastAnswered;
    for (let need = this.prefetchQueue.shift(); need !== undefined; need = this.prefetchQueue.shift()) {
      // A task's pause first, so queries already posted to the worker are received before this load
      // starts; then none may be waiting, and none answered in the last quietMs (see there).
      do await pause(this.active ? 20 : Math.max(0, AtlasEngine.quietMs - quietFor()));
      while (this.active > 0 || quietFor() < AtlasEngine.quietMs);
      await this.ensure(need).catch(() => undefined); // a query that needs it will report the failure
    }
  }

  close(): void {
    this.textFiles.clear();
    for (const db of this.attached) db.close();
    this.db.close();
  }

  private ensure(need: string): Promise<void> {
    // The county's whole text, in or on its way, meets a steps need (and copies those steps itself).
    // A names need asked meanwhile is the whole text's own first step (loadNeed).
    const parsed = parseNeed(need);
    if (parsed?.kind === 'steps' && !this.loads.has(need)) {
      const whole = this.loads.get(textNeed(parsed.county));
      if (whole) return whole;
    }
    let load = this.loads.get(need);
    if (!load) {
      load = this.loadNeed(need);
      this.loads.set(need, load);
      // A failed load is forgotten, so a retry fetches again. A steps need naming no item (files
      // fetched ahead) is forgotten once done: its files may leave the cache, and the next ask fetches them again.
      const forget = () => this.loads.get(need) === load && this.loads.delete(need);
      load.catch(forget);
      if (parsed?.kind === 'steps' && !parsed.items.length) load.then(forget, () => undefined);
    }
    return load;
  }

  private async loadNeed(need: string): Promise<void> {
    const search = parseSearchNeed(need);
    if (search) return this.loadBuckets(search);
    const parsed = parseNeed(need);
    if (!parsed) throw new Error(`unknown need ${need}`);
    if (parsed.kind === 'part') return this.attachPart(parsed.part);
    if (parsed.kind === 'names') return this.copyNames(parsed.county);
    if (parsed.kind === 'steps') return this.copyItemSteps(parsed.county, parsed.items);
    // The whole text: the names (as a names need, so one asked meanwhile waits for them alone), then
    // the steps, fetched beside them.
    const steps = this.keptFile(stepsFile(parsed.county));
    steps.catch(() => undefined); // reported below, once the names are in
    await this.ensure(namesNeed(parsed.county));
    await this.copySteps(parsed.county, await steps);
  }

  /**
   * A part's bytes, inflated. The parts keep their names from one build of the site to the next, so
   * a browser's cache may answer with an earlier build's file, which the summary would not fit (a
   * county file of another format, or figures that disagree). A gzipped file of another size than
   * the summary lists is asked for once more past the cache, and refused if it still differs.
   */
  private async fetch(path: string): Promise<Uint8Array> {
    const listed = this.info.files.get(path);
    const unlisted = (bytes: Uint8Array) => listed !== undefined && isGzipped(bytes) && bytes.length !== listed;
    let bytes = await this.source.fetch(path);
    if (unlisted(bytes) && this.source.refetch) {
      bytes = await this.source.refetch(path);
      if (unlisted(bytes))
        throw new AtlasLoadError(
          path,
          `${bytes.length} bytes where the summary lists ${listed}: cut short, or from another build of the site`,
        );
    }
    return inflate(path, bytes);
  }

  private async attachPart(part: FixedPart): Promise<void> {
    const path = partFile(part);
    const bytes = await this.fetch(path);
    checkSqlite(path, bytes);
    const db = new this.SQL.Database(bytes);
    this.attached.push(db);
    attachDatabase(this.db, db, part);
  }

  /**
   * A county text file's bytes, inflated and checked; the last few are kept (KEEP_TEXT_FILES), and
   * one asked for twice at once is fetched once: a screen of search results reads its rows' names
   * and steps from files a names need or the screen before fetched.
   */
  private keptFile(path: string): Promise<Uint8Array> {
    const kept = this.textFiles.get(path);
    if (kept) {
      this.textFiles.delete(path); // to the end: the most recently read is kept longest
      this.textFiles.set(path, kept);
      return kept;
    }
    const bytes = (async () => {
      if (!this.info.files.has(path)) throw new AtlasLoadError(path, 'no such county in this build');
      const fetched = await this.fetch(path);
      checkSqlite(path, fetched);
      return fetched;
    })();
    this.textFiles.set(path, bytes);
    bytes.catch(() => this.textFiles.get(path) === bytes && this.textFiles.delete(path));
    for (const oldest of this.textFiles.keys()) {
      if (this.textFiles.size <= KEEP_TEXT_FILES) break;
      this.textFiles.delete(oldest);
    }
    return bytes;
  }

  /** Copies a county's item names from its names file into the summary's item_text. */
  private async copyNames(county: number): Promise<void> {
    this.runOnFile(await this.keptFile(namesFile(county)), [sql`INSERT OR IGNORE INTO main.item_text ${raw(COUNTY_NAME_ROWS)}`]);
  }

  /**
   * Copies some items' names and steps from their county's files: a screen of search results reads
   * its own rows' text, not the county's (5,000 names and 25,000 steps at 1,100 townships, 10 and
   * 40–100 ms to copy).
   */
  private async copyItemSteps(county: number, items: readonly number[]): Promise<void> {
    const [names, steps] = await Promise.all([this.keptFile(namesFile(county)), this.keptFile(stepsFile(county))]);
    // The county's whole text, once begun, copies these steps too: copied here as well, they would be in twice.
    const whole = this.loads.get(textNeed(county));
    if (whole) return whole;
    if (!items.length) return; // fetched ahead of the rows that will name them
    this.runOnFile(names, [sql`INSERT OR IGNORE INTO main.item_text ${raw(COUNTY_NAME_ROWS)} WHERE x.item IN ${items}`]);
    this.runOnFile(steps, [
      sql`INSERT INTO main.step_text ${raw(COUNTY_STEP_ROWS)}
          WHERE s.item IN ${items} AND s.item NOT IN (SELECT item FROM temp.steps_copied)`,
      sql`INSERT OR IGNORE INTO temp.steps_copied (item) SELECT DISTINCT item FROM county_text.step_text WHERE item IN ${items}`,
    ]);
  }

  /** Runs `statements` reading a county file's bytes as county_text, in one transaction (see withPart). */
  private runOnFile(bytes: Uint8Array, statements: readonly Sql[]): void {
    const part = new this.SQL.Database(bytes);
    try {
      this.withPart(part, () => {
        for (const q of statements) this.db.run(q.text, [...q.params]);
      });
    } finally {
      part.close();
    }
  }

  /**
   * Runs statements reading `part` as county_text, in one transaction: attached for them alone, so
   * two counties can be copied at once (a query's, beside one prefetched) a slice each in turn.
   */
  private withPart(part: Database, run: () => void): void {
    attachDatabase(this.db, part, 'county_text');
    try {
      this.inTransaction(run);
    } finally {
      detachDatabase(this.db, 'county_text');
    }
  }

  /**
   * A county's steps into main.step_text (but those a steps need copied before), a slice at a time,
   * each its own transaction, with the worker free between them: a county's 10,000–30,000 steps took
   * 30–80 ms in one statement at 1,100 townships, and a query that arrived meanwhile (the reader's
   * search, behind a county prefetched in the background) waited for all of it; now it waits for a
   * slice at most. None of them stays if one slice fails.
   */
  private async copySteps(county: number, bytes: Uint8Array): Promise<void> {
    const part = new this.SQL.Database(bytes);
    try {
      await this.copyStepSlices(county, part);
    } finally {
      part.close();
    }
  }

  private async copyStepSlices(county: number, part: Database): Promise<void> {
    let range = { low: null as number | null, high: null as number | null };
    this.withPart(part, () => {
      [range] = runQuery<{ low: number | null; high: number | null }>(this.db, {
        text: 'SELECT min(rowid) AS low, max(rowid) AS high FROM county_text.step_text',
        params: [],
      });
    });
    try {
      for (let low = range.low ?? 1; range.high !== null && low <= range.high; low += AtlasEngine.stepSlice) {
        if (low !== range.low) await nextTask();
        const slice = sql`INSERT INTO main.step_text ${raw(COUNTY_STEP_ROWS)}
          WHERE s.rowid BETWEEN ${low} AND ${low + AtlasEngine.stepSlice - 1}
            AND s.item NOT IN (SELECT item FROM temp.steps_copied)`;
        this.withPart(part, () => this.db.run(slice.text, [...slice.params]));
      }
      this.inTransaction(() => this.db.run('INSERT INTO main.text_loaded (county) VALUES (?)', [county]));
      // Copied whole: nothing reads the county's files again.
      this.textFiles.delete(namesFile(county));
      this.textFiles.delete(stepsFile(county));
    } catch (error) {
      // A retry copies the county again: the slices copied so far go, so no step is there twice. The
      // steps that steps needs copied before stay (no steps need copies while this load runs, so
      // steps_copied is what it skipped): a query holding one of those needs still finds its rows.
      this.withPart(part, () =>
        this.db.run(
          `DELETE FROM main.step_text WHERE item IN (SELECT item FROM county_text.step_text)
             AND item NOT IN (SELECT item FROM temp.steps_copied)`,
        ),
      );
      throw error;
    }
  }

  /** Runs statements as one transaction (never open across an await: a query may run between two). */
  private inTransaction(run: () => void): void {
    this.db.run('BEGIN');
    try {
      run();
      this.db.run('COMMIT');
    } catch (error) {
      this.db.run('ROLLBACK');
      throw error;
    }
  }

  private async loadBuckets(terms: string[]): Promise<void> {
    const missing = bucketsFor(terms, this.bucketCount).filter((b) => !this.buckets.has(b));
    await Promise.all(
      missing.map(async (b) => {
        const path = searchBucketFile(b);
        const bytes = await this.fetch(path);
        try {
          this.buckets.set(b, new SearchBucket(bytes));
        } catch (error) {
          throw new AtlasLoadError(path, error instanceof Error ? error.message : String(error));
        }
      }),
    );
  }

  /** Puts the items matching every term into search_hits, unless they are there already. */
  private fillHits(terms: string[]): void {
    const key = JSON.stringify(terms);
    if (this.hitsFor === key) return;
    const items = matchTerms(terms, (b) => this.buckets.get(b)!, this.bucketCount);
    this.db.run('BEGIN');
    this.db.run('DELETE FROM search_hits');
    insertRows(
      this.db,
      'search_hits',
      ['item'],
      items.map((item) => ({ item })),
    );
    this.db.run('COMMIT');
    // Tell the planner how many matches there are: few, and it reads them first; most, and it
    // walks the items in display order and looks each one up.
    this.db.run('ANALYZE temp.search_hits');
    this.hitsFor = key;
  }
}
