/**
 * The walk through every view: open it, change the shared filters, drill into a prefecture and a
 * county and back; then the explorer's search. Each change is made as the app makes it (the URL,
 * see page/instrument.js) and timed to the view redrawn, with the worker's timing of its queries.
 * Nothing here knows a view's marks: only `data-testid="view-<id>"`, aria-busy and the URL's keys.
 */
import type { Browser, Page } from 'playwright-core';
import { heapOf, openSession, type Session } from './browser';
import type { Change, ChangeKind, QuerySample, SearchTerm, ViewFigures } from './types';

/** What the walk changes: filter values and places taken from the site's own summary. */
export interface WalkPlan {
  views: string[];
  /** URL query fragments of filter changes (`l=coop`, `c=党的建设`…); each is followed by clearing it. */
  filters: string[];
  /** Keys to drill into, outermost first (a prefecture, then one of its counties). */
  drills: string[];
  rounds: number;
  timeoutMs: number;
  /** Time one view's walk (or the search) may take: past it, the rest of its changes are skipped, so a slow view cannot stall the run. */
  budgetMs: number;
}

interface ChangeResult {
  started: number;
  ms: number;
  longTasksMs: number;
  timedOut: boolean;
  queries: QuerySample[];
  failed: number;
  lastResultAt: number;
  endedAt: number;
  /** The data-testid nearest to the last change the redraw waited for (null: nothing changed). */
  lastChangeIn?: string | null;
}

/** Applies a change in the page (page/instrument.js) and waits for the view's redraw; a hung page counts as timed out. */
export async function change(page: Page, search: string, view: string, timeoutMs: number): Promise<ChangeResult> {
  const call = `window.__bench.change(${JSON.stringify(search)}, ${JSON.stringify(view)}, ${timeoutMs})`;
  let timer: NodeJS.Timeout | undefined;
  // A main thread blocked past the timeout cannot even report it: give up from outside, a little later.
  const hung = new Promise<ChangeResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({ started: NaN, ms: timeoutMs, longTasksMs: NaN, timedOut: true, queries: [], failed: 0, lastResultAt: NaN, endedAt: NaN }),
      timeoutMs + 5_000,
    );
  });
  try {
    return await Promise.race([page.evaluate<ChangeResult>(call), hung]);
  } finally {
    clearTimeout(timer);
  }
}

const query = (view: string, extra = '') => `?view=${view}${extra ? `&${extra}` : ''}`;

/** Opens the app at its default view and waits for the first chart. */
async function openApp(browser: Browser, siteUrl: string, timeoutMs: number): Promise<Session> {
  const session = await openSession(browser);
  await session.page.goto(siteUrl);
  await session.page.waitForFunction('window.__bench.firstChart() !== null', undefined, { timeout: timeoutMs, polling: 100 });
  return session;
}

export async function walkViews(
  browser: Browser,
  siteUrl: string,
  plan: WalkPlan,
  log: (line: string) => void,
): Promise<{ views: ViewFigures[]; heapAfterWalk?: { heapBytes: number; buffersBytes: number }; errors: string[] }> {
  const errors: string[] = [];
  let session = await openApp(browser, siteUrl, plan.timeoutMs);
  // Where each change was made: the walk's order, and which page (a view after a timed-out one
  // starts on a fresh page), so a statement's first run in a page can be told from its later runs.
  let seq = 0;
  let reopened = 0;
  // The default view is open already: open the others from it, and it last, from the one before.
  const order = [...plan.views.slice(1), plan.views[0]];
  const views: ViewFigures[] = [];
  for (const view of order) {
    const changes: Change[] = [];
    const viewStarted = Date.now();
    const record = async (kind: ChangeKind, search: string) => {
      if (Date.now() - viewStarted > plan.budgetMs) throw new Error(`cut short after ${plan.budgetMs / 1000} s`);
      const r = await change(session.page, search, view, plan.timeoutMs);
      changes.push({
        kind,
        search,
        ms: r.ms,
        longTasksMs: r.longTasksMs,
        timedOut: r.timedOut,
        queries: r.queries,
        lastChangeIn: r.lastChangeIn ?? null,
        seq: seq++,
        session: reopened,
      });
      if (r.failed) errors.push(`${view} ${search}: ${r.failed} queries failed`);
      if (r.timedOut) throw new Error(`${kind} ${search} timed out after ${plan.timeoutMs / 1000} s`);
    };
    let error: string | undefined;
    try {
      await record('open', query(view));
      for (let round = 0; round < plan.rounds; round++) {
        for (const filter of plan.filters) {
          await record('filter', query(view, filter));
          await record('filter', query(view));
        }
        for (const place of plan.drills) await record('drill', query(view, `p=${encodeURIComponent(place)}`));
        if (plan.drills.length) await record('up', query(view));
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      if (changes.some((c) => c.timedOut)) {
        // The page may still be busy with what timed out: the next view starts on a fresh one.
        errors.push(...session.errors);
        await session.close();
        session = await openApp(browser, siteUrl, plan.timeoutMs);
        reopened++;
      }
    }
    views.push({ view, changes, error });
    const slowest = Math.max(...changes.map((c) => c.ms));
    log(`  ${view}: ${changes.length} changes, slowest ${slowest.toFixed(0)} ms${error ? ` — ${error}` : ''}`);
  }
  let heapAfterWalk: { heapBytes: number; buffersBytes: number } | undefined;
  try {
    heapAfterWalk = await heapOf(browser, session);
  } finally {
    errors.push(...session.errors);
    await session.close();
  }
  // In the order of the app's tabs.
  views.sort((a, b) => plan.views.indexOf(a.view) - plan.views.indexOf(b.view));
  return { views, heapAfterWalk, errors };
}

/** The explorer's search for each term (its count and first page), in one page, as a reader types one after another. */
export async function searchTerms(
  browser: Browser,
  siteUrl: string,
  terms: readonly string[],
  { timeoutMs, budgetMs }: Pick<WalkPlan, 'timeoutMs' | 'budgetMs'>,
): Promise<{ terms: SearchTerm[]; errors: string[] }> {
  const session = await openApp(browser, siteUrl, timeoutMs);
  const results: SearchTerm[] = [];
  try {
    // The explorer opened without a search first: its parts (facts, the first counties' text) are in.
    await change(session.page, query('explorer'), 'explorer', timeoutMs);
    const started = Date.now();
    for (const term of terms) {
      if (Date.now() - started > budgetMs) break;
      const r = await change(session.page, query('explorer', `q=${encodeURIComponent(term)}`), 'explorer', timeoutMs);
      results.push({
        term,
        runMs: r.queries.reduce((s, q) => s + q.runMs, 0),
        waitMs: Math.max(0, ...r.queries.map((q) => q.waitMs)),
        ms: r.ms,
        timedOut: r.timedOut,
      });
      if (r.timedOut) break;
    }
  } finally {
    await session.close();
  }
  return { terms: results, errors: session.errors };
}
