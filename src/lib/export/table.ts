/**
 * A table as the exports write it: the same rows the view shows, in the same order, with the
 * headers the reader sees. Numbers stay numbers (a spreadsheet sums them); a share is a fraction
 * written as a percentage (12.3% in CSV, a 0.0% cell in XLSX).
 */
export type TableCell = string | number | null;

export interface TableColumn {
  header: string;
  /** How a number is shown: as it is (default) or as a percentage of 1. */
  format?: 'number' | 'percent';
  /** Column width in characters for XLSX (a CJK character counts two); estimated from the cells when absent. */
  width?: number;
  /**
   * How the chart's text description reads the column (src/lib/describe): `label` names the rows (the
   * first text column otherwise), `status` is one of a matrix's cells counted by their words.
   */
  describeAs?: 'label' | 'status';
}

export interface ExportTable {
  /** What the table shows, as its heading on screen states it: the XLSX's first row and the file's name. */
  title: string;
  columns: TableColumn[];
  rows: TableCell[][];
}

/** The lines that say what the table was drawn from: filters in force and the source (see caption.ts). */
export interface TableCaption {
  filters: string;
  source: string;
  footer: string;
}
