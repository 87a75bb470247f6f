import type { ViewFigures } from './types';

/**
 * One view's figures from walks made in several fresh pages: its changes in page order, so the
 * percentiles are over every page's samples. A view cut short in a page keeps that page's reason,
 * numbered, beside the others'. Views in the order of the first walk (the tabs').
 */
export function poolWalks(walks: readonly (readonly ViewFigures[])[]): ViewFigures[] {
  const pooled = new Map<string, ViewFigures>();
  walks.forEach((walk, page) => {
    for (const v of walk) {
      const into = pooled.get(v.view) ?? { view: v.view, changes: [] };
      into.changes = [...into.changes, ...v.changes.map((c) => ({ ...c, page: page + 1 }))];
      if (v.error) {
        const said = walks.length > 1 ? `page ${page + 1}: ${v.error}` : v.error;
        into.error = into.error ? `${into.error}; ${said}` : said;
      }
      pooled.set(v.view, into);
    }
  });
  return [...pooled.values()];
}
