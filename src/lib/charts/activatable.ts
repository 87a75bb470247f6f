import type { RenderFunction } from '@observablehq/plot';

/**
 * A control's accessible name that starts with the text it shows (WCAG 2.5.3, label in name): a
 * reader using speech says what they see ("60%", a cut name "伊宁…"), and the control must answer
 * to it. Checkers match the shown text as whole words, and Chinese has no spaces between words, so
 * the shown text leads, set off by a space, and the label follows whole.
 */
export function nameHoldingText(element: Element, label: string): string {
  return nameHolding(element.textContent ?? '', label);
}

/** `nameHoldingText` for a control whose shown text is known (no DOM to read: a chart of a thousand cells). */
export function nameHolding(shown: string, label: string): string {
  const visible = shown.replace(/\s+/g, ' ').trim();
  return visible && !label.startsWith(`${visible} `) && label !== visible ? `${visible} ${label}` : label;
}

/**
 * Give every labelled group of a Plot chart the role that permits its label: Plot labels the groups
 * of its facets and marks (aria-label="facet"), which on a `g` of no role is a prohibited attribute.
 */
export function labelledGroups<E extends Element>(svg: E): E {
  for (const g of svg.querySelectorAll('g[aria-label]:not([role])')) g.setAttribute('role', 'group');
  return svg;
}

/**
 * Makes an SVG element reachable and operable from the keyboard: focusable, announced as a button with
 * `label`, activated by a click or by Enter / Space.
 */
export function activatable(element: Element, label: string, activate: (event: Event) => void): void {
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'button');
  element.setAttribute('aria-label', nameHoldingText(element, label));
  element.addEventListener('click', activate);
  element.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      activate(event);
    }
  });
}

/**
 * A Plot `render` transform that makes every `rect` of a mark activatable: after Plot draws the mark,
 * the j-th rect is matched to `data[index[j]]`, labelled, given `data-*` attributes with its figures
 * (for e2e tests) and a pointer cursor. `attributes` keys are written as `data-<key>`, in order.
 */
export function activatableRects<T>(
  data: T[],
  describe: (datum: T) => { label: string; attributes: Record<string, string | number> },
  activate: (datum: T) => void,
): RenderFunction {
  return function (index, scales, values, dimensions, context, next) {
    const g = next!(index, scales, values, dimensions, context)!;
    let any = false;
    g.querySelectorAll('rect').forEach((rect, j) => {
      const datum = data[index[j]];
      if (!datum) return;
      const { label, attributes } = describe(datum);
      activatable(rect, label, () => activate(datum));
      for (const [key, value] of Object.entries(attributes)) rect.setAttribute(`data-${key}`, String(value));
      any = true;
    });
    // The pointer cursor on the mark's group, which its rects inherit, not an inline style on each of
    // a county's hundreds of cells.
    if (any) (g as SVGElement).style.cursor = 'pointer';
    return g;
  };
}
