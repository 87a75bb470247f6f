import type { DbClient } from '../../lib/db/client';
import type { Filters } from '../../lib/state/filters';
import {
  explorerTextSql,
  searchCountSql,
  searchPageSql,
  searchPositionSql,
  type ExplorerRow,
  type ExplorerTextRow,
} from '../../lib/queries/explorer';

/** A result row: its facts at once, its text (name, departments, matched step) once its county's text is in. */
export type ResultRow = ExplorerRow & Partial<ExplorerTextRow>;

/** Rows fetched at a time: a screenful and more, without their text. */
export const PAGE_SIZE = 100;
/**
 * Rows whose text is read at a time: about a screenful. The text comes in county files, and the
 * rows of a search whose matches are spread over a region (宗教: 682 duties in 1,100 townships) fall
 * in a county or two per screenful but in fifteen per page of 100: reading the text of the rows in
 * view, not of the page, is what lets them be painted in tens of milliseconds instead of hundreds.
 */
export const TEXT_BLOCK = 20;
/** Rows whose text an export reads at a time. */
const EXPORT_CHUNK = 2000;

/**
 * The explorer's results as pages fetched on demand: the count and the first page together, then
 * the pages of rows the list scrolls to, and the text of the rows it shows (a region's search can
 * match a hundred thousand duties; only those in view are ever read, from their counties' files). A
 * new search or filter drops every page; answers to an older one are ignored, and the list keeps
 * showing the older results until the new count and first page are in, so it is redrawn once rather
 * than emptied and filled.
 */
export class ResultPages {
  count: number | null = $state(null);
  error: string | null = $state(null);
  loading = $state(false);
  /** Bumped whenever rows or their text arrive, so rowAt() readers re-render. */
  version = $state(0);
  #pages = new Map<number, ResultRow[]>();
  #requested = new Set<number>();
  /** Text blocks asked for (by block number), in this result set. */
  #textRequested = new Set<number>();
  /** The latest result set asked for. */
  #generation = 0;
  /** The result set shown: pages and text asked for belong to it, and are dropped when another is shown. */
  #shown = 0;
  /** The latest reset, settled once its result set is shown (or has failed). */
  #latest: Promise<void> = Promise.resolve();
  #filters: Filters | null = null;
  #query = '';

  constructor(private readonly client: DbClient) {}

  /** Starts a new result set: the count and the first page are asked for at once. */
  reset(filters: Filters, query: string): Promise<void> {
    const mine = ++this.#generation;
    this.loading = true;
    this.#latest = this.#load(mine, filters, query);
    return this.#latest;
  }

