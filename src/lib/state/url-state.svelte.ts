import type { ViewId } from '../ui/strings';
import { NO_FILTERS, type Filters } from './filters';
import { decodeState, encodeState, type AppState } from './url-codec';

/**
 * The app state as runes, mirrored in the URL. User actions push a history entry; `popstate`
 * (back/forward) restores the state from the URL. Typing in the search box replaces the entry
 * instead, so back does not step through every keystroke.
 */
export class UrlState {
  /**
   * Raw, not deep: the state is replaced whole on every change (commit, popstate), never changed in
   * place, and the views read its filters in loops over a region's thousand townships or cells, where
   * every read through a deep state's proxy (a `filters.lists.includes(…)` per row) costs far more.
   */
  state: AppState = $state.raw(decodeState(location.search));

  constructor() {
    window.addEventListener('popstate', () => {
      this.state = decodeState(location.search);
    });
  }

  private commit(next: AppState, mode: 'push' | 'replace' = 'push') {
    const search = encodeState(next);
    const url = `${location.pathname}${search}${location.hash}`;
    if (search === location.search) return void (this.state = next);
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    this.state = next;
  }

  setView = (view: ViewId) => this.commit({ ...this.state, view });
  setFilters = (filters: Filters) => this.commit({ ...this.state, filters });
  /** Corrects the filters in place (the entry is replaced): back returns to the page before, not to the wrong ones. */
  correctFilters = (filters: Filters) => this.commit({ ...this.state, filters }, 'replace');
  setParams = (params: Record<string, string>) => this.commit({ ...this.state, params });
  setQuery = (query: string, mode: 'push' | 'replace' = 'replace') => this.commit({ ...this.state, query }, mode);
  setItem = (item: number | null) => this.commit({ ...this.state, item });
  /**
   * Other data is shown: its places, townships and items are not the old ones, so the filters and
   * the open item go; the view and the search words stay. Replaces the entry: back must not return
   * to a place of the data no longer shown.
   */
  forgetSelection = () => this.commit({ ...this.state, filters: NO_FILTERS, item: null }, 'replace');
  /** Shows another view under other filters (a link from one view's finding to another's chart). */
  showView = (view: ViewId, filters: Filters) => this.commit({ ...this.state, view, filters, params: {} });
  /** Opens an item's detail in the explorer, from any view. */
  openItem = (item: number) => this.commit({ ...this.state, view: 'explorer', item });
}
