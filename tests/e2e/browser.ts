/**
 * Chromium for the e2e tests: Debian's /usr/bin/chromium driven by playwright-core (no downloaded
 * browsers). Every page records console errors and page errors; any of them fails the test in
 * afterEach. Screenshots go to tests/e2e/screenshots/<name>.png at 1280×720 (the projector size).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

export const VIEWPORT = { width: 1280, height: 720 };
const SCREENSHOTS = resolve(import.meta.dirname, 'screenshots');

export interface BrowserHelpers {
  /**
   * Opens `baseURL + pathAndQuery` (e.g. '?view=explorer&q=检疫') and waits until the database is
   * loaded; `site: 'scale'` opens the 200-township synthetic site instead of the bundled five.
   */
  open(pathAndQuery?: string, options?: { waitReady?: boolean; site?: 'bundled' | 'scale' }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  /** Errors recorded so far on pages opened in this test (console errors and uncaught exceptions). */
  errors(): string[];
  /** Call when a test deliberately provokes an error (e.g. a missing database) and has checked it. */
  ignoreErrors(predicate: (message: string) => boolean): void;
  baseURL: string;
  scaleURL: string;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Registers beforeAll/afterAll/afterEach hooks in the calling test file and returns the helpers. */
export function useBrowser(): BrowserHelpers {
  const baseURL = inject('baseURL');
  const scaleURL = inject('scaleURL');
  let browser: Browser;
  let context: BrowserContext | undefined;
  let recorded: string[] = [];
  let ignored: ((message: string) => boolean)[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    const failures = recorded.filter((m) => !ignored.some((p) => p(m)));
    recorded = [];
    ignored = [];
    expect(failures, 'console errors or page errors').toEqual([]);
  });

  return {
    baseURL,
    scaleURL,
    async open(pathAndQuery = '', { waitReady = true, site = 'bundled' } = {}) {
      context ??= await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') recorded.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => recorded.push(`pageerror: ${error.message}`));
      await page.goto(new URL(pathAndQuery, site === 'scale' ? scaleURL : baseURL).href);
      if (waitReady) await page.waitForSelector('main[data-state="ready"]', { timeout: 20000 });
      return page;
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
    },
    errors: () => [...recorded],
    ignoreErrors(predicate) {
      ignored.push(predicate);
    },
  };
}
