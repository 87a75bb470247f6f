import { describe, expect, it } from 'vitest';
import { edgeParam, parseEdgeParam, sameEdge, type EdgeId } from '../../../src/lib/network-edge/edge-id';

describe('net.edge: an edge of 部门网络 in the URL', () => {
  it('reads back what it wrote, whatever the unit key holds', () => {
    const edges: EdgeId[] = [
      { role: 'lead', department: '农业农村局', unit: '652325103' },
      { role: 'receiver', department: '奇台县农业农村局', unit: '6523' },
      // A key built from names, as for a county the place table does not know.
      { role: 'lead', department: '住房和城乡建设局', unit: '昌吉回族自治州/某|县' },
    ];
    for (const edge of edges) {
      const back = parseEdgeParam(edgeParam(edge));
      expect(back).toEqual(edge);
      expect(sameEdge(back, edge)).toBe(true);
    }
  });

  it('refuses what no edge could have written', () => {
    for (const value of [undefined, '', 'lead', 'lead|652325103', 'chief|652325103|农业农村局', 'lead||农业农村局', 'lead|652325103|'])
      expect(parseEdgeParam(value), String(value)).toBeNull();
  });
});
