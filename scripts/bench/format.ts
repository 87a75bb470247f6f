/** Number formats of the benchmark's tables: decimal units (1 KB = 1,000 bytes), as the targets are written. */

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 6_000_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  if (ms >= 100_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  if (bytes >= 1e9) return `${(bytes / 1e9).toPrecision(3)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${Math.round(bytes)} B`;
}

export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;
}

export const formatFps = (fps: number) => (Number.isFinite(fps) ? `${fps.toFixed(fps < 10 ? 1 : 0)} fps` : '–');

export const formatCount = (n: number) => n.toLocaleString('en-US');

/** A target's verdict: met, or missed (in bold, so a reader scanning the table finds it). */
export const verdict = (ok: boolean) => (ok ? '✓' : '✗ **miss**');

/** A Markdown table; cells must not contain `|` (it is escaped). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rule = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
}

/** Columns a string takes in a terminal: CJK characters take two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return width;
}

/** A plain-text table for the terminal: columns padded, figures right-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (i: number) => Math.max(...[header, ...rows].map((r) => displayWidth(r[i] ?? '')));
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(width(i) - displayWidth(s));
    return /^[\d.,–×%<>≤≥ ]+(ms|s|KB|MB|GB|fps|×)?$/.test(s) ? gap + s : s + gap;
  };
  return [header, header.map((_, i) => '-'.repeat(width(i))), ...rows].map((r) => r.map(pad).join('  ').trimEnd()).join('\n');
}
