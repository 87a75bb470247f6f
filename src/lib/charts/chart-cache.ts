/**
 * The last few charts a view drew, by what they were drawn from. Going back to a state just seen
 * (clearing a filter, leaving a drill-down) puts the chart drawn for it back on the page instead of
 * building its thousands of elements again: the reader gets it in the time the browser lays it out.
 *
 * The key must name everything the chart shows (the answer's key, the width, the toggles); what the
 * key cannot name, the data the answers came from and the imported marks, is the cache's `scope`: a
 * new scope empties it. Charts keep their listeners while off the page; theirs must read the view's
 * state when called, not copies taken when drawn.
 */
export class ChartCache<Chart extends Element> {
  /** Oldest first (a Map keeps insertion order): the first entry is the one to evict. */
  readonly #charts = new Map<string, Chart>();
  #scope: readonly unknown[] = [];

  constructor(readonly capacity = 8) {}

  get size(): number {
    return this.#charts.size;
  }

  /** Empties the cache when any of `scope` differs (by identity) from the last call's. */
  scope(...scope: unknown[]): void {
    if (scope.length === this.#scope.length && scope.every((s, i) => s === this.#scope[i])) return;
    this.#scope = scope;
    this.#charts.clear();
  }

  /**
   * The chart cached under `key`, else `draw()`'s, cached in its place. The
   * cached chart may be the one on the page already (the view's effect ran again for the same state):
   * the caller leaves it where it is.
   */
  chart(key: string, draw: () => Chart): { chart: Chart; cached: boolean } {
    const kept = this.#charts.get(key);
    this.#charts.delete(key);
    if (kept) {
      this.#charts.set(key, kept);
      return { chart: kept, cached: true };
    }
    const chart = draw();
    this.#charts.set(key, chart);
    if (this.#charts.size > this.capacity) this.#charts.delete(this.#charts.keys().next().value!);
    return { chart, cached: false };
  }
}
