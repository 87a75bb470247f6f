import { AsyncQuery } from '../../lib/state/async-query.svelte';

/**
 * An AsyncQuery whose value is not made deeply reactive. `$state` wraps every row of an answer in a
 * proxy, and reading a thousand townships' figures through proxies made each sort or redraw of the
 * ranking and the distribution take tens of milliseconds in reading alone. Answers are replaced
 * whole, never changed in place, so the rows need no deep reactivity: only `value` itself changes.
 */
export class RawAsyncQuery<T> extends AsyncQuery<T> {
  override value: T | undefined = $state.raw(undefined);
}
