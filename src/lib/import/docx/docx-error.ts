/**
 * A .docx the reader cannot take: not a Word document, or one whose XML is broken. `where` says
 * where in the document when there is a place to name ("table 2, row 15"); the file is named by
 * whoever reads it (src/lib/import/list-file.ts).
 */
export class DocxError extends Error {
  constructor(
    readonly reason: string,
    readonly where: string | null = null,
  ) {
    super(where ? `${where}: ${reason}` : reason);
    this.name = 'DocxError';
  }
}
