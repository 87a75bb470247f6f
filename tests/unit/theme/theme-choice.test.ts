import { describe, expect, it } from 'vitest';
import { applyTheme, storedTheme, storeTheme, THEME_STORAGE_KEY } from '../../../src/lib/theme/theme-choice';

/** A Storage stand-in: a map, or one that throws as a locked-down browser's does. */
function memory(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}
const refusing = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('theme choice', () => {
  it('reads a stored 浅色 or 深色, and 跟随系统 when nothing, something else or no storage is there', () => {
    expect(storedTheme(memory({ [THEME_STORAGE_KEY]: 'dark' }))).toBe('dark');
    expect(storedTheme(memory({ [THEME_STORAGE_KEY]: 'light' }))).toBe('light');
    expect(storedTheme(memory())).toBe('system');
    expect(storedTheme(memory({ [THEME_STORAGE_KEY]: 'sepia' }))).toBe('system');
    expect(storedTheme(refusing)).toBe('system');
    expect(storedTheme(null)).toBe('system');
  });

  it('stores a pinned theme and forgets it for 跟随系统; a refusing storage is not an error', () => {
    const storage = memory();
    storeTheme('dark', storage);
    expect(storage.values.get(THEME_STORAGE_KEY)).toBe('dark');
    storeTheme('system', storage);
    expect(storage.values.has(THEME_STORAGE_KEY)).toBe(false);
    expect(() => storeTheme('light', refusing)).not.toThrow();
  });

  it('pins <html> with data-theme, and removes it to follow the system', () => {
    const root = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
    applyTheme('dark', root);
    expect(root.dataset.theme).toBe('dark');
    applyTheme('system', root);
    expect(root.dataset.theme).toBeUndefined();
  });
});
