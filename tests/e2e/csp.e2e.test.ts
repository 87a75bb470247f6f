/**
 * The Content-Security-Policy each build carries (scripts/csp/): the served page's and the single
 * file's, read back from what `npm run build` and `npm run build:single` wrote, and the styles it
 * allows by hash checked to be the ones the app needs — every view looks the same with the policy as without.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import {
  formatPolicy,
  inlineHash,
  inlineScripts,
  inlineStyles,
  parsePolicy,
  policyOf,
  servedDirectives,
  singleFileDirectives,
} from '../../scripts/csp/policy';
import { plotStyleTexts } from '../../scripts/csp/plot-styles';
import { VIEW_LABELS, type ViewId } from '../../src/lib/ui/strings';

const ROOT = resolve(import.meta.dirname, '../..');

describe('the page’s Content-Security-Policy', () => {
  const b = useBrowser();

  /** Plot's style elements, by hash: the only inline styles the served page applies. */
  const plotHashes = () => Promise.all(plotStyleTexts().map(inlineHash));

  it('is in the served page before any script, allowing scripts only from the site and the wasm compile', async () => {
    const html = readFileSync(resolve(ROOT, 'dist/index.html'), 'utf8');
    const policy = policyOf(html);
    expect(policy).toBe(formatPolicy(servedDirectives(await plotHashes())));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    const directives = parsePolicy(policy!);
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['style-src']).not.toContain("'unsafe-inline'");
    expect(inlineScripts(html)).toEqual([]);
    expect(inlineStyles(html)).toEqual([]);
  });

  it('is in the single file with the hash of each script and stylesheet it carries, and workers from blob: only', async () => {
    const html = readFileSync(inject('singleFile'), 'utf8');
    const scripts = inlineScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    const hashes = async (texts: string[]) => [...new Set(await Promise.all(texts.map(inlineHash)))];
    const styles = [...new Set([...(await plotHashes()), ...(await hashes(inlineStyles(html)))])];
    expect(policyOf(html)).toBe(formatPolicy(singleFileDirectives({ scripts: await hashes(scripts), styles })));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    const directives = parsePolicy(policyOf(html)!);
    for (const name of ['script-src', 'style-src']) {
      expect(directives[name]).not.toContain("'unsafe-inline'");
      expect(directives[name]).not.toContain("'unsafe-eval'");
    }
  });

  it('lets every view draw as it would with no policy: the same pixels', async () => {
    const views = Object.keys(VIEW_LABELS) as ViewId[];
    const shots = async (policy: boolean) => {
      const page = await b.open('', { waitReady: false });
      if (!policy)
        await page.route(/\/(index\.html)?(\?.*)?$/, async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
          await route.fulfill({ response, body });
        });
      const pictures: Buffer[] = [];
      for (const view of views) {
        await page.goto(new URL(`?view=${view}`, b.baseURL).href);
        await page.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
        await page.locator(`main[data-view=${view}] #view-panel > *:visible`).first().waitFor();
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll<HTMLElement>('#view-panel figure.chart-frame')]
              .filter((f) => f.offsetParent !== null)
              .every((f) => f.hasAttribute('data-drawn')) && !document.querySelector('#view-panel [data-testid=loading]'),
          undefined,
          { timeout: 20000 },
        );
        await page.waitForTimeout(300);
        pictures.push(await page.screenshot());
      }
      const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').count();
      await page.close();
      return { pictures, meta };
    };
    const withPolicy = await shots(true);
    const without = await shots(false);
    expect([withPolicy.meta, without.meta]).toEqual([1, 0]);
    const differing = views.filter((_, i) => !withPolicy.pictures[i].equals(without.pictures[i]));
    expect(differing).toEqual([]);
  });
});
