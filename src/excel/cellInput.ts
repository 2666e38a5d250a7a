/** How a spec cell is typed into Excel through `range.formulas`, and Excel's units. */
import type { CellSpec } from "../domain/workbook/spec";

/**
 * Excel parses what it is given as a user's typing: "2.1" becomes a number, "3月5日" a date, "=…" a
 * formula. A leading apostrophe keeps such text as text (the apostrophe is not part of the value).
 */
export function needsTextPrefix(text: string): boolean {
  return /^[=+\-@']/.test(text) || /\d/.test(text) || /^(true|false)$/i.test(text.trim());
}

/** The entry for `range.formulas`: "=formula", a number/boolean, text (prefixed when needed), or "". */
export function cellInput(cell: CellSpec | null | undefined): string | number | boolean {
  if (!cell) return "";
  if (cell.formula !== undefined) return `=${cell.formula}`;
  const { value } = cell;
  if (value === null) return "";
  if (typeof value === "string") return value !== "" && needsTextPrefix(value) ? `'${value}` : value;
  return value;
}

/**
 * Column width in points (Office.js `format.columnWidth`) for a width as stored in .xlsx (characters
 * of the default font, padding included), by ECMA-376 §18.3.1.13 with 7-pixel digits (Calibri 11).
 */
export function columnWidthPoints(characters: number): number {
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / 7)) / 256) * 7);
  return (pixels * 72) / 96;
}

/** The inverse of `columnWidthPoints`, rounded to 1/100 of a character. */
export function columnWidthCharacters(points: number): number {
  const pixels = (points * 96) / 72;
  return Math.round((pixels / 7) * 100) / 100;
}

/** "1F6FB2" → "#1F6FB2". */
export function hexColor(color: string): string {
  return color.startsWith("#") ? color : `#${color}`;
}
