/**
 * The Content-Security-Policy each build of the dashboard carries in a `<meta http-equiv>` (a static
 * folder on an intranet server, or one file on a USB stick, has no server of ours to send it as a
 * header). Pure: the Vite plugins (plugin.ts) put it into the page, the tests read it back.
 *
 * The base is the issue's: nothing but the site's own files, no plugins, no <base>. Beyond it each
 * build allows only what it was seen to need (tests/e2e/csp.e2e.test.ts and hostile-list.e2e.test.ts
 * walk every view and fail on any violation):
 * - `'wasm-unsafe-eval'`: sql.js compiles its wasm (in the workers; a blob: worker inherits the page's policy).
 * - `style-src` by hash, never 'unsafe-inline': the only inline styles are the `<style>` elements
 *   Observable Plot writes into its charts (their texts read from the installed Plot, plot-styles.ts),
 *   and in the single file its one inlined stylesheet. Svelte and d3 style elements through the CSSOM
 *   (`style:left`, `.style()`), which a policy does not govern, so no `style` attribute is needed:
 *   walking every view, exporting and presenting under `style-src 'self'` met only Plot's two elements
 *   and one `setAttribute('style')` (a slide picture's background, now set through the CSSOM).
 * - `img-src blob: data:`: the PNG exports and the deck's pictures draw a chart's SVG through an
 *   image of a blob: URL; the page's icon is the empty `data:,` (so no browser asks for /favicon.ico).
 * - single file only: its scripts are in the page (allowed by their SHA-256, never 'unsafe-inline'),
 *   and its workers start from blob: URLs (`worker-src blob:`), since file:// can load nothing by URL.
 */

export type Directives = Record<string, readonly string[]>;

/** Hash sources (`'sha256-…'`) of the inline code a page may run or apply. */
export interface InlineHashes {
  /** The single file's scripts. */
  scripts: readonly string[];
  /** Plot's style elements, and the single file's stylesheet. */
  styles: readonly string[];
}

/** The base, shared by both builds, with the inline styles allowed by hash. */
const base = (styles: readonly string[]): Directives => ({
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", ...styles],
  'img-src': ["'self'", 'blob:', 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
});

/** `npm run build` (dist/): every script, stylesheet, worker and data file comes from the site itself. */
export const servedDirectives = (plotStyles: readonly string[]): Directives => base(plotStyles);

/** `npm run build:single`: its inline scripts and stylesheet by hash, its workers from blob:. */
export function singleFileDirectives({ scripts, styles }: InlineHashes): Directives {
  const directives = base(styles);
  return { ...directives, 'script-src': [...directives['script-src'], ...scripts], 'worker-src': ['blob:'] };
}

export const formatPolicy = (directives: Directives): string =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/** The policy back from its text: directive → sources (what a test checks against what the browser enforces). */
export function parsePolicy(policy: string): Directives {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name.toLowerCase()] = sources;
  }
  return directives;
}

const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/** The policy a page carries in its meta, or null. */
export const policyOf = (html: string): string | null => META.exec(html)?.[1] ?? null;

/**
 * `html` with `policy` as its Content-Security-Policy meta: replacing the one it has, else first in
 * <head> after the charset (a meta policy governs only what follows it, so it must come before any script).
 */
export function withPolicy(html: string, policy: string): string {
  if (/["<>]/.test(policy)) throw new Error(`not a policy for an attribute: ${policy}`);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  if (META.test(html)) return html.replace(META, meta);
  const charset = /<meta\s+charset="[^"]*"\s*\/?>/i.exec(html);
  if (charset) return html.replace(charset[0], `${charset[0]}\n    ${meta}`);
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('a page without <head>: nowhere to put its Content-Security-Policy');
  return html.replace(head[0], `${head[0]}\n    ${meta}`);
}

/** Script types a browser runs (anything else, like the single file's `application/octet-stream` data, it never executes). */
const RUNS = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** The text of every inline script the browser will run, in order (scripts with `src` are files, allowed by 'self'). */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const [, attributes, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*"([^"]*)"/i.exec(attributes)?.[1].trim().toLowerCase() ?? '';
    if (RUNS.has(type)) scripts.push(text);
  }
  return scripts;
}

/** The text of every inline `<style>` element of a page. */
export const inlineStyles = (html: string): string[] => [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1]);

/**
 * An inline script's or style's CSP hash source: SHA-256 of its text as the browser reads it, UTF-8
 * encoded (the HTML parser turns every CR LF and lone CR into LF before the hash is taken).
 */
export async function inlineHash(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text.replace(/\r\n?/g, '\n'));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `'sha256-${Buffer.from(digest).toString('base64')}'`;
}
