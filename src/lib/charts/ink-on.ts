import { rgb } from 'd3';

const luminance = (colour: string) => {
  const { r, g, b } = rgb(colour);
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/**
 * Black or white, whichever reads better on `colour` (the larger WCAG contrast ratio): for numbers
 * written inside coloured cells and bars, whatever the scheme's step or the screen's theme.
 */
export function inkOn(colour: string): 'black' | 'white' {
  const l = luminance(colour);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? 'black' : 'white';
}
