/**
 * A view's model for one query: `loading`, `error` and `value` as runes; a stale response (from
 * before the latest `run`) is dropped so fast filter changes never show an older answer.
 *
 * `value` is `$state.raw`: answers are replaced whole, never changed in place, so they need no deep
 * reactivity. A deep `$state` wraps every row in a proxy: at a region's size reading a thousand
 * townships' figures (or a heatmap's cells) through proxies cost tens to hundreds of milliseconds
 * per redraw, and a network layout whose nodes a drag moves in place would wake its drawing effect.
 */
export class AsyncQuery<T> {
  value: T | undefined = $state.raw(undefined);
  loading = $state(false);
  error: string | null = $state(null);
  #generation = 0;

  async run(load: () => Promise<T>): Promise<void> {
    const mine = ++this.#generation;
    this.loading = true;
    try {
      const value = await load();
      if (mine !== this.#generation) return;
      this.value = value;
      this.error = null;
    } catch (e) {
      if (mine !== this.#generation) return;
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (mine === this.#generation) this.loading = false;
    }
  }
}
