import type * as Plot from '@observablehq/plot';

/**
 * Plot reads a constant `fill: 'var(--absent)'` as the name of a field, not as a colour. A mark that
 * must follow the theme is given `currentColor` and this render transform, which sets the colour of
 * the mark's group to a CSS variable (src/app.css): the mark's elements then paint in that variable.
 */
export function colouredBy(variable: `--${string}`): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next!(index, scales, values, dimensions, context);
    // Through the CSSOM: a style attribute is refused by the page's Content-Security-Policy.
    if (g) (g as SVGElement).style.setProperty('color', `var(${variable})`);
    return g;
  };
}