  async #load(mine: number, filters: Filters, query: string): Promise<void> {
    try {
      const [[{ count }], first] = await Promise.all([
        this.client.query<{ count: number }>(searchCountSql(filters, query)),
        this.client.query<ExplorerRow>(searchPageSql(filters, query, 0, PAGE_SIZE)),
      ]);
      if (mine !== this.#generation) return;
      // The first screenful's text too before the list is redrawn: one redraw with the names, not
      // rows of '…' filled in a moment later (and the main thread's redraw of them in between).
      const head = first.slice(0, TEXT_BLOCK);
      const text = head.length ? await this.client.query<ExplorerTextRow>(this.#textSql(head, query)) : [];
      if (mine !== this.#generation) return;
      const byId = new Map(text.map((t) => [t.id, t]));
      this.#shown = mine;
      this.#filters = filters;
      this.#query = query;
      this.#pages = new Map([[0, first.map((r, i) => (i < TEXT_BLOCK ? { ...r, ...byId.get(r.id) } : r))]]);
      this.#requested = new Set([0]);
      this.#textRequested = new Set([0]);
      this.count = count;
      this.error = null;
      this.version++;
    } catch (e) {
      if (mine === this.#generation) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (mine === this.#generation) this.loading = false;
    }
  }

  /** The row at `index`, or undefined while its page is on its way (asking for it, and for its text). */
  rowAt(index: number): ResultRow | undefined {
    void this.version;
    const page = Math.floor(index / PAGE_SIZE);
    const rows = this.#pages.get(page);
    if (!rows) {
      this.#request(page);
      return undefined;
    }
    const row = rows[index - page * PAGE_SIZE];
    if (row && row.name === undefined) this.#requestText(Math.floor(index / TEXT_BLOCK));
    return row;
  }

  /** The row of item `id` in the current results, or null when it is not among them. */
  async positionOf(id: number): Promise<number | null> {
    // Among the results about to be shown, when a new search or filter is on its way.
    for (let latest = this.#latest; ; latest = this.#latest) {
      await latest;
      if (latest === this.#latest) break;
    }
    if (!this.#filters) return null;
    const rows = await this.client.query<{ position: number }>(searchPositionSql(this.#filters, this.#query, id));
    return rows[0]?.position ?? null;
  }

  /**
   * Every result with its text, for an export: the rows in display order, then their text in chunks
   * (each chunk reads only its counties' text parts, and keeps the statement's bound values few).
   */
  async all(): Promise<ResultRow[]> {
    if (!this.#filters) return [];
    const filters = this.#filters;
    const query = this.#query;
    const [{ count }] = await this.client.query<{ count: number }>(searchCountSql(filters, query));
    const rows = await this.client.query<ExplorerRow>(searchPageSql(filters, query, 0, count));
    const withText: ResultRow[] = [];
    for (let start = 0; start < rows.length; start += EXPORT_CHUNK) {
      const chunk = rows.slice(start, start + EXPORT_CHUNK);
      const text = await this.client.query<ExplorerTextRow>(explorerTextSql(chunk, query, 'counties'));
      const byId = new Map(text.map((t) => [t.id, t]));
      for (const r of chunk) withText.push({ ...r, ...byId.get(r.id) });
    }
    return withText;
  }

  #request(page: number): void {
    if (this.#requested.has(page) || !this.#filters) return;
    this.#requested.add(page);
    const mine = this.#shown;
    const filters = this.#filters;
    const query = this.#query;
    void (async () => {
      try {
        const rows = await this.client.query<ExplorerRow>(searchPageSql(filters, query, page * PAGE_SIZE, PAGE_SIZE));
        if (mine !== this.#shown) return;
        this.#pages.set(page, rows);
        this.version++;
      } catch (e) {
        if (mine !== this.#shown) return;
        this.#requested.delete(page);
        this.error = e instanceof Error ? e.message : String(e);
      }
    })();
  }

  /** The text of a screen of rows: their own steps are copied in, not their counties' (see explorerTextSql). */
  #textSql(rows: readonly ExplorerRow[], query: string) {
    return explorerTextSql(rows, query, 'rows');
  }

  /** The text of one block of rows (a block lies within a page: PAGE_SIZE is a multiple of TEXT_BLOCK), from their counties' text parts. */
  #requestText(block: number): void {
    if (this.#textRequested.has(block)) return;
    const page = Math.floor((block * TEXT_BLOCK) / PAGE_SIZE);
    const rows = this.#pages.get(page);
    if (!rows) return;
    this.#textRequested.add(block);
    const from = block * TEXT_BLOCK - page * PAGE_SIZE;
    const blockRows = rows.slice(from, from + TEXT_BLOCK);
    const mine = this.#shown;
    const query = this.#query;
    void (async () => {
      try {
        const text = await this.client.query<ExplorerTextRow>(this.#textSql(blockRows, query));
        if (mine !== this.#shown) return;
        const byId = new Map(text.map((t) => [t.id, t]));
        const current = this.#pages.get(page)!;
        this.#pages.set(
          page,
          current.map((r, i) => (i >= from && i < from + TEXT_BLOCK ? { ...r, ...byId.get(r.id) } : r)),
        );
        this.version++;
      } catch (e) {
        if (mine !== this.#shown) return;
        this.#textRequested.delete(block);
        this.error = e instanceof Error ? e.message : String(e);
      }
    })();
  }
}
