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
