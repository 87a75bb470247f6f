/**
 * The Content-Security-Policy each build carries (scripts/csp/): the served page's and the single
 * file's, read back from what `npm run build` and `npm run build:single` wrote, and the styles it
 * allows by hash checked to be the ones the app needs — every view looks the same with the policy as without.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
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
              .every((f) => f.hasAttribute('data-drawn')) &&
            !document.querySelector('#view-panel [data-testid=loading]') &&
            // Settled: the network's layout no longer running (src/lib/export/chart-settled.ts's
            // hooks). A picture taken mid-layout differed from the other page's by when it was
            // taken, not by the policy.
            !document.querySelector('#view-panel :is([data-laying-out="true"], [data-layout="running"], [aria-busy="true"])'),
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
    const page = await b.open('', { waitReady: false });
    const differing: string[] = [];
    for (const [i, view] of views.entries())
      if ((await visiblyDifferentPixels(page, withPolicy.pictures[i], without.pictures[i])) > 0) differing.push(view);
    await page.close();
    expect(differing).toEqual([]);
  });
});

/**
 * Pixels of two screenshots of the same size that differ by more than a shade in any channel, decoded
 * in the page. A style the policy blocked changes whole marks (a fill, a stroke, a font); two pages
 * rendered alike still differ by a level or two of anti-aliasing on a few edges (40 pixels along two
 * chips' borders, at most 3 levels, in one run of 乡镇对比 in five), which is not the policy's doing.
 */
async function visiblyDifferentPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  const url = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (src: string) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [pa, pb] = await Promise.all([pixels(a), pixels(b)]);
      if (pa.width !== pb.width || pa.height !== pb.height) return Infinity;
      const SHADE = 16;
      let count = 0;
      for (let i = 0; i < pa.data.length; i += 4) if ([0, 1, 2, 3].some((c) => Math.abs(pa.data[i + c] - pb.data[i + c]) > SHADE)) count++;
      return count;
    },
    [url(a), url(b)],
  );
}
