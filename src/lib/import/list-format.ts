/**
 * What a list may be saved as, by its file name alone. Its own module because the shell asks it of
 * every file dropped on the page: list-file.ts brings the parser and the Word reader (@xmldom/xmldom),
 * which the first paint does not need and the import worker loads for itself.
 */
export type ListFormat = 'text' | 'docx';

const FORMATS: Record<string, ListFormat> = { '.txt': 'text', '.docx': 'docx' };

/** What a list may be saved as, by extension (any case: Windows writes .TXT and .DOCX too). */
export function listFormatOf(fileName: string): ListFormat | null {
  return FORMATS[extensionOf(fileName)] ?? null;
}

/** '.docx', '.doc', '' for a name without one; lower case. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot).toLowerCase();
}
