/**
 * Groups a sheet's cells into rectangles of the same style, so formatting is written per range (a few
 * operations per column), never per cell.
 */
import { rangeAddress } from "../domain/workbook/address";
import type { SheetSpec } from "../domain/workbook/spec";

export interface StyleRect {
  style: string;
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
}

export function rectAddress(rect: { row: number; column: number; lastRow: number; lastColumn: number }): string {
  return rangeAddress(rect.row, rect.column, rect.lastRow, rect.lastColumn);
}

/** Rectangles covering every styled cell: vertical runs per column, joined with identical runs to the right. */
export function styleRects(sheet: SheetSpec): StyleRect[] {
  const width = sheet.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const done: StyleRect[] = [];
  let open = new Map<string, StyleRect>();
  for (let c = 0; c < width; c++) {
    const next = new Map<string, StyleRect>();
    let r = 0;
    while (r < sheet.rows.length) {
      const style = sheet.rows[r]?.[c]?.style;
      let end = r;
      while (end + 1 < sheet.rows.length && sheet.rows[end + 1]?.[c]?.style === style) end++;
      if (style !== undefined) {
        const key = `${style}|${r}|${end}`;
        const left = open.get(key);
        if (left) {
          left.lastColumn = c;
          open.delete(key);
          next.set(key, left);
        } else {
          next.set(key, { style, row: r, column: c, lastRow: end, lastColumn: c });
        }
      }
      r = end + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done;
}

/** Runs of consecutive indexes with the same value: [{ first, last, value }]. */
export function runs<T>(entries: Array<[number, T]>): Array<{ first: number; last: number; value: T }> {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const out: Array<{ first: number; last: number; value: T }> = [];
  for (const [index, value] of sorted) {
    const last = out[out.length - 1];
    if (last && last.last === index - 1 && last.value === value) last.last = index;
    else out.push({ first: index, last: index, value });
  }
  return out;
}
