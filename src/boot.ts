/**
 * Imported by src/main.ts right after the theme, before the app's components are evaluated: the
 * code of the view the URL opens starts loading now, not once the shell has mounted
 * (src/views/view-modules.ts), beside the served data that src/start-data.ts has started
 * (src/lib/state/early-start.ts). Where the URL opens 总览, its queries are asked as soon as the
 * data is open (src/views/overview/load.ts): without filters the build's first answers hold them
 * (src/lib/db/first-answers.ts); with filters the worker answers them while the shell renders.
 */
import { startEarly } from './lib/state/early-start';
import { decodeState } from './lib/state/url-codec';
import { preloadView } from './views/view-modules';
import { askOverview } from './views/overview/load';

const state = decodeState(location.search);
startEarly(state.view === 'overview' ? (connection) => askOverview(connection, state) : undefined);
preloadView(state.view);
