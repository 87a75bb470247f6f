import { loadStoredDatabase, type StoredDatabase } from '../import/stored-database';
import { connect, type Connection } from './connect';
import { servedDataUrl } from '../db/worker-client';
import { fetchFirstAnswers } from '../db/fetch-first-answers';
import { afterFirstChart } from '../components/chart-drawn';

/**
 * What the page starts before its app's modules have run (src/start-data.ts, imported by
 * src/main.ts first; src/boot.ts adds 总览's head start): the served data — the build's first
 * answers, and the worker that compiles sql.js, fetches the summary and answers the rest — and the
 * look for a database kept from an earlier visit, side by side. The shell mounts meanwhile, so
 * neither waits for the other; DataSession.load takes them over. Where a kept database is found,
 * the served connection is closed unused and the kept one opened, as before.
 */
export interface EarlyStart {
  /** The database kept from an earlier visit, or null (null too where IndexedDB fails). */
  stored: Promise<StoredDatabase | null>;
  /** The served data: opened, or drawn from the build's first answers while the worker opens it. */
  connection: Promise<Connection>;
  /** Hands the served data's download progress to `listener`, starting with the latest already reported. */
  onProgress(listener: (loaded: number, total: number | null) => void): void;
}

let early: EarlyStart | null = null;

/**
 * Starts the served data and the look for kept data; once per page. `whenOpen` is handed the served
 * connection as soon as it is open, before the shell has rendered (the boot asks the first view's
 * queries there).
 */
export function startEarly(whenOpen?: (connection: Connection) => void): void {
  // Started already (src/start-data.ts starts it before the boot's other modules have run): the
  // boot's head start is handed the same connection.
  if (early) {
    if (whenOpen) early.connection.then(whenOpen).catch(() => {});
    return;
  }
  let latest: [number, number | null] | null = null;
  let listener: ((loaded: number, total: number | null) => void) | null = null;
  const connection = connect({
    onProgress: (loaded, total) => {
      latest = [loaded, total];
      listener?.(loaded, total);
    },
    // A page opened without a query string is drawn from the build's answers (db/first-answers.ts),
    // and its worker starts once that is painted, unless something else is asked before. A page with
    // one starts the worker at once, without them: its URL state (a place, a township) is checked
    // against the place tree, which must be the data's own, not that of answers a cache kept.
    ...(location.search.length <= 1 && {
      firstAnswers: fetchFirstAnswers(servedDataUrl()),
      startAfter: new Promise<void>((resolve) => afterFirstChart(resolve)),
    }),
  });
  // Awaited by DataSession.load only when no kept database is found: a failure is not unhandled.
  // A head start that fails costs nothing: the view asks again and reports what fails.
  connection.then((opened) => whenOpen?.(opened)).catch(() => {});
  early = {
    stored: loadStoredDatabase().catch(() => null),
    connection,
    onProgress(next) {
      listener = next;
      if (latest) next(...latest);
    },
  };
}

/** What startEarly started, once: the first DataSession.load takes it; later loads start afresh. */
export function takeEarlyStart(): EarlyStart | null {
  const taken = early;
  early = null;
  return taken;
}
