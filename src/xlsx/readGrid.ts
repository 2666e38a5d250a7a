/**
 * The cell values of an .xlsx file as a plain grid (every sheet, hidden ones too): what the
 * validation and the merge read. Formula cells give their cached result; rich text (as LibreOffice
 * writes mixed Chinese/Latin strings) gives its plain text.
 */
import ExcelJS from "exceljs";
import { PlanLedgerError } from "../domain/errors";
import type { GridSheet, WorkbookGrid } from "../domain/progress/readLedger";

type Value = string | number | boolean | Date | null;

function plain(value: ExcelJS.CellValue): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && "error" in result) return result.error;
      return result as Value;
    }
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
  }
  return null;
}

/**
 * Reads an .xlsx file's values.
 * @throws PlanLedgerError `not-xlsx` when the bytes are not a readable .xlsx workbook.
 */
export async function readXlsxGrid(bytes: Uint8Array, file: string): Promise<WorkbookGrid> {
  const workbook = new ExcelJS.Workbook();
  try {
    // Node: a Buffer view; the browser (task pane, ExcelJS's browser bundle) has no Buffer: the bytes as they are.
    const data = typeof Buffer === "undefined" ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new PlanLedgerError("not-xlsx", { file, reason: (error as Error).message }, { cause: error });
  }
  const sheets: GridSheet[] = workbook.worksheets.map((ws) => {
    const rows: Value[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values: Value[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        values[col - 1] = plain(cell.value);
      });
      rows[rowNumber - 1] = Array.from(values, (v) => v ?? null);
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
  return { sheets };
}
