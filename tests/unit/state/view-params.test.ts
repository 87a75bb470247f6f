import { describe, expect, it } from 'vitest';
import { withParam } from '../../../src/lib/state/view-params';

describe('withParam', () => {
  it('sets a key and keeps the others', () => {
    expect(withParam({ 'net.merge': '0' }, 'heat.group', 'receiver')).toEqual({ 'net.merge': '0', 'heat.group': 'receiver' });
  });

  it('replaces a key that is already set', () => {
    expect(withParam({ 'cat.measure': 'share', 'net.recv': '1' }, 'cat.measure', 'count')).toEqual({
      'net.recv': '1',
      'cat.measure': 'count',
    });
  });

  it('drops the key for null (the default) and leaves the input alone', () => {
    const params = { 'net.sel': '农业农村局', 'net.merge': '0' };
    expect(withParam(params, 'net.sel', null)).toEqual({ 'net.merge': '0' });
    expect(params).toEqual({ 'net.sel': '农业农村局', 'net.merge': '0' });
  });
});
