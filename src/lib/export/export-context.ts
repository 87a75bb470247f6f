/**
 * How an export menu anywhere below the shell learns the caption (filters in force, source): the
 * shell provides a function reading its current state; a menu calls it when an export is asked.
 * Without a provider (a component rendered on its own) the caption holds the date alone. Nothing
 * here imports the caption's wording: the shell loads it with the first export, not with the page.
 */
import { getContext, setContext } from 'svelte';
import type { TableCaption } from './table';

export type CaptionProvider = () => Promise<TableCaption>;

const KEY = Symbol('export-caption');

export function provideExportCaption(provider: CaptionProvider): void {
  setContext(KEY, provider);
}

async function dateOnly(): Promise<TableCaption> {
  // Through caption-source.ts, the module the shell loads with the first export: importing caption.ts
  // here as well left it statically and dynamically imported, which Vite warned was ineffective.
  const { footerLine } = await import('./caption-source');
  return { filters: '', source: '', footer: footerLine(new Date()) };
}

export function exportCaptionProvider(): CaptionProvider {
  return getContext<CaptionProvider | undefined>(KEY) ?? dateOnly;
}
