/** A1 addresses: 0-based row/column numbers to and from "B3", ranges, quoted sheet references. */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "AA" → 26; -1 when the text is not a column. */
export function columnIndex(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(column)}${d}${row + 1}`;
}

export function rangeAddress(row: number, column: number, lastRow: number, lastColumn: number): string {
  return `${cellAddress(row, column)}:${cellAddress(lastRow, lastColumn)}`;
}

/** "B3" → { row: 2, column: 1 }; `undefined` when the text is not an A1 cell. */
export function findCell(address: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address);
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]!) };
}

/** A sheet name quoted for use in a reference: 设置 → '设置', O'Brien → 'O''Brien'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
