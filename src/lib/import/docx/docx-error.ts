/**
 * A .docx the reader cannot take as a whole: not a Word document, or one whose XML is broken. The
 * file is named by whoever reads it (src/lib/import/list-file.ts); a list the parser refuses inside
 * a readable document is named by its table row there instead.
 */
export class DocxError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DocxError';
  }
}
