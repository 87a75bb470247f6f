import type { DecodeRefusal, ParseRefusal } from '../parse';
import type { DocxRefusal } from './docx/docx-error';

/**
 * Every reason a list file is refused, as data: the decoder's and the parser's (src/lib/parse), the
 * Word reader's (docx/), and those of the file as a whole and of the import. The import report says
 * each in Chinese (describe-list-problem.ts, with the sentences in src/lib/ui/strings.ts); the build
 * prints the English `reason` the errors carry.
 */
export type FileRefusal =
  /** Neither .docx nor .txt; `extension` as written ('' for none), so an old .doc or a .pdf can be named. */
  | { kind: 'not-a-list-format'; extension: string }
  /** Refused before it is read: larger than any list could be (list-file.ts MAX_TEXT_BYTES). */
  | { kind: 'too-large'; bytes: number; limit: number };

export type ImportRefusal =
  /** A second file of a township already read in this import. */
  | { kind: 'same-township'; first: string; township: string }
  /** Not a refusal but a fault of the reader itself: the import still reports it per file. */
  | { kind: 'unexpected'; detail: string };

export type ListRefusal = DecodeRefusal | ParseRefusal | DocxRefusal | FileRefusal | ImportRefusal;
export type ListRefusalKind = ListRefusal['kind'];

export function fileRefusalInEnglish(refusal: FileRefusal): string {
  switch (refusal.kind) {
    case 'not-a-list-format':
      return 'not a list file: save the list as .docx or .txt';
    case 'too-large':
      return `${(refusal.bytes / 1024 / 1024).toFixed(1)} MB is more than a list's text can be (at most ${refusal.limit / 1024 / 1024} MB)`;
  }
}
