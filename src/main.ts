// First: the stored colour theme is on <html> before anything renders (lib/theme/theme-choice.ts).
import './lib/theme/boot';
// Then the data and the first view's code start loading (boot.ts)…
import './boot';
import './app.css';
import './lib/print/print.css';

// …and only then the app itself, a chunk index.html has been fetching meanwhile (app.ts).
void import('./app');
