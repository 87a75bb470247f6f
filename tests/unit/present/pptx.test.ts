import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { randomLcg } from 'd3';
import { buildPptx, LABEL_LINE } from '../../../src/lib/present/pptx';
import { buildSlides, type DeckData } from '../../../src/lib/present/findings';
import type { TownshipTotalsRow } from '../../../src/lib/queries/overview';

/** The smallest valid PNG (1×1, white): the deck's picture of a chart that is not a bar chart. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC';

function data(): DeckData {
  const random = randomLcg(3);
  const totals: TownshipTotalsRow[] = Array.from({ length: 6 }, (_, i) => {
    const [basic, coop, reclaimed] = [100 + Math.floor(random() * 50), 90 + Math.floor(random() * 30), 20 + Math.floor(random() * 20)];
    return {
      ...{ place: i + 1, key: `t${i}`, name: `乡镇${i}`, county: 100, prefecture: 10, county_name: '县', prefecture_name: '州' },
      ...{
        basic,
        coop,
        reclaimed,
        total: basic + coop + reclaimed,
        all_lists_total: basic + coop + reclaimed,
        all_lists_reclaimed: reclaimed,
      },
      ...{ coop_items: coop, township_steps: coop },
    };
  });
  return {
    level: 'township',
    totals,
    receivers: [{ kind: '住房和城乡建设局', duties: 12 }],
    reliance: [{ kind: '农业农村局', townships: 6, dutiesLed: 40, townshipSteps: 80 }],
    heatmap: [
      {
        ...{
          dutyGroup: 1,
          name: '对造成公路路面损坏、污染或者影响公路畅通行为的处罚',
          category: '交通运输',
          receivers: [],
          reclaimedIn: 4,
          mixed: true,
        },
        ...{ cells: [], shown: { reclaimed: 4, coop: 0, basic: 2, townships: 6 } },
      },
    ],
  };
}

function read(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const slides = Object.keys(files)
    .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const xml = (name: string) => new DOMParser().parseFromString(strFromU8(files[name]), 'text/xml');
  const title = (name: string) => {
    const sp = [...xml(name).getElementsByTagName('p:sp')].find((s) =>
      [...s.getElementsByTagName('p:ph')].some((ph) => ph.getAttribute('type') === 'title'),
    );
    return sp ? [...sp.getElementsByTagName('a:t')].map((t) => t.textContent).join('') : null;
  };
  return { files, slides, titles: slides.map(title), charts: Object.keys(files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)) };
}

describe('the PowerPoint deck', () => {
  it('has a slide per finding titled with its headline, native charts for bars, a picture for the rest, the source on each', async () => {
    const slides = buildSlides(data());
    const source = '来源：测试 6 个乡镇';
    let pictures = 0;
    const bytes = await buildPptx(slides, { source, rasterise: async () => (pictures++, { data: PNG, width: 1, height: 1 }) });
    const deck = read(bytes);
    expect(deck.slides).toHaveLength(slides.length);
    expect(deck.titles).toEqual(slides.map((s) => s.headline));
    const bars = slides.filter((s) => s.chart?.type === 'bar');
    expect(deck.charts).toHaveLength(bars.length);
    expect(pictures).toBe(slides.filter((s) => s.chart && s.chart.type !== 'bar').length);
    for (const name of deck.slides) expect(strFromU8(deck.files[name])).toContain(source);
    // Every bar chart's categories (a long duty name's first line) and values are in a chart part;
    // the slide's notes keep a long name whole.
    const parts = deck.charts.map((c) => strFromU8(deck.files[c]));
    const notes = Object.keys(deck.files)
      .filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f))
      .map((f) => strFromU8(deck.files[f]));
    for (const s of bars) {
      if (s.chart?.type !== 'bar') continue;
      const chart = s.chart;
      expect(parts.some((xml) => chart.categories.every((c) => xml.includes([...c].slice(0, LABEL_LINE).join(''))))).toBe(true);
      for (const c of chart.categories) if ([...c].length > LABEL_LINE) expect(notes.some((xml) => xml.includes(c))).toBe(true);
      expect(parts.some((xml) => chart.series[0].values.every((v) => xml.includes(`<c:v>${v}</c:v>`)))).toBe(true);
    }
  });
});
