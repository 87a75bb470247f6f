/**
 * The reader's colour theme: 浅色, 深色 or 跟随系统 (the default). It is the reader's, not the view's,
 * so it is kept in localStorage, never in the URL: a shared link opens in the receiver's own theme.
 *
 * How it reaches the page: src/app.css gives every colour variable both values with CSS
 * `light-dark()`, chosen by the root's `color-scheme`; `light dark` follows `prefers-color-scheme`
 * with no script at all. A stored choice pins it through `data-theme` on <html>, set here from the
 * module script before the app mounts. No inline script in index.html: it would break a future
 * Content-Security-Policy of `script-src 'self'`, and the app shows nothing before its module runs
 * anyway (index.html's body holds only a <noscript>), so there is no flash of the other theme to hide.
 */
export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];

/** The localStorage key. */
export const THEME_STORAGE_KEY = 'duty-atlas.theme';

const isChoice = (value: unknown): value is ThemeChoice => THEME_CHOICES.includes(value as ThemeChoice);

/** The stored choice; 'system' when none is stored or storage is unavailable (a locked-down browser, a file:// page). */
export function storedTheme(storage: Pick<Storage, 'getItem'> | null = safeStorage()): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_STORAGE_KEY);
    return isChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Keeps the choice ('system' removes the key, so a later change of the default would reach this reader). */
export function storeTheme(choice: ThemeChoice, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = safeStorage()): void {
  try {
    if (choice === 'system') storage?.removeItem(THEME_STORAGE_KEY);
    else storage?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage full or refused: the choice holds for this page only.
  }
}

/** Pins the page to a theme (`data-theme`), or lets it follow the system ('system': no attribute). */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
