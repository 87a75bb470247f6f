// jsdom ships no types, and the project does not install @types/jsdom for the one use here
// (plot-styles.ts): the part of its API that module reads.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: { document: Document };
  }
}
