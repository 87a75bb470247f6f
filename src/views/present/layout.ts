/**
 * The slide's logical size: every slide is laid out at 1280×720 CSS pixels (a projector's size) and
 * scaled as a whole to the screen, so 1920×1080 shows the same slide 1.5× larger, never reflowed.
 */
export const SLIDE = { width: 1280, height: 720 } as const;

/** The chart's box on a slide: the width inside the margins, the height left under two lines of headline. */
export const CHART_SIZE = { width: 1180, height: 440 } as const;

/** The scale that fits a slide into a `width`×`height` screen, letterboxed. */
export const fitScale = (width: number, height: number) => Math.min(width / SLIDE.width, height / SLIDE.height);
