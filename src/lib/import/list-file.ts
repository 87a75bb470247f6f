/**
 * One list file, as a user has it, to the parsed document: a text export (.txt, in any encoding
 * decodeListFile reads) or the Word document it was published as (.docx, read into the same text,
 * src/lib/import/docx). No Node and no DOM: the build passes bytes, and so will the browser's import
 * worker.
 *
 * A refusal names the file and where in it: the line of a text file, the table row or paragraph of
 * a Word document.
 */
import {
  decodeListFile,
  DecodeError,
  parseDocument,
  ParseError,
  relocate,
  whereInEnglish,
  type ParsedDocument,
  type Where,
} from '../parse';
import { DocxError } from './docx/docx-error';
import { docxListText } from './docx/list-text';
import { fileRefusalInEnglish, type ListRefusal } from './list-refusal';
import { extensionOf, listFormatOf, type ListFormat } from './list-format';

export { listFormatOf, type ListFormat };

/**
 * A text file this large is not one township's list, and is refused before it is decoded: the bundled
 * lists are 87–126 KB, so 10 MB is eighty times the largest. Reading 50 MB of short lines took the
 * parser 3–16 s and up to 1.5 GB (measured in Node on this machine); 10 MB keeps the worst case to
 * seconds. A Word document is bounded by its XML instead (docx/container.ts MAX_PART_BYTES): its
 * images may make the file large, and are never read.
 */
export const MAX_TEXT_BYTES = 10 * 1024 * 1024;

export class ListFileError extends Error {
  /** In English, for the build's report; `refusal` is the same as data. */
  readonly reason: string;
  /** `at` as the build prints it: a text file's line number, "table 2, row 15" or "paragraph 3" of a Word document; null for the whole file. */
  readonly where: string | null;
  constructor(
    readonly file: string,
    /** Where in the file; null for the whole file. */
    readonly at: Where | null,
    readonly refusal: ListRefusal,
    reason: string,
  ) {
    const where = at === null ? null : 'line' in at ? String(at.line) : whereInEnglish(at);
    super(`${file}${where === null ? '' : `:${where}`}: ${reason}`);
    this.reason = reason;
    this.where = where;
    this.name = 'ListFileError';
  }
}

/**
 * Whether a file is refused whatever its bytes (a format no list is saved as, a text file over
 * MAX_TEXT_BYTES): the import worker then does not read it at all, and passes its size to readListFile.
 */
export function refusedUnread(fileName: string, size: number): boolean {
  const format = listFormatOf(fileName);
  return format === null || (format === 'text' && size > MAX_TEXT_BYTES);
}

/**
 * Parses one list file. Throws a ListFileError for a file the parser or the reader refuses. `size` is
 * the file's size where its bytes were not read (refusedUnread).
 */
export function readListFile(fileName: string, bytes: Uint8Array, size = bytes.length): ParsedDocument {
  const format = listFormatOf(fileName);
  if (format === 'docx') return readDocx(fileName, bytes);
  if (format === null) {
    const refusal = { kind: 'not-a-list-format', extension: extensionOf(fileName) } as const;
    throw new ListFileError(fileName, null, refusal, fileRefusalInEnglish(refusal));
  }
  if (size > MAX_TEXT_BYTES) {
    const refusal = { kind: 'too-large', bytes: size, limit: MAX_TEXT_BYTES } as const;
    throw new ListFileError(fileName, null, refusal, fileRefusalInEnglish(refusal));
  }
  try {
    return parseDocument(decodeListFile(bytes).text, fileName);
  } catch (error) {
    if (error instanceof DecodeError || error instanceof ParseError)
      throw new ListFileError(fileName, { line: error.line }, error.refusal, error.reason);
    throw error;
  }
}

function readDocx(fileName: string, bytes: Uint8Array): ParsedDocument {
  let origins: Where[] = [];
  try {
    const docx = docxListText(bytes);
    origins = docx.origins;
    return parseDocument(docx.text, fileName);
  } catch (error) {
    if (error instanceof DocxError) throw new ListFileError(fileName, null, error.refusal, error.reason);
    if (!(error instanceof ParseError)) throw error;
    // The parser counts lines of the text the document was read into; a reader counts tables and rows.
    const origin = (line: number): Where => origins[line - 1] ?? { line };
    const refusal = relocate(error.refusal, origin);
    throw new ListFileError(fileName, origin(error.line), refusal, new ParseError(fileName, error.line, refusal).reason);
  }
}
