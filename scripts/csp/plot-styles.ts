/**
 * The `<style>` elements Observable Plot writes into the charts it draws (one in every plot, one in a
 * colour ramp's legend), read from the installed Plot by drawing with it, so the policy allows exactly
 * these texts by hash and follows Plot when it is upgraded. Build time only: jsdom stands in for the page.
 */
import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';

export function plotStyleTexts(): string[] {
  const { document } = new JSDOM('').window;
  const chart = Plot.plot({ document, marks: [] });
  // A discrete ramp: the same style element as a continuous one, drawn without a canvas (which jsdom lacks).
  // Plot's typings omit legend's `document` option, which it reads as plot's does.
  const legendOptions = { document, color: { type: 'threshold', domain: [0.5] } };
  const ramp = Plot.legend(legendOptions as unknown as Plot.LegendOptions & Plot.ScaleOptions);
  const texts = [chart, ramp].flatMap((node) => [...node.querySelectorAll('style')].map((style) => style.textContent ?? ''));
  if (texts.length !== 2) throw new Error(`Plot drew ${texts.length} style elements, not the 2 the policy allows: see scripts/csp/`);
  return texts;
}
