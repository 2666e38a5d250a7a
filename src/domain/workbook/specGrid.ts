/** The cell values of a WorkbookSpec as a plain grid: what a reader of a workbook sees. */
import type { WorkbookSpec } from "./spec";

export interface ValueSheet {
  name: string;
  rows: Array<Array<string | number | boolean | null>>;
}

export function valuesOfSpec(spec: WorkbookSpec): { sheets: ValueSheet[] } {
  return {
    sheets: spec.sheets.map((sheet) => ({
      name: sheet.name,
      rows: sheet.rows.map((row) => row.map((cell) => (cell ? cell.value : null))),
    })),
  };
}
