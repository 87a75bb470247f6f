import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';

/**
 * The served data's worker is what the first chart waits for longest (its script, sql.js, the
 * summary): the page starts it from a script of its own (src/start-data.ts, an async entry; see
 * scripts/first-paint-chunks.ts), which does not wait for the entry's code to arrive.
 */
describe('the start of the page', () => {
  const b = useBrowser();

  it('asks for the data worker while the entry’s code is still on its way, and starts it once', async () => {
    const page = await b.open('');
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
