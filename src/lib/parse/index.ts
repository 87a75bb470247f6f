export * from './types';
export { parseDocument } from './document';
export { LIST_NAMES } from './row';
export { parseCellSteps, decodeEntities } from './cell-steps';
export { decodeListFile, DecodeError } from './decode';
export { checkStatedCounts } from './check-stated';
export { cleanText } from './text';
export type { DecodeRefusal, ParseRefusal, StatedMismatch } from './refusal';
export { whereInEnglish, relocate, type Where } from './where';
