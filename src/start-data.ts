/**
 * Starts the served data (src/lib/state/early-start.ts) as early as the page can. The
 * served build makes it an entry of its own that index.html runs as an async module script
 * (scripts/first-paint-chunks.ts): it runs as soon as its own few modules have arrived, while the
 * entry's code is still arriving and compiling. src/main.ts imports it first too (in the dev server
 * and the single file, that is how it runs); a module runs once, so the data starts once.
 * The boot's modules (the URL's state, the first view's queries, the UI's strings) and the stored
 * theme took 40–50 ms of the main thread before it. It fetches the build's first answers
 * (src/lib/db/first-answers.ts), which the first chart is drawn from where the site has them; where
 * it has none, the worker's path — its script, sql.js, the summary — decides when it can be drawn.
 */
import { startEarly } from './lib/state/early-start';
// Number formatting set up while the app's scripts arrive (src/lib/ui/warm-intl.ts).
import { warmNumberFormats } from './lib/ui/warm-intl';

startEarly();
warmNumberFormats();
