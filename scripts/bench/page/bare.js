// The bare page of `npm run bench` (scripts/bench/sites.ts writes bare.html beside it): the least a page
// can do with the same data — load sql.js (the same glue and wasm file as the app), fetch the summary
// part, inflate and open it, run one query, show the answer — timed to the frame that paints it, like the app's
// first chart. Plain JavaScript: it is served as is, beside the built app.
/* global initSqlJs */
(async () => {
  const { wasm, summary } = document.body.dataset;
  try {
    const SQL = await initSqlJs({ locateFile: () => new URL(wasm, location.href).href });
    const response = await fetch(summary);
    if (!response.ok) throw new Error(`${summary}: HTTP ${response.status}`);
    // The parts are served gzipped (src/lib/atlas/unpack.ts): inflate them the way the app does.
    const bytes = new Uint8Array(await response.arrayBuffer());
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    const data = gzipped
      ? new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer())
      : bytes;
    const db = new SQL.Database(data);
    const query = () => {
      const started = performance.now();
      const [answer] = db.exec('SELECT list, sum(items) AS items FROM cube_items GROUP BY list ORDER BY list');
      return { answer, ms: performance.now() - started };
    };
    // The first run also compiles the wasm it calls (V8 compiles lazily); the app's queries run warm.
    const { answer, ms: coldQueryMs } = query();
    const answeredMs = performance.now();
    const p = document.createElement('p');
    p.textContent = answer.values.map(([list, items]) => `${list}: ${items}`).join(', ');
    document.body.append(p);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const painted = performance.now();
        // After the paint: the same query warm, the baseline of a query in the app.
        const queryMs = Math.min(query().ms, query().ms);
        performance.mark('bench:bare-painted', { startTime: painted, detail: { queryMs, coldQueryMs, answeredMs } });
        document.body.dataset.done = '';
      };
      channel.port2.postMessage(null);
    });
  } catch (error) {
    document.body.dataset.error = String(error);
  }
})();
