/** Parsing of the A1 addresses the adapter passes to getRange. */
import { columnIndex } from "../../../src/domain/workbook/address";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
}

function part(text: string): { row?: number; column?: number } {
  const m = /^\$?([A-Z]{1,3})?\$?(\d{1,7})?$/.exec(text);
  if (!m || (!m[1] && !m[2])) throw new Error(`InvalidArgument: bad range address part "${text}"`);
  return { column: m[1] ? columnIndex(m[1]) : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
}

/** "B3", "A1:C5", "A:C", "3:40", or undefined for the whole sheet. */
export function parseRange(address: string | undefined): Rect {
  if (address === undefined) return { row: 0, column: 0, lastRow: MAX_ROWS - 1, lastColumn: MAX_COLUMNS - 1 };
  if (address.includes("!") || address.includes(","))
    throw new Error(`InvalidArgument: unsupported address "${address}"`);
  const [a, b = a] = address.split(":") as [string, string?];
  const from = part(a);
  const to = part(b!);
  const rect: Rect = {
    row: from.row ?? 0,
    column: from.column ?? 0,
    lastRow: to.row ?? MAX_ROWS - 1,
    lastColumn: to.column ?? MAX_COLUMNS - 1,
  };
  if (
    (from.row === undefined) !== (to.row === undefined) ||
    (from.column === undefined) !== (to.column === undefined)
  ) {
    throw new Error(`InvalidArgument: mixed range address "${address}"`);
  }
  if (rect.lastRow < rect.row || rect.lastColumn < rect.column)
    throw new Error(`InvalidArgument: reversed range "${address}"`);
  return rect;
}

export function rectCells(rect: Rect): number {
  return (rect.lastRow - rect.row + 1) * (rect.lastColumn - rect.column + 1);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row <= b.lastRow && b.row <= a.lastRow && a.column <= b.lastColumn && b.column <= a.lastColumn;
}
