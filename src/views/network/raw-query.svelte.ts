/**
 * AsyncQuery (src/lib/state/async-query.svelte.ts) with its value in `$state.raw`: replaced whole,
 * never made deeply reactive. The network's answers are thousands of rows and a layout whose nodes
 * a drag moves in place; in a deep `$state` proxy every read of a row goes through the proxy, and
 * every drag step (n.x = …) would wake the effect that draws the graph and rebuild it.
 */
export class RawQuery<T> {
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
