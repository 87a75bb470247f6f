import type { Component } from 'svelte';
import type { ViewId } from '../lib/ui/strings';
import type { ViewProps } from './types';
import type ExplorerViewType from './ExplorerView.svelte';
import type ReviewViewType from './review/ReviewView.svelte';

/**
 * Each view is its own chunk, loaded when first shown: the first paint parses only its view's code
 * (事项类别 brings Observable Plot, 部门网络 d3-force). The boot (src/boot.ts) asks for the view the
 * URL opens before the shell has mounted, so its code downloads beside the data; the shell's own
 * request for it then finds it loading. Every view but the explorer takes exactly the ViewProps; the
 * explorer also gets the search and the open item, the review its decisions.
 */
export type ChartView = Exclude<ViewId, 'explorer' | 'review'>;

export const CHART_VIEW_MODULES: Record<ChartView, () => Promise<{ default: Component<ViewProps> }>> = {
  overview: () => import('./OverviewView.svelte'),
  categories: () => import('./CategoriesView.svelte'),
  network: () => import('./NetworkView.svelte'),
  heatmap: () => import('./HeatmapView.svelte'),
  variance: () => import('./variance/VarianceView.svelte'),
  compare: () => import('./compare/CompareView.svelte'),
  audit: () => import('./audit/AuditView.svelte'),
  present: () => import('./present/PresentView.svelte'),
};

export const loadExplorer = (): Promise<{ default: typeof ExplorerViewType }> => import('./ExplorerView.svelte');
export const loadReview = (): Promise<{ default: typeof ReviewViewType }> => import('./review/ReviewView.svelte');

/** Starts loading `view`'s code (a failure is the shell's to report, when it asks for the view). */
export function preloadView(view: ViewId): void {
  const loading = view === 'explorer' ? loadExplorer() : view === 'review' ? loadReview() : CHART_VIEW_MODULES[view]();
  loading.catch(() => {});
}
