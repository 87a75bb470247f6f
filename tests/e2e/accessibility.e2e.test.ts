import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { VIEW_LABELS, type ViewId } from '../../src/lib/ui/strings';

/**
 * Accessibility (#11): axe-core on every view, with the bundled lists and at 200 townships, must
 * find no serious or critical violation (WCAG 2.1 A and AA rules). Each violation found is printed
 * with its rule and the elements, so a failure says what to mend.
 */
const views = Object.keys(VIEW_LABELS) as ViewId[];
const SERIOUS = new Set(['serious', 'critical']);

describe('accessibility', () => {
  const b = useBrowser();

  async function seriousViolations(page: Page): Promise<string[]> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return results.violations
      .filter((v) => SERIOUS.has(v.impact ?? ''))
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s), e.g. ${v.nodes[0]?.target.join(' ')}`);
  }

  async function walk(site: 'bundled' | 'scale'): Promise<Record<string, string[]>> {
    const page = await b.open('', { site });
    const found: Record<string, string[]> = {};
    for (const view of views) {
      await page.getByRole('tab', { name: VIEW_LABELS[view] }).click();
      const section = page.getByTestId(`view-${view}`);
      await section.waitFor();
      // Drawn, or its list or note shown: what a reader would see.
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 20_000 }).catch(() => {});
      await page.waitForTimeout(300);
      const started = performance.now();
      const violations = await seriousViolations(page);
      console.info(`axe ${site} ${view}: ${violations.length} serious or critical in ${(performance.now() - started).toFixed(0)} ms`);
      if (violations.length) found[view] = violations;
    }
    return found;
  }

  it('finds no serious or critical violation on any view, with the bundled lists', async () => {
    const found = await walk('bundled');
    expect(found).toEqual({});
  }, 300_000);

  it('finds none at 200 townships either', async () => {
    const found = await walk('scale');
    expect(found).toEqual({});
  }, 300_000);
});
