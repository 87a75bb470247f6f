import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';

/**
 * Where the site has no first answers (a site built before them; src/lib/db/first-answers.ts), the
 * served data's worker is what the first chart waits for longest (its script, sql.js, the summary):
 * the page starts it from a script of its own (src/start-data.ts, an async entry; see
 * scripts/first-paint-chunks.ts), which does not wait for the entry's code to arrive. (With first
 * answers it starts once the chart is painted: first-answers.e2e.test.ts.)
 */
describe('the start of the page', () => {
  const b = useBrowser();

  it('without first answers, asks for the data worker while the entry’s code is still on its way, and starts it once', async () => {
    const page = await b.open('');
    // A site built before first answers: the file is not there (the browser logs the 404).
    await page.route(/\/data\/atlas\/first-answers\.json\.gz$/, (route) => route.fulfill({ status: 404, body: '' }));
    b.ignoreErrors((message) => message.includes('404'));
    const entry = /\/assets\/index-[^/]*\.js$/;
    const workerScript = /\/assets\/worker-[^/]*\.js$/;
    let entryReleased = false;
    let workerAskedWhileHeld: boolean | null = null;
    let workerRequests = 0;
    let workerAsked: () => void = () => {};
    const asked = new Promise<void>((resolve) => (workerAsked = resolve));
    page.on('request', (request) => {
      if (!workerScript.test(request.url())) return;
      workerRequests++;
      workerAskedWhileHeld ??= !entryReleased;
      workerAsked();
    });
    // The entry's script is held until the worker's is asked for (or 5 s, so a page that waits for
    // the entry still loads and the test fails on the assertion, not on a timeout).
    await page.route(entry, async (route) => {
      await Promise.race([asked, new Promise((resolve) => setTimeout(resolve, 5000))]);
      entryReleased = true;
      await route.continue();
    });
    await page.reload();
    await page.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
    await page.locator('[data-testid=view-overview] figure[data-drawn]').first().waitFor();
    expect(workerAskedWhileHeld).toBe(true);
    expect(workerRequests).toBe(1);
  });
});
