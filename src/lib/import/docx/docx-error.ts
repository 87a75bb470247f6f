/**
 * A .docx the reader cannot take as a whole: not a Word document, or one whose XML is broken. The
 * file is named by whoever reads it (src/lib/import/list-file.ts); a list the parser refuses inside
 * a readable document is named by its table row there instead.
 *
 * `refusal` says why as data, which the page says in Chinese (src/lib/ui/strings.ts); `reason` is
 * the same in English, for the build's report and developers.
 */
export type DocxRefusal =
  /** An OLE compound file: a Word 97–2003 .doc, or a .docx Word encrypted with a password. */
  | { kind: 'old-doc-or-protected' }
  | { kind: 'not-zip' }
  | { kind: 'zip-damaged'; detail: string }
  /** An XML part larger than a duty list's could be, refused before it is inflated. */
  | { kind: 'part-too-large'; part: string; bytes: number; limit: number }
  | { kind: 'no-document-part'; part: string }
  | { kind: 'malformed-xml'; part: string; detail: string }
  | { kind: 'no-body' };

const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

export function docxRefusalInEnglish(refusal: DocxRefusal): string {
  switch (refusal.kind) {
    case 'old-doc-or-protected':
      return 'an old Word .doc file or a password-protected .docx: save it as an unprotected .docx (Word 2007 or later)';
    case 'not-zip':
      return 'not a Word .docx file (it is not a zip archive)';
    case 'zip-damaged':
      return `not a readable .docx: its zip archive is damaged or cut short (${refusal.detail})`;
    case 'part-too-large':
      return `${refusal.part} would expand to ${MB(refusal.bytes)} MB (at most ${MB(refusal.limit)} MB): not a duty list`;
    case 'no-document-part':
      return `a zip archive without ${refusal.part}: not a Word .docx (an .xlsx or .pptx, or a renamed zip?)`;
    case 'malformed-xml':
      return `${refusal.part} is not well-formed XML (${refusal.detail})`;
    case 'no-body':
      return 'word/document.xml has no body: not a Word document';
  }
}

export class DocxError extends Error {
  readonly reason: string;
  constructor(readonly refusal: DocxRefusal) {
    const reason = docxRefusalInEnglish(refusal);
    super(reason);
    this.reason = reason;
    this.name = 'DocxError';
  }
}
