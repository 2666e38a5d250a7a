/**
 * The state of the fake workbook: what Excel would hold after the adapter's requests ran. Plain data,
 * so tests can compare it with the workbook the .xlsx writer produces.
 */
import type { CellValue } from "../../../src/domain/workbook/spec";

export interface FakeFont {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
  name?: string;
}

export interface FakeBorders {
  top?: string;
  bottom?: string;
  left?: string;
  right?: string;
}

export interface FakeCell {
  value: CellValue;
  /** "=…" as written, for formula cells. */
  formula?: string;
  numberFormat: string;
  fill?: string;
  font: FakeFont;
  horizontal?: string;
  vertical?: string;
  wrapText?: boolean;
  borders: FakeBorders;
  locked: boolean;
}

export interface FakeConditionalFormat {
  range: string;
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  stopIfTrue: boolean;
}

export interface FakeValidation {
  range: string;
  rule: Excel.DataValidationRule;
  ignoreBlanks: boolean;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
}

export interface FakeProtection {
  options: Excel.WorksheetProtectionOptions;
  password: string | undefined;
}

export interface FakeSheet {
  id: number;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  /** Cells by "row,column" (0-based). */
  cells: Map<string, FakeCell>;
  merges: Array<{ row: number; column: number; lastRow: number; lastColumn: number }>;
  /** Points, by column. */
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  frozen: { rows: number; columns: number };
  /** In priority order: index 0 is evaluated first. */
  conditionalFormats: FakeConditionalFormat[];
  validations: FakeValidation[];
  protection: FakeProtection | null;
}

export interface FakeState {
  sheets: FakeSheet[];
  activeSheetId: number;
  /** The selected range (A1) on the active sheet, once something selected one. */
  selection?: string;
  names: Map<string, string>;
  settings: Map<string, unknown>;
  properties: { title: string; author: string };
  calculations: string[];
}

export function emptyCell(): FakeCell {
  return { value: null, numberFormat: "General", font: {}, borders: {}, locked: true };
}

export function newSheet(id: number, name: string): FakeSheet {
  return {
    id,
    name,
    visibility: "Visible",
    tabColor: "",
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    rowHeights: new Map(),
    frozen: { rows: 0, columns: 0 },
    conditionalFormats: [],
    validations: [],
    protection: null,
  };
}

export function newState(sheetNames: readonly string[] = ["Sheet1"]): FakeState {
  const sheets = sheetNames.map((name, i) => newSheet(i + 1, name));
  return {
    sheets,
    activeSheetId: sheets[0]?.id ?? 0,
    names: new Map(),
    settings: new Map(),
    properties: { title: "", author: "" },
    calculations: [],
  };
}

export function cellKey(row: number, column: number): string {
  return `${row},${column}`;
}

export function getCell(sheet: FakeSheet, row: number, column: number): FakeCell {
  const key = cellKey(row, column);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = emptyCell();
    sheet.cells.set(key, cell);
  }
  return cell;
}

/** The value a user would get by typing `text` into a General cell (the part of Excel's parsing the adapter meets). */
export function typedValue(input: unknown): { value: CellValue; formula?: string } {
  if (input === null || input === undefined || input === "") return { value: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  if (typeof input !== "string") throw new TypeError(`Invalid cell input: ${JSON.stringify(input)}`);
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith("=")) return { value: null, formula: input };
  const trimmed = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(trimmed)) return { value: Number(trimmed.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  if (/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(trimmed) || /^\d{1,2}月\d{1,2}日$/.test(trimmed)) {
    throw new Error(
      `Fake Excel does not model date typing: "${input}" would become a date in Excel; write it as text ('…) or a number.`,
    );
  }
  return { value: input };
}
