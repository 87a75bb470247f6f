import type { ListReport } from './add-lists';

/**
 * A file that reads, would be applied: it was not refused, and the list it replaces is not one the
 * reader keeps. Its own module because the shell asks it of every preview: add-lists.ts brings the
 * list reader, and with it @xmldom/xmldom, whose evaluation cost the first chart ~25 ms of the main
 * thread although the shell never reads a list (the import worker does).
 */
export const applicable = (report: ListReport): boolean => report.problems.length === 0 && !report.kept;
