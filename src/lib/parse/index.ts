export * from './types';
export { parseDocument, LIST_NAMES } from './document';
export { parseCellSteps, decodeEntities } from './cell-steps';
export { decodeListFile, DecodeError } from './decode';
export { checkStatedCounts } from './check-stated';
export { cleanText } from './text';
