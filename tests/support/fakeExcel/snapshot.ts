/** The fake workbook as plain, comparable data (A1 addresses, colours without "#", widths in characters). */
import { columnWidthCharacters } from "../../../src/excel/cellInput";
import type { CellValue } from "../../../src/domain/workbook/spec";
import type { FakeCell, FakeState } from "./model";
import { describeA1 } from "./range";

export interface CellSnapshot {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  border?: string;
  horizontal?: string;
  wrapText?: boolean;
  locked?: false;
}

export interface SheetSnapshot {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  cells: Record<string, CellSnapshot>;
  merges: string[];
  columnWidths: Record<string, number>;
  hiddenColumns: string[];
  frozen: { rows: number; columns: number };
  conditionalFormats: Array<{
    range: string;
    formula: string;
    fill?: string;
    fontColor?: string;
    bold?: boolean;
    stopIfTrue: boolean;
  }>;
  validations: Array<{ range: string; rule: unknown; ignoreBlanks: boolean }>;
  protected: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  activeSheet: string;
  /** The selected range on the active sheet, once Range.select ran. */
  selection?: string;
  names: Record<string, string>;
}

const STATES = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;
const strip = (color: string | undefined) => (color ? color.replace(/^#/, "").toUpperCase() : undefined);

function cellSnapshot(cell: FakeCell): CellSnapshot | undefined {
  const out: CellSnapshot = { value: cell.value };
  if (cell.formula) out.formula = cell.formula.slice(1);
  if (cell.numberFormat !== "General") out.numberFormat = cell.numberFormat;
  if (cell.fill) out.fill = strip(cell.fill);
  if (cell.font.bold) out.bold = true;
  if (cell.font.color) out.fontColor = strip(cell.font.color);
  const b = cell.borders;
  if (b.top && b.top === b.bottom && b.top === b.left && b.top === b.right) out.border = strip(b.top);
  if (cell.horizontal) out.horizontal = cell.horizontal.toLowerCase();
  if (cell.wrapText) out.wrapText = true;
  if (!cell.locked) out.locked = false;
  return Object.keys(out).length === 1 && out.value === null ? undefined : out;
}

export function snapshotWorkbook(state: FakeState): WorkbookSnapshot {
  const col = (c: number) => describeA1({ row: 0, column: c, lastRow: 0, lastColumn: c }).replace(/\d+$/, "");
  return {
    sheets: state.sheets.map((sheet) => {
      const cells: Record<string, CellSnapshot> = {};
      const keys = [...sheet.cells.keys()].map((k) => k.split(",").map(Number) as [number, number]);
      keys.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      for (const [r, c] of keys) {
        const snap = cellSnapshot(sheet.cells.get(`${r},${c}`)!);
        if (snap) cells[describeA1({ row: r, column: c, lastRow: r, lastColumn: c })] = snap;
      }
      return {
        name: sheet.name,
        state: STATES[sheet.visibility],
        cells,
        merges: sheet.merges.map(describeA1).sort(),
        columnWidths: Object.fromEntries(
          [...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [col(c), columnWidthCharacters(w)]),
        ),
        hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b).map(col),
        frozen: sheet.frozen,
        conditionalFormats: sheet.conditionalFormats.map((cf) => ({
          range: cf.range,
          formula: cf.formula.slice(1),
          ...(cf.fill ? { fill: strip(cf.fill) } : {}),
          ...(cf.fontColor ? { fontColor: strip(cf.fontColor) } : {}),
          ...(cf.bold !== undefined ? { bold: cf.bold } : {}),
          stopIfTrue: cf.stopIfTrue,
        })),
        validations: sheet.validations.map((v) => ({ range: v.range, rule: v.rule, ignoreBlanks: v.ignoreBlanks })),
        protected: sheet.protection !== null,
      };
    }),
    activeSheet: state.sheets.find((s) => s.id === state.activeSheetId)?.name ?? "",
    ...(state.selection !== undefined ? { selection: state.selection } : {}),
    names: Object.fromEntries([...state.names].map(([n, ref]) => [n, ref.slice(1)])),
  };
}
