import type { Sql } from './sql';

/**
 * A question's identity: its text, parameters and needs. The needs are part of the question: a
 * search's terms travel as a need (the engine fills search_hits from them), so the same text and
 * parameters with other terms is another question.
 */
export const questionKey = (q: Sql): string => `${q.text}\u0000${JSON.stringify(q.params)}\u0000${JSON.stringify(q.needs ?? [])}`;

/**
 * Answers to queries already asked, by their text, parameters and needs. The served data never changes
 * while the page is open, so the same query always has the same answer: going back to a filter, a
 * place or a view just seen costs no trip to the worker. Concurrent identical queries share one run.
 * A failed query is forgotten, so asking again retries it.
 */
export class ResultCache {
  /** Oldest first (a Map keeps insertion order): the first entry is the one to evict. */
  readonly #answers = new Map<string, Promise<object[]>>();

  /** `known`: answers had before any question (the build's first answers, db/first-answers.ts), by questionKey. */
  constructor(
    readonly capacity = 96,
    known: Iterable<readonly [key: string, rows: object[]]> = [],
  ) {
    for (const [key, rows] of known) this.#answers.set(key, Promise.resolve(rows));
  }

  get size(): number {
    return this.#answers.size;
  }

  /** The cached answer to `q`, or `run`'s; each caller gets its own array (callers sort and filter them). */
  async query<Row extends object>(q: Sql, run: () => Promise<Row[]>): Promise<Row[]> {
    const key = questionKey(q);
    let answer = this.#answers.get(key);
    if (answer) {
      // Most recently used last.
      this.#answers.delete(key);
      this.#answers.set(key, answer);
    } else {
      answer = run();
      this.#answers.set(key, answer);
      if (this.#answers.size > this.capacity) this.#answers.delete(this.#answers.keys().next().value!);
      answer.catch(() => {
        if (this.#answers.get(key) === answer) this.#answers.delete(key);
      });
    }
    return ((await answer) as Row[]).slice();
  }
}
