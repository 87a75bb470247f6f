/**
 * Imported by src/main.ts before the app: the stored theme is on <html> before any component renders
 * (see theme-choice.ts for why this is not an inline script).
 */
import { applyTheme, storedTheme } from './theme-choice';

applyTheme(storedTheme());
