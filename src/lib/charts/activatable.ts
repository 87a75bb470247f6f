import type { RenderFunction } from '@observablehq/plot';

/**
 * Makes an SVG element reachable and operable from the keyboard: focusable, announced as a button with
 * `label`, activated by a click or by Enter / Space.
 */
export function activatable(element: Element, label: string, activate: (event: Event) => void): void {
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'button');
  element.setAttribute('aria-label', label);
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
    g.querySelectorAll('rect').forEach((rect, j) => {
      const datum = data[index[j]];
      if (!datum) return;
      const { label, attributes } = describe(datum);
      activatable(rect, label, () => activate(datum));
      for (const [key, value] of Object.entries(attributes)) rect.setAttribute(`data-${key}`, String(value));
      rect.style.cursor = 'pointer';
    });
    return g;
  };
}
