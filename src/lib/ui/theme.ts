import type { ListKind } from '../parse/types';

/**
 * One colour per list, the same in every view. Okabe–Ito hues: distinguishable with the common
 * colour-vision deficiencies and in greyscale (light, mid, dark).
 */
export const LIST_COLOURS: Record<ListKind, string> = {
  basic: '#0072B2', // blue
  coop: '#E69F00', // orange
  reclaimed: '#CC79A7', // reddish purple
};

/**
 * Colour for "not listed in this township" in heatmaps: a CSS variable (src/app.css, #EEEEEE on light),
 * so it follows the theme on screen; exports copy its computed, light, value.
 */
export const ABSENT_COLOUR = 'var(--absent)';

export const LIST_ORDER: readonly ListKind[] = ['basic', 'coop', 'reclaimed'];

/** System CJK fonts first (Noto CJK on Debian, PingFang / YaHei elsewhere); nothing is fetched. */
export const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/**
 * The ink of the （导入） mark and the dashed outline of a township whose list a reader added in the
 * page: a dark amber, apart from the list colours and the accent, that reads on white (5.9:1) and
 * survives a pasted greyscale screenshot as darker text. The filter bar's chips use the same.
 * A CSS variable (src/app.css: #8a5a00 on light, a light amber on dark), usable as an SVG fill too.
 */
export const IMPORTED_COLOUR = 'var(--imported)';
