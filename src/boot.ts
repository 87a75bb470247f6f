/**
 * Imported by src/main.ts right after the theme, before the app's components are evaluated: the
 * served data's worker and the code of the view the URL opens start loading now, not once the shell
 * has mounted (src/lib/state/early-start.ts, src/views/view-modules.ts).
 */
import { startEarly } from './lib/state/early-start';
import { decodeState } from './lib/state/url-codec';
import { preloadView } from './views/view-modules';

startEarly();
preloadView(decodeState(location.search).view);
