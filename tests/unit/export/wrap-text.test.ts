import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../src/lib/export/wrap-text';
import { exportFileName } from '../../../src/lib/export/file-name';

/** CJK 1 em, everything else half: close enough to the real fonts for where breaks fall. */
const measure = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 10 : 5), 0);

describe('wrapping caption text', () => {
  it('keeps every character, in order, within the width', () => {
    const text = '来源：乡镇履职事项清单 — 吉布库镇（奇台县，2025年7月发布）、凉州户镇（玛纳斯县，未注明发布时间）';
    const lines = wrapText(text, 120, measure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(120 + 10);
  });

  it('never breaks inside a number and never starts a line with closing punctuation', () => {
    const lines = wrapText('共一千二百三十七项即1,237项，其中2025-07发布，余下未注明。', 70, measure);
    expect(lines.some((l) => l.includes('1,237'))).toBe(true);
    expect(lines.some((l) => l.includes('2025-07'))).toBe(true);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[，。、）]/);
  });

  it('leaves a line that fits as it is', () => {
    expect(wrapText('六工镇', 100, measure)).toEqual(['六工镇']);
    expect(wrapText('', 100, measure)).toEqual([]);
  });
});

describe('export file names', () => {
  it('are the title cut short, without characters Windows refuses, with the date', () => {
    const name = exportFileName('六工镇的基本事项最多（245 项）: a/b\\c*?"<>|' + '长'.repeat(60), 'png', new Date(2026, 0, 5), '@2x');
    expect(name).toMatch(/^六工镇的基本事项最多（245 项） a b c 长+@2x-2026-01-05\.png$/);
    expect([...name.split('@')[0]].length).toBeLessThanOrEqual(40);
  });
});
