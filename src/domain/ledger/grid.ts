/** A small helper to fill a sheet's dense `rows` cell by cell, plus the style catalogue of the ledger. */
import type { CellSpec, CellValue, SheetSpec, StyleSpec } from "../workbook/spec";
import type { BuildContext } from "./context";

export class Grid {
  readonly rows: Array<Array<CellSpec | null>> = [];

  set(row: number, column: number, value: CellValue, style?: string, formula?: string): void {
    while (this.rows.length <= row) this.rows.push([]);
    const cells = this.rows[row]!;
    while (cells.length < column) cells.push(null);
    const cell: CellSpec = { value };
    if (formula !== undefined) cell.formula = formula;
    if (style !== undefined) cell.style = style;
    cells[column] = cell;
  }

  /** Several constants in a row from `column` on, all in one style. */
  line(row: number, column: number, values: readonly CellValue[], style?: string): void {
    values.forEach((v, i) => this.set(row, column + i, v, style));
  }
}

/** Colours: Excel's own "good / neutral / bad" cell styles, which people already read as traffic lights. */
export const COLOURS = {
  redFill: "FFC7CE",
  redFont: "9C0006",
  yellowFill: "FFEB9C",
  yellowFont: "9C5700",
  greenFill: "C6EFCE",
  greenFont: "006100",
  inputFill: "FFF9DB",
  headerFill: "DDEBF7",
  border: "BFBFBF",
} as const;

const border = COLOURS.border;
const top = { vertical: "top" } as const;

/** Every style the ledger uses; sheet builders refer to them by key. */
export const LEDGER_STYLES: Record<string, StyleSpec> = {
  title: { font: { bold: true, size: 14 } },
  heading: { font: { bold: true, size: 12 } },
  label: { font: { bold: true } },
  labelValue: { font: { bold: true }, alignment: { horizontal: "left" } },
  note: { font: { color: "595959" }, alignment: { wrapText: true, vertical: "top" } },
  header: {
    font: { bold: true },
    fill: COLOURS.headerFill,
    border,
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  },
  // Plan text is typed "@" so that a task beginning with "=" stays text in every renderer.
  text: { numberFormat: "@", border, alignment: { ...top, wrapText: true } },
  textCenter: { numberFormat: "@", border, alignment: { horizontal: "center", vertical: "top" } },
  number: { numberFormat: "General", border, alignment: top },
  date: { numberFormat: "yyyy-mm-dd", border, alignment: { horizontal: "center", vertical: "top" } },
  percent: { numberFormat: "0.0%", border, alignment: top },
  status: { font: { bold: true }, border, alignment: { horizontal: "center", vertical: "top" } },
  input: { locked: false, fill: COLOURS.inputFill, border, numberFormat: "General", alignment: top },
  inputText: {
    locked: false,
    fill: COLOURS.inputFill,
    border,
    numberFormat: "@",
    alignment: { ...top, wrapText: true },
  },
  legendRed: { fill: COLOURS.redFill, font: { color: COLOURS.redFont }, border },
  legendYellow: { fill: COLOURS.yellowFill, font: { color: COLOURS.yellowFont }, border },
  legendGreen: { fill: COLOURS.greenFill, font: { color: COLOURS.greenFont }, border },
  legendInput: { fill: COLOURS.inputFill, border },
  cellNumber: { border, alignment: { horizontal: "center" } },
  cellPercent: { border, numberFormat: "0.0%", alignment: { horizontal: "center" } },
  cellText: { border, numberFormat: "@" },
  // Formula cells never use "@": Excel stores a formula entered into a Text-formatted cell as text.
  formulaText: { border, alignment: { ...top, wrapText: true } },
  cellFormulaText: { border },
  cellTotal: { border, font: { bold: true }, alignment: { horizontal: "center" } },
  cellTotalPercent: { border, font: { bold: true }, numberFormat: "0.0%", alignment: { horizontal: "center" } },
  cellTotalText: { border, font: { bold: true } },
};

/** Days since 1899-12-30, Excel's date serial (1900 system), for an ISO date. */
export function dateSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30);
  return Math.round(ms / 86400000);
}

/** Every sheet's protection: locked cells stay locked, columns may be widened, filters used; no sort. */
export function protection(ctx: BuildContext): SheetSpec["protection"] {
  const p: NonNullable<SheetSpec["protection"]> = {
    allowFormatColumns: true,
    allowFormatRows: true,
    allowSort: false,
    allowAutoFilter: true,
  };
  if (ctx.options.password) p.password = ctx.options.password;
  return p;
}
