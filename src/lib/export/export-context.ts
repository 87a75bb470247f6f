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
  const { footerLine } = await import('./caption');
  return { filters: '', source: '', footer: footerLine(new Date()) };
}

export function exportCaptionProvider(): CaptionProvider {
  return getContext<CaptionProvider | undefined>(KEY) ?? dateOnly;
}
