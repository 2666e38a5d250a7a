/**
 * The outline of a plan: which lines are sections, items, continuation text, page chrome or a table.
 */
import { CHROME_LINE, TABLE_HEADERS } from "./lexicon";
import { normaliseOrdinal } from "./numerals";

export type Level = "h1" | "h2" | "h3" | "h4";

export interface Heading {
  level: Level;
  /** The number as written ("一", "12", "１２"). */
  no: string;
  /** The text after the number. */
  rest: string;
  /** Where `rest` starts in the raw line. */
  restOffset: number;
}

const HEADING_PATTERNS: Array<[Level, RegExp]> = [
  ["h1", /^(\s*第?([一二三四五六七八九十]{1,3})(?:[、.．]|部分\s*|\s+(?=\S)))/],
  ["h2", /^(\s*[（(]([一二三四五六七八九十]{1,3})[）)][、.．]?\s*)/],
  ["h3", /^(\s*([0-9０-９]{1,4})(?:[.．、)）](?![0-9０-９])|\s+(?=[^\s0-9０-９]))\s*)/],
  ["h4", /^(\s*[（(]([0-9０-９]{1,3})[）)]\s*|\s*([①-⑳])\s*)/],
];

/** The heading a line starts with, if any. */
export function readHeading(line: string): Heading | null {
  for (const [level, pattern] of HEADING_PATTERNS) {
    const m = pattern.exec(line);
    if (!m) continue;
    const rest = line.slice(m[1]!.length);
    // "1. " alone, or "1 2011年…" without a separator that reads like a date, is no heading.
    if (rest.trim().length === 0 && level !== "h1") continue;
    return { level, no: m[2] ?? m[3] ?? "", rest, restOffset: m[1]!.length };
  }
  return null;
}

export function isChrome(line: string): boolean {
  return CHROME_LINE.test(line.trim());
}

export function headingNumber(h: Heading): number | null {
  const n = Number(normaliseOrdinal(h.no));
  return Number.isFinite(n) ? n : null;
}

/** The role of a table header cell, or `null` when the cell is no header. */
export function tableHeaderRole(cell: string): (typeof TABLE_HEADERS)[string] | null {
  return TABLE_HEADERS[cell.trim().replace(/\s+/g, "")] ?? null;
}
