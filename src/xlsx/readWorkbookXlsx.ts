/**
 * Reads an .xlsx back into a WorkbookSpec-shaped description, deterministically, so tests (and the
 * add-in's fake-Excel tests) can compare a file with the spec it was written from.
 *
 * What the read-back normalises, knowingly:
 * - styles get keys "s1", "s2" … in order of first use (row by row, sheet by sheet); compare the
 *   resolved StyleSpec, not keys (see excelStyles.normalStyle); cells in the default style have none;
 * - cells covered by a merge (not its top-left) read as `null`;
 * - dates read as Excel serial numbers (ExcelJS turns date-formatted numbers into Date objects);
 * - rich text (LibreOffice saves mixed Chinese/Latin text so) reads as its plain text;
 * - validations come back one per rectangular range, sorted by their top-left cell;
 * - column widths are rounded to 2 places;
 * - a formula cell's cached empty string and a missing cached value both read as "";
 * - a protection password cannot be read back (only its hash is stored): it reads as "********".
 */
import ExcelJS from "exceljs";
import { cellAddress, findCell } from "../domain/workbook/address";
import type {
  CellSpec,
  CellValue,
  ConditionalFormatSpec,
  PrintSpec,
  ProtectionSpec,
  SheetSpec,
  SheetState,
  StyleSpec,
  ValidationSpec,
  WorkbookSpec,
} from "../domain/workbook/spec";
import { fromExcelStyle, fromHighlightStyle, hexOf } from "./excelStyles";
import { readPackageFacts, type PackageFacts } from "./xlsxPackage";

export const UNKNOWN_PASSWORD = "********";

/** Worksheet members ExcelJS has but does not declare in its typings. */
export interface WorksheetExtras {
  dataValidations: {
    model: Record<string, ExcelJS.DataValidation | undefined>;
    add(address: string, validation: ExcelJS.DataValidation): void;
  };
  conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function serialOf(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH) / 86400000;
}

function plainValue(value: unknown, text: () => string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return serialOf(value);
  if (typeof value === "object") {
    if ("error" in value) return String((value as { error: unknown }).error);
    if ("richText" in value || "text" in value) return text();
  }
  return text();
}

class StyleTable {
  readonly styles: Record<string, StyleSpec> = {};
  private readonly keys = new Map<string, string>();

  keyOf(style: StyleSpec | undefined): string | undefined {
    if (!style) return undefined;
    const json = JSON.stringify(style);
    let key = this.keys.get(json);
    if (!key) {
      key = `s${this.keys.size + 1}`;
      this.keys.set(json, key);
      this.styles[key] = style;
    }
    return key;
  }
}

function readCell(cell: ExcelJS.Cell, styles: StyleTable): CellSpec | null {
  if (cell.isMerged && cell.master !== cell) return null;
  const style = styles.keyOf(fromExcelStyle(cell.style));
  let spec: CellSpec;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.result, not cell.value.result: ExcelJS's value copy drops falsy results (a cached 0 or FALSE).
    // A cached empty string (<v></v>) reads as no result at all: both read as "".
    const raw = (cell as unknown as { result: ExcelJS.CellFormulaValue["result"] }).result;
    const result = raw === undefined ? "" : raw;
    spec = { value: plainValue(result, () => String(result)), formula: cell.formula };
  } else {
    spec = { value: plainValue(cell.value, () => cell.text) };
  }
  if (style) spec.style = style;
  return spec.value === null && spec.formula === undefined && !style ? null : spec;
}

