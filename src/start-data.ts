/**
 * Imported first by src/main.ts: the served data's worker starts (src/lib/state/early-start.ts)
 * once this module's own imports (the data connection) have run, before the theme and the boot's
 * modules are evaluated. The boot's modules (the URL's state, the first
 * view's queries, the UI's strings) and the stored theme took 40–50 ms of the main thread before it,
 * and the worker's path — its script, sql.js, the summary — decides when the first chart can be drawn.
 */
import { startEarly } from './lib/state/early-start';

startEarly();
