/** Splits text into runs that do or do not match any search term, for <mark> rendering as text (no HTML). */
export interface Run {
  text: string;
  hit: boolean;
}

export function highlight(text: string, terms: readonly string[]): Run[] {
  const needles = terms.filter(Boolean);
  if (!needles.length) return [{ text, hit: false }];
  const runs: Run[] = [];
  let i = 0;
  let plain = '';
  while (i < text.length) {
    const needle = needles.find((n) => text.startsWith(n, i));
    if (needle) {
      if (plain) runs.push({ text: plain, hit: false });
      plain = '';
      runs.push({ text: needle, hit: true });
      i += needle.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) runs.push({ text: plain, hit: false });
  return runs;
}

/** A window of `text` around the first hit, so a long step shows where it matched. */
export function excerpt(text: string, terms: readonly string[], radius = 24, before = 8): string {
  const at = Math.min(...terms.map((t) => text.indexOf(t)).filter((i) => i >= 0), Infinity);
  if (!Number.isFinite(at) || text.length <= radius * 3) return text;
  const start = Math.max(0, at - before);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + radius * 3)}${start + radius * 3 < text.length ? '…' : ''}`;
}
