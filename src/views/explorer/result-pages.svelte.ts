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

/** Rows fetched at a time: a screenful and more, one or two counties' text. */
export const PAGE_SIZE = 100;
/** Rows whose text an export reads at a time. */
const EXPORT_CHUNK = 2000;

/**
 * The explorer's results as pages fetched on demand: the count first, then the pages of rows the
 * list scrolls to (a region's search can match a hundred thousand duties; only those in view are
 * ever read, and only their counties' text). A new search or filter drops every page; answers to
 * an older one are ignored.
 */
export class ResultPages {
  count: number | null = $state(null);
  error: string | null = $state(null);
  loading = $state(false);
  /** Bumped whenever a page arrives, so rowAt() readers re-render. */
  version = $state(0);
  #pages = new Map<number, ResultRow[]>();
  #requested = new Set<number>();
  #generation = 0;
  #filters: Filters | null = null;
  #query = '';

  constructor(private readonly client: DbClient) {}

  /** Starts a new result set. */
  async reset(filters: Filters, query: string): Promise<void> {
    const mine = ++this.#generation;
    this.#filters = filters;
    this.#query = query;
    this.#pages = new Map();
    this.#requested = new Set();
    this.loading = true;
    try {
      const [{ count }] = await this.client.query<{ count: number }>(searchCountSql(filters, query));
      if (mine !== this.#generation) return;
      this.count = count;
      this.error = null;
      this.version++;
    } catch (e) {
      if (mine === this.#generation) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (mine === this.#generation) this.loading = false;
    }
  }

  /** The row at `index`, or undefined while its page is on its way (asking for it). */
  rowAt(index: number): ResultRow | undefined {
    void this.version;
    const page = Math.floor(index / PAGE_SIZE);
    const rows = this.#pages.get(page);
    if (!rows) {
      this.#request(page);
      return undefined;
    }
    return rows[index - page * PAGE_SIZE];
  }

  /** The row of item `id` in the current results, or null when it is not among them. */
  async positionOf(id: number): Promise<number | null> {
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
      const counties = [...new Set(chunk.map((r) => r.county))];
      const text = await this.client.query<ExplorerTextRow>(
        explorerTextSql(
          chunk.map((r) => r.id),
          counties,
          query,
        ),
      );
      const byId = new Map(text.map((t) => [t.id, t]));
      for (const r of chunk) withText.push({ ...r, ...byId.get(r.id) });
    }
    return withText;
  }

  #request(page: number): void {
    if (this.#requested.has(page) || !this.#filters) return;
    this.#requested.add(page);
    const mine = this.#generation;
    const filters = this.#filters;
    const query = this.#query;
    void (async () => {
      try {
        const rows = await this.client.query<ExplorerRow>(searchPageSql(filters, query, page * PAGE_SIZE, PAGE_SIZE));
        if (mine !== this.#generation) return;
        this.#pages.set(page, rows);
        this.version++;
        // Then the text of the page's rows, from the text parts of their counties.
        const counties = [...new Set(rows.map((r) => r.county))];
        const text = await this.client.query<ExplorerTextRow>(
          explorerTextSql(
            rows.map((r) => r.id),
            counties,
            query,
          ),
        );
        if (mine !== this.#generation) return;
        const byId = new Map(text.map((t) => [t.id, t]));
        this.#pages.set(
          page,
          rows.map((r) => ({ ...r, ...byId.get(r.id) })),
        );
        this.version++;
      } catch (e) {
        if (mine !== this.#generation) return;
        this.#requested.delete(page);
        this.error = e instanceof Error ? e.message : String(e);
      }
    })();
  }
}
