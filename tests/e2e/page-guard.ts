/**
 * What a page must never do, recorded for a whole browser context: break its Content-Security-Policy
 * (the `securitypolicyviolation` events of the page, and the console's "Content Security Policy"
 * messages, which also carry a worker's), ask another origin for anything, or run what the data
 * smuggled in (`window.__pwned`, set by every hostile string of tests/fixtures/hostile).
 */
import type { BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    __pwned?: unknown;
    __violations?: string[];
  }
}

export interface PageGuard {
  /** CSP violations: `directive blocked-uri` from events, and the console's reports. */
  violations(page?: Page): Promise<string[]>;
  /** Requests for anything outside the page's own origin (blob: and data: are the page's own). */
  foreign: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests the context made, in all. */
  requests: () => number;
}

/** Origins a page may read besides its own: what it made in memory. */
const OWN = new Set(['blob:', 'data:']);

export async function guardContext(context: BrowserContext, origin: string): Promise<PageGuard> {
  const foreign: string[] = [];
  const errors: string[] = [];
  const consoleViolations: string[] = [];
  let requests = 0;
  // Runs before the page's own scripts, and outside its policy (Playwright injects it).
  await context.addInitScript(() => {
    window.__violations = [];
    addEventListener('securitypolicyviolation', (event) => {
      const e = event as SecurityPolicyViolationEvent;
      window.__violations!.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const sameOrigin = (url: string) => {
    const u = new URL(url);
    return OWN.has(u.protocol) || (origin === 'file:' ? u.protocol === 'file:' : u.origin === origin);
  };
  // Another origin is refused before it is asked, and recorded.
  await context.route('**/*', (route) => {
    if (sameOrigin(route.request().url())) return route.fallback();
    foreign.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    requests++;
    if (!sameOrigin(request.url()) && !foreign.includes(request.url())) foreign.push(request.url());
  });
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) consoleViolations.push(message.text());
      else if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    foreign,
    errors,
    requests: () => requests,
    async violations(page) {
      const events = page ? await page.evaluate(() => window.__violations ?? []) : [];
      return [...events, ...consoleViolations];
    },
  };
}

/**
 * What data must never become in the page: whether a hostile string ran (`__pwned`), and every
 * element of a kind the data names (img, script, a javascript: link, an inline handler) that the app
 * itself never makes.
 */
export async function smuggled(page: Page): Promise<{ pwned: boolean; elements: string[] }> {
  return page.evaluate(() => {
    const elements: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      const inline = [...el.attributes].filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value));
      const tag = el.tagName.toLowerCase();
      if (
        inline.length ||
        tag === 'img' ||
        tag === 'iframe' ||
        tag === 'object' ||
        tag === 'embed' ||
        (tag === 'script' && el.outerHTML.includes('__pwned'))
      )
        elements.push(el.outerHTML.slice(0, 120));
    }
    return { pwned: window.__pwned !== undefined, elements };
  });
}