function readRows(ws: ExcelJS.Worksheet, styles: StyleTable): Array<Array<CellSpec | null>> {
  const rows: Array<Array<CellSpec | null>> = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Array<CellSpec | null> = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(readCell(row.getCell(c), styles));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

/** A decimal/whole bound: a number, or (a defined name or formula) the text as written in the file. */
function bound(parsed: unknown, written: string | undefined): number | string {
  if (typeof parsed === "number" && !Number.isNaN(parsed)) return parsed;
  return written ?? String(parsed);
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Cells as few rectangles: runs along each row, stacked while consecutive rows have the same run. */
function rectangles(cells: Array<{ row: number; column: number }>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const columns = byRow.get(c.row);
    if (columns) columns.push(c.column);
    else byRow.set(c.row, [c.column]);
  }
  const done: Rect[] = [];
  let open: Rect[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const columns = byRow.get(row)!.sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const c of columns) {
      const last = runs[runs.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next: Rect[] = [];
    for (const [left, right] of runs) {
      const above = open.find((r) => r.bottom === row - 1 && r.left === left && r.right === right);
      if (above) {
        above.bottom = row;
        next.push(above);
      } else next.push({ top: row, left, bottom: row, right });
    }
    done.push(...open.filter((r) => !next.includes(r)));
    open = next;
  }
  return [...done, ...open];
}

function readValidations(ws: ExcelJS.Worksheet, written: Map<string, string[]>): ValidationSpec[] {
  // ExcelJS expands each range into its cells, all sharing one object: group them back by identity.
  const model = (ws as unknown as WorksheetExtras).dataValidations.model;
  const cellsOf = new Map<ExcelJS.DataValidation, Array<{ row: number; column: number }>>();
  for (const [address, dv] of Object.entries(model)) {
    const at = dv && findCell(address);
    if (!dv || !at) continue;
    const cells = cellsOf.get(dv);
    if (cells) cells.push(at);
    else cellsOf.set(dv, [at]);
  }
  const writtenFor = (range: string): string[] | undefined =>
    written.get(range) ?? [...written].find(([sqref]) => sqref.split(/\s+/).includes(range))?.[1];
  const out: Array<ValidationSpec & { at: [number, number] }> = [];
  for (const [dv, cells] of cellsOf)
    for (const b of rectangles(cells)) {
      const range =
        b.top === b.bottom && b.left === b.right
          ? cellAddress(b.top, b.left)
          : `${cellAddress(b.top, b.left)}:${cellAddress(b.bottom, b.right)}`;
      const f = dv.formulae ?? [];
      let rule: ValidationSpec["rule"];
      if (dv.type === "list") {
        const source = String(f[0] ?? "");
        rule = { type: "list", source: /^".*"$/.test(source) ? source.slice(1, -1).split(",") : source };
      } else if (dv.type === "decimal" || dv.type === "whole") {
        const raw = writtenFor(range);
        rule = { type: dv.type, operator: dv.operator ?? "between", formula1: bound(f[0], raw?.[0]) };
        if (f.length > 1) rule.formula2 = bound(f[1], raw?.[1]);
      } else {
        rule = { type: "custom", formula: String(f[0] ?? "") };
      }
      const spec: ValidationSpec & { at: [number, number] } = {
        range,
        rule,
        allowBlank: !!dv.allowBlank,
        at: [b.top, b.left],
      };
      if (dv.prompt !== undefined || dv.promptTitle !== undefined)
        spec.prompt = { title: dv.promptTitle ?? "", message: dv.prompt ?? "" };
      if (dv.error !== undefined || dv.errorTitle !== undefined) {
        const style = dv.errorStyle === "warning" || dv.errorStyle === "information" ? dv.errorStyle : "stop";
        spec.error = { style, title: dv.errorTitle ?? "", message: dv.error ?? "" };
      }
      out.push(spec);
    }
  out.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  return out.map(({ at: _at, ...v }) => v);
}

function readConditionalFormats(ws: ExcelJS.Worksheet, stops: boolean[]): ConditionalFormatSpec[] {
  const cfs = (ws as unknown as WorksheetExtras).conditionalFormattings ?? [];
  let n = 0;
  return cfs.map((cf) => ({
    range: cf.ref,
    rules: cf.rules.map((rule) => {
      const formula = "formulae" in rule && rule.formulae ? String(rule.formulae[0] ?? "") : "";
      return { formula, style: fromHighlightStyle(rule.style), stopIfTrue: stops[n++] ?? false };
    }),
  }));
}

/** From the <sheetProtection> attributes: "1"/"true" is on; an allow* flag is the attribute being off. */
function readProtection(attributes: Record<string, string> | undefined): ProtectionSpec | undefined {
  const on = (name: string): boolean => attributes?.[name] === "1" || attributes?.[name] === "true";
  const off = (name: string): boolean => attributes?.[name] === "0" || attributes?.[name] === "false";
  if (!on("sheet")) return undefined;
  const spec: ProtectionSpec = {
    allowFormatColumns: off("formatColumns"),
    allowFormatRows: off("formatRows"),
    allowSort: off("sort"),
    allowAutoFilter: off("autoFilter"),
  };
  if (attributes?.hashValue || attributes?.password) spec.password = UNKNOWN_PASSWORD;
  return spec;
}

function readPrint(ws: ExcelJS.Worksheet): PrintSpec | undefined {
  const p = ws.pageSetup;
  if (!p || (!p.fitToPage && !p.printTitlesRow && p.paperSize === undefined)) return undefined;
  const spec: PrintSpec = {
    orientation: p.orientation === "landscape" ? "landscape" : "portrait",
    paperSize: "A4",
    fitToWidth: p.fitToPage ? (p.fitToWidth ?? 1) : 0,
    fitToHeight: p.fitToPage ? (p.fitToHeight ?? 1) : 0,
  };
  if (p.printTitlesRow) spec.printTitleRows = p.printTitlesRow;
  if (ws.headerFooter?.oddHeader) spec.header = ws.headerFooter.oddHeader;
  if (ws.headerFooter?.oddFooter) spec.footer = ws.headerFooter.oddFooter;
  return spec;
}

function readSheet(ws: ExcelJS.Worksheet, styles: StyleTable, facts: PackageFacts): SheetSpec {
  const rows = readRows(ws, styles);
  const columns: SheetSpec["columns"] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const { width: stored = 8.43, hidden } = ws.getColumn(c);
    const width = Math.round(stored * 100) / 100;
    columns.push(hidden ? { width, hidden: true } : { width });
  }
  const rowHeights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.height !== undefined) rowHeights[n - 1] = row.height;
  });
  const view = ws.views?.[0];
  const sheet: SheetSpec = {
    name: ws.name,
    state: (ws.state ?? "visible") as SheetState,
    rows,
    columns,
    merges: ws.model.merges ?? [],
    validations: readValidations(ws, facts.validationFormulas.get(ws.name) ?? new Map()),
    conditionalFormats: readConditionalFormats(ws, facts.stopIfTrue.get(ws.name) ?? []),
  };
  const tab = hexOf(ws.properties.tabColor);
  if (tab) sheet.tabColor = tab;
  if (Object.keys(rowHeights).length > 0) sheet.rowHeights = rowHeights;
  if (view && view.state === "frozen") sheet.frozen = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
  const filter = ws.autoFilter;
  if (typeof filter === "string") sheet.autoFilter = filter;
  const protection = readProtection(facts.protection.get(ws.name));
  if (protection) sheet.protection = protection;
  const print = readPrint(ws);
  if (print) sheet.print = print;
  return sheet;
}

/** A WorkbookSpec-shaped description of the .xlsx `bytes` (see the module comment for what is normalised). */
export async function readWorkbookXlsx(bytes: Uint8Array): Promise<WorkbookSpec> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const facts = await readPackageFacts(bytes);
  const styles = new StyleTable();
  const sheets = wb.worksheets.map((ws) => readSheet(ws, styles, facts));
  const definedNames = wb.definedNames.model
    .filter((n) => !n.name.startsWith("_xlnm."))
    .map((n) => ({ name: n.name, ref: n.ranges.join(",") }));
  return {
    sheets,
    styles: styles.styles,
    definedNames,
    properties: {
      title: wb.title ?? "",
      creator: wb.creator ?? "",
      created: wb.created instanceof Date ? wb.created.toISOString() : "",
    },
    fullCalcOnLoad: facts.fullCalcOnLoad,
    activeSheet: wb.views?.[0]?.activeTab ?? 0,
  };
}
