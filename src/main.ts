// First: the served data's worker starts (start-data.ts; in the served build it has usually run already, as a
// script of its own), before the theme and the boot are evaluated…
import './start-data';
// …then the stored colour theme is on <html> before anything renders (lib/theme/theme-choice.ts)…
import './lib/theme/boot';
// …then the first view's code starts loading and its queries are asked (boot.ts)…
import './boot';
import './app.css';
import './lib/print/print.css';

// …and only then the app itself, a chunk index.html has been fetching meanwhile (app.ts).
void import('./app');
