/**
 * A WorkbookSpec (as written, or as read back from an .xlsx) in the comparable shape of the fake
 * workbook's snapshot, so "one description, two renderers" can be checked with one toEqual.
 * Formula cells compare by formula (the fake does not calculate), empty strings as empty cells.
 */
import { cellAddress, columnLetter } from "../../src/domain/workbook/address";
import type { CellSpec, WorkbookSpec } from "../../src/domain/workbook/spec";
import { validationSettings } from "../../src/excel/validation";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "./fakeExcel";

function cellOf(cell: CellSpec, spec: WorkbookSpec): CellSnapshot | undefined {
  const style = cell.style !== undefined ? spec.styles[cell.style] : undefined;
  const out: CellSnapshot = { value: cell.formula !== undefined || cell.value === "" ? null : cell.value };
  if (cell.formula !== undefined) out.formula = cell.formula;
  if (style?.numberFormat && style.numberFormat !== "General") out.numberFormat = style.numberFormat;
  if (style?.fill) out.fill = style.fill.toUpperCase();
  if (style?.font?.bold) out.bold = true;
  if (style?.font?.color) out.fontColor = style.font.color.toUpperCase();
  if (style?.border) out.border = style.border.toUpperCase();
  if (style?.alignment?.horizontal) out.horizontal = style.alignment.horizontal;
  if (style?.alignment?.wrapText) out.wrapText = true;
  if (style?.locked === false) out.locked = false;
  return Object.keys(out).length === 1 && out.value === null ? undefined : out;
}

export function snapshotSpec(spec: WorkbookSpec): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = spec.sheets.map((sheet) => {
    const cells: Record<string, CellSnapshot> = {};
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const snap = cell ? cellOf(cell, spec) : undefined;
        if (snap) cells[cellAddress(r, c)] = snap;
      }),
    );
    return {
      name: sheet.name,
      state: sheet.state,
      cells,
      merges: [...sheet.merges].sort(),
      columnWidths: Object.fromEntries(sheet.columns.map((col, c) => [columnLetter(c), col.width])),
      hiddenColumns: sheet.columns.flatMap((col, c) => (col.hidden ? [columnLetter(c)] : [])),
      frozen: { rows: sheet.frozen?.rows ?? 0, columns: sheet.frozen?.columns ?? 0 },
      conditionalFormats: sheet.conditionalFormats.flatMap((cf) =>
        cf.rules.map((rule) => ({
          range: cf.range,
          formula: rule.formula,
          ...(rule.style.fill ? { fill: rule.style.fill.toUpperCase() } : {}),
          ...(rule.style.fontColor ? { fontColor: rule.style.fontColor.toUpperCase() } : {}),
          ...(rule.style.bold !== undefined ? { bold: rule.style.bold } : {}),
          stopIfTrue: rule.stopIfTrue,
        })),
      ),
      validations: sheet.validations.map((v) => ({
        range: v.range,
        rule: validationSettings(v).rule,
        ignoreBlanks: v.allowBlank,
      })),
      protected: sheet.protection !== undefined,
    };
  });
  return {
    sheets,
    activeSheet: spec.sheets[spec.activeSheet]?.name ?? "",
    names: Object.fromEntries(spec.definedNames.map((n) => [n.name, n.ref])),
  };
}

/** Validations in a stable order (the .xlsx read-back sorts them by top-left cell). */
export function sortValidations(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((s) => ({
      ...s,
      validations: [...s.validations].sort((a, b) => a.range.localeCompare(b.range)),
    })),
  };
}
