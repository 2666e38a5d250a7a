/** Range targets and the checks Excel makes before touching cells. */
import type { RequestQueue } from "./base";
import { cellKey, getCell, type FakeCell, type FakeSheet } from "./model";
import { overlaps, rectCells, type Rect } from "./rangeAddress";

export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

export interface RangeEnv {
  queue: RequestQueue;
  /** ExcelApi minor version the fake host supports (7 for 1.7). */
  apiVersion: number;
  /** Makes `sheet` active with `address` selected (Range.select). */
  selectRange(sheet: FakeSheet, address: string): void;
  /** Adds loaded cell data to the size of the sync's response. */
  countResponse(bytes: number): void;
}

export function describeTarget(t: RangeTarget): string {
  return `${t.sheet.name}!R${t.rect.row + 1}C${t.rect.column + 1}:R${t.rect.lastRow + 1}C${t.rect.lastColumn + 1}`;
}

export function forEachCell(t: RangeTarget, fn: (cell: FakeCell, row: number, column: number) => void): void {
  if (rectCells(t.rect) > 5_000_000)
    throw new Error(`Fake Excel: ${describeTarget(t)} is too large to touch cell by cell`);
  for (let r = t.rect.row; r <= t.rect.lastRow; r++) {
    for (let c = t.rect.column; c <= t.rect.lastColumn; c++) fn(getCell(t.sheet, r, c), r, c);
  }
}

/** Excel refuses changes to locked cells of a protected sheet, and formatting without allowFormatCells. */
export function assertWritable(t: RangeTarget, what: "values" | "format"): void {
  const p = t.sheet.protection;
  if (!p) return;
  if (what === "format" && !p.options.allowFormatCells) {
    throw new Error(`AccessDenied: cannot format ${describeTarget(t)}: the sheet is protected`);
  }
  if (what === "values") {
    for (let r = t.rect.row; r <= t.rect.lastRow; r++) {
      for (let c = t.rect.column; c <= t.rect.lastColumn; c++) {
        if (t.sheet.cells.get(cellKey(r, c))?.locked ?? true) {
          throw new Error(`AccessDenied: cell R${r + 1}C${c + 1} of "${t.sheet.name}" is locked on a protected sheet`);
        }
      }
    }
  }
}

export function assertShape(t: RangeTarget, grid: unknown[][], property: string): void {
  const rows = t.rect.lastRow - t.rect.row + 1;
  const columns = t.rect.lastColumn - t.rect.column + 1;
  if (
    !Array.isArray(grid) ||
    grid.length !== rows ||
    grid.some((row) => !Array.isArray(row) || row.length !== columns)
  ) {
    const got = Array.isArray(grid) ? `${grid.length}×${Array.isArray(grid[0]) ? grid[0].length : "?"}` : typeof grid;
    throw new Error(`InvalidArgument: ${property} of ${describeTarget(t)} needs ${rows}×${columns}, got ${got}`);
  }
}

export function emptyFormats(): FakeCell {
  return { value: null, numberFormat: "General", font: {}, borders: {}, locked: true };
}

export function describeA1(rect: Rect): string {
  const col = (c: number) => {
    let n = c + 1;
    let s = "";
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const a = `${col(rect.column)}${rect.row + 1}`;
  const b = `${col(rect.lastColumn)}${rect.lastRow + 1}`;
  return a === b ? a : `${a}:${b}`;
}

export function overlapsA1(address: string, rect: Rect): boolean {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) return true;
  const idx = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const other = {
    row: Number(m[2]) - 1,
    column: idx(m[1]!),
    lastRow: Number(m[4] ?? m[2]) - 1,
    lastColumn: idx(m[3] ?? m[1]!),
  };
  return overlaps(other, rect);
}
