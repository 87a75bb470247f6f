/**
 * Chromium for the benchmark: Debian's /usr/bin/chromium driven by playwright-core with the e2e
 * tests' flags, a fresh context per cold load with the HTTP cache disabled, the in-page instrument
 * (page/instrument.js) injected before the app's scripts, and the measurements CDP gives: the JS heap
 * of the page and its workers, and the resources each had fetched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { serveSite } from '../lib/serve-site';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1280, height: 720 };
const INSTRUMENT = readFileSync(join(import.meta.dirname, 'page/instrument.js'), 'utf8');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Serves a built site folder as `npm start` does (scripts/lib/serve-site.ts). */
export const serve = serveSite;

export interface Session {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** Errors the page reported (console errors, uncaught exceptions): a run that has any says so. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context (its own empty cache) with the cache disabled and the instrument injected. */
export async function openSession(browser: Browser): Promise<Session> {
  // The measurements wait on conditions written as strings, which Playwright evaluates with eval: the
  // page's Content-Security-Policy (no 'unsafe-eval') would refuse them. Bypassing it costs the page nothing measurable.
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true });
  await context.addInitScript({ content: INSTRUMENT });
  const page = await context.newPage();
  const errors: string[] = [];
  // A failed response is reported with its URL below; the console's copy of it names none.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // The browser asks for a favicon the app does not have: that 404 is not the app's.
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page, cdp, errors, close: () => context.close() };
}

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

/**
 * The JS heap used by the page and every dedicated worker it runs, and their ArrayBuffer and wasm
 * backing stores. A worker is reached through the browser's CDP session (Playwright exposes a CDP
 * session for pages only), attached without flattening so its commands can be sent as messages.
 */
export async function heapOf(browser: Browser, session: Session): Promise<{ heapBytes: number; buffersBytes: number }> {
  const page = (await session.cdp.send('Runtime.getHeapUsage')) as HeapUsage;
  let heapBytes = page.usedSize;
  let buffersBytes = page.backingStorageSize ?? 0;
  const workerUrls = new Set(session.page.workers().map((w) => w.url()));
  if (workerUrls.size === 0) return { heapBytes, buffersBytes };
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    for (const target of targetInfos.filter((t) => t.type === 'worker' && workerUrls.has(t.url))) {
      const usage = await callTarget<HeapUsage>(cdp, target.targetId, 'Runtime.getHeapUsage');
      heapBytes += usage.usedSize;
      buffersBytes += usage.backingStorageSize ?? 0;
    }
  } finally {
    await cdp.detach();
  }
  return { heapBytes, buffersBytes };
}

async function callTarget<T>(cdp: CDPSession, targetId: string, method: string): Promise<T> {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  try {
    return await new Promise<T>((resolveCall, reject) => {
      const onMessage = (event: { sessionId?: string; message: string }) => {
        if (event.sessionId !== sessionId) return;
        const reply = JSON.parse(event.message) as { id: number; result?: T; error?: { message: string } };
        if (reply.id !== 1) return;
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolveCall(reply.result as T);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method }) });
    });
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId });
  }
}

export interface Resource {
  /** The URL's path relative to the site ('' for the page itself). */
  path: string;
  /** Milliseconds since the epoch when its response had fully arrived. */
  endedAt: number;
  /** Headers and body as served. */
  transferSize: number;
}

const RESOURCES = `(() => {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return entries.map((e) => ({ url: e.name, end: performance.timeOrigin + e.responseEnd, transferSize: e.transferSize }));
})()`;

/**
 * Every response the page and its workers had received (Resource Timing: the page's CDP session does
 * not see a worker's fetches, and the wasm and the data are fetched by the worker).
 */
export async function resourcesOf(session: Session, siteUrl: string): Promise<Resource[]> {
  type Entry = { url: string; end: number; transferSize: number };
  const lists: Entry[][] = [await session.page.evaluate<Entry[]>(RESOURCES)];
  for (const worker of session.page.workers()) lists.push(await worker.evaluate<Entry[]>(RESOURCES));
  return lists
    .flat()
    .filter((e) => e.url.startsWith(siteUrl))
    .map((e) => ({
      path: decodeURIComponent(new URL(e.url).pathname.slice(new URL(siteUrl).pathname.length)),
      endedAt: e.end,
      transferSize: e.transferSize,
    }));
}
