/**
 * Renders a WorkbookSpec as an .xlsx file with ExcelJS: everything in the description, nothing decided
 * here. The one module (with readWorkbookXlsx.ts) that imports the xlsx library.
 */
import ExcelJS from "exceljs";
import type { SheetSpec, StyleSpec, ValidationSpec, WorkbookSpec } from "../domain/workbook/spec";
import { toExcelStyle, toHighlightStyle } from "./excelStyles";
import type { WorksheetExtras } from "./readWorkbookXlsx";
import { patchPackage } from "./xlsxPackage";

const EXCELJS_DEFAULT_WIDTH = 9;
/** Small enough to vanish in the read-back's rounding to 2 places. */
const WIDTH_NUDGE = 0.0001;

/** OOXML paper size code of A4. */
const PAPER_A4 = 9;

function validationModel(v: ValidationSpec): ExcelJS.DataValidation {
  const model: ExcelJS.DataValidation = { type: v.rule.type, formulae: [], allowBlank: v.allowBlank };
  const rule = v.rule;
  if (rule.type === "list") {
    // A literal list is one quoted, comma-separated string; a name or range goes in as it is.
    model.formulae = [typeof rule.source === "string" ? rule.source : `"${rule.source.join(",")}"`];
  } else if (rule.type === "custom") {
    model.formulae = [rule.formula];
  } else {
    model.operator = rule.operator;
    model.formulae = rule.formula2 === undefined ? [rule.formula1] : [rule.formula1, rule.formula2];
  }
  if (v.prompt) {
    model.showInputMessage = true;
    model.promptTitle = v.prompt.title;
    model.prompt = v.prompt.message;
  }
  if (v.error) {
    model.showErrorMessage = true;
    model.errorStyle = v.error.style;
    model.errorTitle = v.error.title;
    model.error = v.error.message;
  }
  return model;
}

function writeCells(ws: ExcelJS.Worksheet, sheet: SheetSpec, styles: Map<string, Partial<ExcelJS.Style>>): void {
  sheet.rows.forEach((cells, r) => {
    if (cells.length === 0) return;
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = row.getCell(c + 1);
      if (cell.formula !== undefined) {
        // The cached result is written so that apps which do not recalculate still show the right value.
        target.value =
          cell.value === null
            ? { formula: cell.formula, date1904: false }
            : { formula: cell.formula, result: cell.value, date1904: false };
      } else {
        // Strings stay strings: ExcelJS stores "=1+1" as shared-string text, never as a formula.
        target.value = cell.value;
      }
      if (cell.style !== undefined) {
        const style = styles.get(cell.style);
        if (!style) throw new Error(`Unknown style "${cell.style}" in sheet "${sheet.name}"`);
        target.style = style;
      }
    });
  });
}

async function writeSheet(
  wb: ExcelJS.Workbook,
  sheet: SheetSpec,
  styles: Map<string, Partial<ExcelJS.Style>>,
): Promise<void> {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.state,
    ...(sheet.tabColor ? { properties: { tabColor: { argb: `FF${sheet.tabColor}` } } } : {}),
  });
  sheet.columns.forEach((column, i) => {
    const col = ws.getColumn(i + 1);
    // ExcelJS omits a column of width exactly 9 (its own default), and Excel would then show 8.43.
    col.width = column.width === EXCELJS_DEFAULT_WIDTH ? column.width + WIDTH_NUDGE : column.width;
    if (column.hidden) col.hidden = true;
  });
  writeCells(ws, sheet, styles);
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) ws.getRow(Number(row) + 1).height = height;
  for (const range of sheet.merges) ws.mergeCells(range);
  if (sheet.frozen && (sheet.frozen.rows > 0 || sheet.frozen.columns > 0)) {
    ws.views = [{ state: "frozen", xSplit: sheet.frozen.columns, ySplit: sheet.frozen.rows }];
  }
  if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter;
  const extras = ws as unknown as WorksheetExtras;
  for (const v of sheet.validations) extras.dataValidations.add(v.range, validationModel(v));
  let priority = 1;
  for (const cf of sheet.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: cf.rules.map((rule) => ({
        type: "expression",
        formulae: [rule.formula],
        style: toHighlightStyle(rule.style),
        priority: priority++,
      })),
    });
  }
  if (sheet.print) {
    const p = sheet.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: p.orientation,
      paperSize: PAPER_A4,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      ...(p.printTitleRows ? { printTitlesRow: p.printTitleRows } : {}),
    };
    if (p.header || p.footer) {
      ws.headerFooter = { ...ws.headerFooter, oddHeader: p.header ?? "", oddFooter: p.footer ?? "" };
    }
  }
  if (sheet.protection) {
    const p = sheet.protection;
    await ws.protect(p.password ?? "", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: p.allowFormatColumns,
      formatRows: p.allowFormatRows,
      sort: p.allowSort,
      autoFilter: p.allowAutoFilter,
    });
  }
}

/**
 * The .xlsx bytes of `spec`.
 * @throws Error when a cell names a style `spec.styles` lacks (a bug in the spec, not in user input).
 */
export async function writeWorkbookXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = spec.properties.creator;
  wb.title = spec.properties.title;
  wb.created = new Date(spec.properties.created);
  wb.modified = new Date(spec.properties.created);
  wb.calcProperties.fullCalcOnLoad = spec.fullCalcOnLoad;
  const styles = new Map<string, Partial<ExcelJS.Style>>(
    Object.entries(spec.styles).map(([key, style]: [string, StyleSpec]) => [key, toExcelStyle(style)]),
  );
  for (const sheet of spec.sheets) await writeSheet(wb, sheet, styles);
  for (const name of spec.definedNames) wb.definedNames.add(name.ref, name.name);
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: spec.activeSheet,
      visibility: "visible",
    },
  ];
  // Stored, not deflated: patchPackage re-zips the package anyway, so compress once, there.
  const buffer = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as Partial<ExcelJS.XlsxWriteOptions>);
  return patchPackage(new Uint8Array(buffer as ArrayBuffer), spec);
}
