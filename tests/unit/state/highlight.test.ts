import { describe, expect, it } from 'vitest';
import { excerpt, highlight } from '../../../src/views/explorer/highlight';

describe('search highlighting (text runs, never HTML)', () => {
  it('marks every occurrence of every term', () => {
    expect(highlight('对违法行为的处罚，处罚决定', ['处罚', '违法'])).toEqual([
      { text: '对', hit: false },
      { text: '违法', hit: true },
      { text: '行为的', hit: false },
      { text: '处罚', hit: true },
      { text: '，', hit: false },
      { text: '处罚', hit: true },
      { text: '决定', hit: false },
    ]);
  });
  it('keeps markup-looking text as plain text', () => {
    expect(highlight('<b>乡<镇>村</b>', ['镇'])).toEqual([
      { text: '<b>乡<', hit: false },
      { text: '镇', hit: true },
      { text: '>村</b>', hit: false },
    ]);
  });
  it('shows a long step from just before its first hit', () => {
    const text = '一'.repeat(100) + '网格' + '二'.repeat(100);
    const cut = excerpt(text, ['网格']);
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.indexOf('网格')).toBeLessThan(12);
  });
});
