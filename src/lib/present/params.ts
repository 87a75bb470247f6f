import { FINDING_IDS, type FindingId, type Slide } from './types';
import { withParam } from '../state/view-params';

/**
 * 演示模式's state in the URL (absent = default):
 *   pr.slide  1…n              presenting, at that slide of the kept ones (absent: the setup page)
 *   pr.skip   lists,township…  findings left out of the deck (default: none)
 *   pr.town   a township key   the township the comparison slide is about (default: the one with most items)
 */
export interface PresentParams {
  slide: number | null;
  skip: FindingId[];
  town: string | null;
}

const isFinding = (v: string): v is FindingId => (FINDING_IDS as readonly string[]).includes(v);

export function readPresentParams(params: Record<string, string>): PresentParams {
  const slide = Number(params['pr.slide']);
  return {
    slide: Number.isInteger(slide) && slide > 0 ? slide : null,
    skip: (params['pr.skip'] ?? '').split(',').filter(isFinding),
    town: params['pr.town'] || null,
  };
}

export function withPresentParams(params: Record<string, string>, changes: Partial<PresentParams>): Record<string, string> {
  let next = params;
  if ('slide' in changes) next = withParam(next, 'pr.slide', changes.slide ? String(changes.slide) : null);
  if ('skip' in changes) {
    const skip = FINDING_IDS.filter((id) => changes.skip?.includes(id));
    next = withParam(next, 'pr.skip', skip.length ? skip.join(',') : null);
  }
  if ('town' in changes) next = withParam(next, 'pr.town', changes.town ?? null);
  return next;
}

/** The slides the presenter kept, in the deck's order. */
export const keptSlides = (slides: readonly Slide[], skip: readonly FindingId[]) => slides.filter((s) => !skip.includes(s.id));

/** A slide number within 1…count (the URL may name one past the end after slides were dropped). */
export const clampSlide = (slide: number, count: number) => Math.min(Math.max(1, slide), Math.max(1, count));
