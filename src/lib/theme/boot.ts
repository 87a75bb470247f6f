/**
 * Imported first by src/main.ts: the stored theme is on <html> before any component renders
 * (see theme-choice.ts for why this is not an inline script).
 */
import { applyTheme, storedTheme } from './theme-choice';

applyTheme(storedTheme());
