/**
 * One list file, as a user has it, to the parsed document: a text export (.txt, in any encoding
 * decodeListFile reads) or the Word document it was published as (.docx, read into the same text,
 * src/lib/import/docx). No Node and no DOM: the build passes bytes, and so will the browser's import
 * worker.
 *
 * A refusal names the file and where in it: the line of a text file, the table row or paragraph of
 * a Word document.
 */
import { decodeListFile, DecodeError, parseDocument, ParseError, type ParsedDocument } from '../parse';
import { DocxError } from './docx/docx-error';
import { docxListText } from './docx/list-text';

export type ListFormat = 'text' | 'docx';

const FORMATS: Record<string, ListFormat> = { '.txt': 'text', '.docx': 'docx' };

/** What a list may be saved as, by extension (any case: Windows writes .TXT and .DOCX too). */
export function listFormatOf(fileName: string): ListFormat | null {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? null : (FORMATS[fileName.slice(dot).toLowerCase()] ?? null);
}

export class ListFileError extends Error {
  constructor(
    readonly file: string,
    /** The line number of a text file; "table 2, row 15" or "paragraph 3" of a Word document; null for the whole file. */
    readonly where: string | null,
    readonly reason: string,
  ) {
    super(`${file}${where === null ? '' : `:${where}`}: ${reason}`);
    this.name = 'ListFileError';
  }
}

/** Parses one list file. Throws a ListFileError for a file the parser or the reader refuses. */
export function readListFile(fileName: string, bytes: Uint8Array): ParsedDocument {
  const format = listFormatOf(fileName);
  if (format === 'docx') return readDocx(fileName, bytes);
  if (format === null) throw new ListFileError(fileName, null, 'not a list file: save the list as .docx or .txt');
  try {
    return parseDocument(decodeListFile(bytes).text, fileName);
  } catch (error) {
    if (error instanceof DecodeError || error instanceof ParseError) throw new ListFileError(fileName, String(error.line), error.reason);
    throw error;
  }
}

function readDocx(fileName: string, bytes: Uint8Array): ParsedDocument {
  let origins: string[] = [];
  try {
    const docx = docxListText(bytes);
    origins = docx.origins;
    return parseDocument(docx.text, fileName);
  } catch (error) {
    if (error instanceof DocxError) throw new ListFileError(fileName, null, error.reason);
    if (!(error instanceof ParseError)) throw error;
    // The parser counts lines of the text the document was read into; a reader counts tables and rows.
    const origin = (line: number) => origins[line - 1] ?? `line ${line}`;
    const reason = error.reason.replace(/\bline (\d+)/g, (_, line: string) => origin(Number(line)));
    throw new ListFileError(fileName, origin(error.line), reason);
  }
}
