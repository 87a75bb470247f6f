import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, type AppState } from '../../../src/lib/state/url-codec';
import { NO_FILTERS } from '../../../src/lib/state/filters';

const base: AppState = { view: 'overview', filters: NO_FILTERS, query: '', item: null, params: {} };

describe('url codec', () => {
  it('encodes the default state as an empty query string', () => {
    expect(encodeState(base)).toBe('');
    expect(decodeState('')).toEqual(base);
  });

  it('round-trips every part of the state, Chinese included', () => {
    const state: AppState = {
      view: 'explorer',
      filters: {
        scope: '6523',
        townships: ['650422104', 'x0k2a9f3m7qz'], // an official code, and an id derived from names (township-id.ts)
        lists: ['reclaimed'],
        categories: ['党的建设'],
        departmentKinds: ['农业农村局'],
      },
      query: '公路 处罚&x=1',
      item: 812,
      params: { 'net.merge': '0', measure: 'share' },
    };
    const search = encodeState(state);
    expect(search).toMatch(/^\?view=explorer&p=6523&t=650422104&t=x0k2a9f3m7qz&l=reclaimed/);
    expect(decodeState(search)).toEqual(state);
  });

  it('ignores unknown views, lists and malformed items', () => {
    const s = decodeState('?view=nope&l=basic&l=other&item=abc&t=');
    expect(s.view).toBe('overview');
    expect(s.filters.lists).toEqual(['basic']);
    expect(s.filters.townships).toEqual([]);
    expect(s.item).toBeNull();
  });

  it('drops duplicate filter values', () => {
    expect(decodeState('?t=a&t=a').filters.townships).toEqual(['a']);
  });

  it('does not let a view param shadow the shared state', () => {
    const search = encodeState({ ...base, params: { view: 'network', t: 'x', 'heat.sort': 'n' } });
    expect(search).toBe('?heat.sort=n');
  });
});
