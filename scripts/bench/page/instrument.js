// The in-page side of `npm run bench` (scripts/bench/browser.ts injects it before the app's scripts).
// Plain JavaScript, called from Node by name (`__bench.change(…)`), so nothing is rewritten on its
// way into the page. It opts in to the worker's query timing and measures redraws and frames.
(() => {
  /** The opt-in timing channel (src/lib/db/worker-client.ts): the app appends every query here. */
  globalThis.__dutyAtlasBench = { queries: [] };
  // A walk through every view of a region fetches more than the default 250 entries' worth of parts.
  performance.setResourceTimingBufferSize(100000);

  const queries = () => globalThis.__dutyAtlasBench.queries;

  // Tasks that kept the main thread busy for more than 50 ms, from the start: where a slow first
  // chart spent its time when it was not waiting for data.
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) longTasks.push({ start: task.startTime, duration: task.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // a browser without the Long Tasks API: the figures say 0
  }

  /** Resolves with performance.now() once the next frame has been rendered (see chart-drawn.ts). */
  const afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve(performance.now());
        };
        channel.port2.postMessage(null);
      }),
    );

  const sample = (q) => ({
    runMs: q.runMs ?? NaN,
    waitMs: q.waitMs ?? NaN,
    roundTripMs: q.receivedAt - q.sentAt,
    needs: [...q.needs],
    sql: q.text.replace(/\s+/g, ' ').trim().slice(0, 90),
  });

  let frames = null;

  window.__bench = {
    afterPaint,

    /** Starts recording the timestamp of every animation frame (an empty requestAnimationFrame loop). */
    startFrames() {
      const recording = [];
      frames = recording;
      const loop = (t) => {
        if (frames !== recording) return;
        recording.push(t);
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    },

    stopFrames() {
      const recorded = frames ?? [];
      frames = null;
      return recorded;
    },

    /**
     * Sets the URL's query string the way the app's own state changes do (a history entry, then the
     * popstate the app listens to) and resolves once the view `view` is redrawn: no query issued since
     * is pending, nothing in the view is aria-busy or loading, and the next frame has been rendered.
     * A change that issues no query is done after two frames. The time it reports is that of the
     * frame that painted the last change to the page's main area (a MutationObserver's), not of the
     * frame in which this check noticed it was done: noticing takes up to three frames that the
     * reader never waits for.
     */
    change(search, view, timeoutMs) {
      const from = queries().length;
      const started = performance.now();
      // The frame that painted the view's last change: the redraw's end, whenever the walk notices it.
      let lastChange = null;
      let paintedAt = null;
      // Where the last change was: the nearest element with a data-testid (the chart, the table).
      let lastChangeIn = null;
      // The first frame after the change: when nothing changed, the view was drawn by it.
      let firstFrameAt = null;
      const watched = document.querySelector(`[data-testid="view-${view}"]`)?.closest('main') ?? document.body;
      const observer = new MutationObserver((records) => {
        const target = records[records.length - 1].target;
        const element = target.nodeType === Node.ELEMENT_NODE ? target : target.parentElement;
        lastChangeIn = element?.closest('[data-testid]')?.getAttribute('data-testid') ?? element?.localName ?? null;
        const mine = (lastChange = performance.now());
        afterPaint().then((at) => {
          if (lastChange === mine) paintedAt = at;
        });
      });
      /**
       * The frame that painted the last change: the one recorded for it, or, when the walk noticed it
       * was done before that frame was (a change made in the task that ended the redraw), the next
       * frame — never the paint of an earlier change.
       */
      const paintOfLastChange = async (noticedAt) => {
        if (lastChange === null) return firstFrameAt ?? noticedAt;
        if (paintedAt !== null && paintedAt >= lastChange) return paintedAt;
        const changed = lastChange;
        const at = await afterPaint();
        return lastChange === changed ? at : paintOfLastChange(at);
      };
      observer.observe(watched, { subtree: true, childList: true, attributes: true, characterData: true });
      history.pushState(null, '', `${location.pathname}${search}`);
      dispatchEvent(new PopStateEvent('popstate'));
      return new Promise((resolve) => {
        let frame = 0;
        const finish = async (noticedAt, timedOut) => {
          // Nothing changed: the view was right as it stood, drawn by the first frame after the change.
          const at = timedOut ? noticedAt : await paintOfLastChange(noticedAt);
          observer.disconnect();
          const mine = queries().slice(from);
          const answered = mine.filter((q) => q.receivedAt !== undefined && !q.failed);
          resolve({
            started,
            ms: at - started,
            longTasksMs: longTasks
              .filter((t) => t.start + t.duration > started && t.start < at)
              .reduce((sum, t) => sum + Math.min(t.start + t.duration, at) - Math.max(t.start, started), 0),
            timedOut,
            queries: answered.map(sample),
            failed: mine.filter((q) => q.failed).length,
            lastResultAt: Math.max(started, ...answered.map((q) => q.receivedAt)),
            lastChangeIn,
            endedAt: at,
          });
        };
        const check = () => {
          frame++;
          if (frame === 1) afterPaint().then((at) => (firstFrameAt ??= at));
          const mine = queries().slice(from);
          const root = document.querySelector(`[data-testid="view-${view}"]`);
          const busy =
            !root ||
            root.getAttribute('aria-busy') === 'true' ||
            root.querySelector('[aria-busy="true"], [data-testid="loading"]') !== null;
          const pending = mine.some((q) => q.receivedAt === undefined);
          if (!busy && !pending && (mine.length > 0 || frame >= 2)) {
            // One more frame, so a redraw made right after the answer has been painted too.
            afterPaint().then((at) => finish(at, false));
            return;
          }
          if (performance.now() - started > timeoutMs) {
            finish(performance.now(), true);
            return;
          }
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    },

    /**
     * Resolves once the element `selector` has not changed for `quietMs` and holds no
     * [data-layout="running"] (a progressive layout's hook): with the frame that painted its last
     * change (or the time of the call, if it did not change).
     */
    settle(selector, quietMs, timeoutMs) {
      const started = performance.now();
      const element = document.querySelector(selector);
      if (!element) return Promise.resolve({ settledAt: started, changes: 0, timedOut: false, missing: true });
      let lastChange = started;
      let settledAt = started;
      let changes = 0;
      const observer = new MutationObserver(() => {
        changes++;
        lastChange = performance.now();
        const mine = lastChange;
        afterPaint().then((at) => {
          if (lastChange === mine) settledAt = at;
        });
      });
      observer.observe(element, { subtree: true, childList: true, attributes: true, characterData: true });
      return new Promise((resolve) => {
        const poll = () => {
          const now = performance.now();
          const running = element.matches('[data-layout="running"]') || element.querySelector('[data-layout="running"]') !== null;
          const timedOut = now - started > timeoutMs;
          if ((!running && now - lastChange >= quietMs && settledAt >= lastChange) || timedOut) {
            observer.disconnect();
            resolve({ settledAt, changes, timedOut, missing: false });
          } else setTimeout(poll, 50);
        };
        setTimeout(poll, 50);
      });
    },

    /** The first chart's performance mark (ms since navigation start), or null before it. */
    firstChart() {
      return performance.getEntriesByName('duty-atlas:first-chart')[0]?.startTime ?? null;
    },

    /**
     * What happened before `until` (ms since navigation start): the main thread's long tasks (their
     * total and the longest), the parts the queries sent by then needed, and when the first answer
     * reached the page (the data worker open and answering; later answers are drawn as they come).
     */
    before(until) {
      const tasks = longTasks.filter((t) => t.start < until);
      const answered = queries().filter((q) => q.receivedAt !== undefined && q.receivedAt <= until);
      // A page drawn from the build's first answers (src/lib/db/first-answers.ts) had its data when
      // they arrived, before its worker answered anything.
      const firstAnswers = performance
        .getEntriesByType('resource')
        .find((r) => /\/first-answers\.json\.gz$/.test(r.name) && r.responseEnd > 0 && r.responseEnd <= until);
      return {
        answeredMs: answered.length ? Math.min(...answered.map((q) => q.receivedAt)) : (firstAnswers?.responseEnd ?? 0),
        fromFirstAnswers: answered.length === 0 && firstAnswers !== undefined,
        longTasksMs: tasks.reduce((sum, t) => sum + Math.min(t.duration, until - t.start), 0),
        longestTaskMs: Math.max(0, ...tasks.map((t) => Math.min(t.duration, until - t.start))),
        needs: [
          ...new Set(
            queries()
              .filter((q) => q.sentAt < until)
              .flatMap((q) => q.needs),
          ),
        ],
      };
    },

    /** The largest interactive mark in `selector` (a node of the graph), tagged so it can be found again. */
    largestMark(selector) {
      const marks = [...document.querySelectorAll(`${selector} [role="button"]`)];
      const area = (el) => {
        const box = el.getBoundingClientRect();
        return box.width * box.height;
      };
      const target = marks
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
        })
        .sort((a, b) => area(b) - area(a))[0];
      if (!target) return null;
      document.querySelectorAll('[data-bench-drag]').forEach((el) => el.removeAttribute('data-bench-drag'));
      target.setAttribute('data-bench-drag', '');
      const box = target.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2, marks: marks.length };
    },

    /** Where the mark largestMark tagged is now. */
    markCentre() {
      const el = document.querySelector('[data-bench-drag]');
      if (!el) return null;
      const box = el.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
  };
})();
