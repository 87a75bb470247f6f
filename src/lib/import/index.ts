export { readListFile, listFormatOf, ListFileError, type ListFormat } from './list-file';
export { docxListText, type DocxText } from './docx/list-text';
