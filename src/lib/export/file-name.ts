/**
 * A download's file name from what it shows: the title, cut short (titles are sentences), with the
 * characters Windows refuses replaced, and the date, so a folder of exports sorts by day.
 */
export function exportFileName(title: string, extension: string, date: Date, suffix = ''): string {
  const cleaned = title
    .replace(/[\\/:*?"<>|\r\n\t]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const short = [...cleaned].slice(0, 40).join('').trim() || '导出';
  return `${short}${suffix}-${isoDate(date)}.${extension}`;
}

/** YYYY-MM-DD in the reader's own time zone. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
