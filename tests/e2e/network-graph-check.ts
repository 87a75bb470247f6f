import type { Page } from 'playwright-core';

/**
 * What a reader would see overlap in the network graph, measured in the browser with the real fonts:
 * labels over other nodes or each other or the legend, nodes under the legend or against the frame;
 * and the heights the graph, the side column and the page take.
 */
export function measureGraph(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid=network-graph] svg')!;
    const frame = svg.getBoundingClientRect();
    const legend = svg.querySelector('g.legend rect')!.getBoundingClientRect();
    const circles = [...svg.querySelectorAll('g.node')].map((g) => {
      const r = g.querySelector('circle, rect')!.getBoundingClientRect();
      return { id: g.getAttribute('data-id')!, cx: r.x + r.width / 2, cy: r.y + r.height / 2, r: r.width / 2, box: r };
    });
    const labels = [...svg.querySelectorAll<SVGTextElement>('g.labels text')]
      .filter((t) => t.getAttribute('visibility') === 'visible')
      .map((t) => ({ id: t.getAttribute('data-id')!, text: t.textContent!, box: t.getBoundingClientRect() }));
    const hit = (b: DOMRect, c: { cx: number; cy: number; r: number }) => {
      const x = Math.max(b.left, Math.min(c.cx, b.right));
      const y = Math.max(b.top + 2, Math.min(c.cy, b.bottom - 2)); // a text box has some leading
      return (c.cx - x) ** 2 + (c.cy - y) ** 2 < (c.r - 0.5) ** 2;
    };
    const cross = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 3 && b.top < a.bottom - 3;
    const problems: string[] = [];
    for (const l of labels) {
      for (const c of circles) if (c.id !== l.id && hit(l.box, c)) problems.push(`label ${l.text} covers node ${c.id}`);
      for (const m of labels) if (m.id < l.id && cross(l.box, m.box)) problems.push(`labels ${l.text} / ${m.text} overlap`);
      if (cross(l.box, legend)) problems.push(`label ${l.text} under the legend`);
    }
    for (const c of circles) {
      if (cross(c.box, legend)) problems.push(`node ${c.id} under the legend`);
      if (c.box.left - frame.left < 8 || frame.right - c.box.right < 8 || c.box.top - frame.top < 8 || frame.bottom - c.box.bottom < 8)
        problems.push(`node ${c.id} touches the frame`);
    }
    const side = document.querySelector('aside.side')!.getBoundingClientRect();
    return { problems, graphHeight: frame.height, sideHeight: side.height, scroll: document.documentElement.scrollHeight };
  });
}
