/**
 * Deadlines as plans write them: 年内/全年 → year end; "6月底前", "9月30日前", "上半年", "三季度" …
 */
import { parseNumberToken } from "./numerals";

const NUM = "[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}";
const DEADLINE_PATTERN = new RegExp(
  [
    `(?:(?<y1>(?:19|20)[0-9]{2})年)?(?<m1>${NUM})月(?<d1>${NUM})日`,
    `(?:(?<y2>(?:19|20)[0-9]{2})年)?(?<m2>${NUM})月(?:底|末|份|前|中旬|上旬|下旬)`,
    `(?<half>上半年|下半年|年底|年末|年内|全年)`,
    `(?<q>前三季度|(?:第)?[一二三四1-4１-４]季度)`,
  ].join("|"),
  "g",
);

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day?: number): string {
  const d = day ?? lastDayOfMonth(year, month);
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function yearEnd(year: number): string {
  return isoDate(year, 12, 31);
}

const QUARTER_END: Record<string, number> = { 一: 3, 二: 6, 三: 9, 四: 12, "1": 3, "2": 6, "3": 9, "4": 12 };

interface FoundDeadline {
  date: string;
  index: number;
}

/** Every deadline phrase in `text`, with its position. */
export function findDeadlines(text: string, planYear: number): FoundDeadline[] {
  const found: FoundDeadline[] = [];
  for (const m of text.matchAll(DEADLINE_PATTERN)) {
    const g = m.groups ?? {};
    const year = Number(g.y1 ?? g.y2 ?? planYear);
    let date: string | null = null;
    if (g.m1 !== undefined) {
      const month = parseNumberToken(g.m1);
      const day = parseNumberToken(g.d1 ?? "");
      if (month && month <= 12 && day && day <= lastDayOfMonth(year, month)) date = isoDate(year, month, day);
    } else if (g.m2 !== undefined) {
      const month = parseNumberToken(g.m2);
      if (month && month >= 1 && month <= 12) date = isoDate(year, month);
    } else if (g.half !== undefined) {
      date = g.half === "上半年" ? isoDate(year, 6) : yearEnd(year);
    } else if (g.q !== undefined) {
      const quarter =
        g.q === "前三季度"
          ? "3"
          : g.q.replace(/[第季度]/g, "").replace(/[１-４]/, (c) => String(c.charCodeAt(0) - 0xff10));
      const month = QUARTER_END[quarter];
      if (month) date = isoDate(year, month);
    }
    if (date) found.push({ date, index: m.index });
  }
  return found;
}

/**
 * The deadline that governs a target at `position` in `sentence`: the nearest phrase before it in the
 * sentence, else the first after it, else the end of the plan year.
 */
export function deadlineFor(sentence: string, position: number, planYear: number): string {
  const all = findDeadlines(sentence, planYear);
  const before = all.filter((d) => d.index <= position);
  const chosen = before.length > 0 ? before[before.length - 1] : all[0];
  return chosen ? chosen.date : yearEnd(planYear);
}

/** A deadline cell of a table plan ("12月底", "2011年6月", "长期坚持"); `null` when none is written. */
export function parseDeadlineCell(cell: string, planYear: number): string | null {
  const found = findDeadlines(cell, planYear);
  if (found.length > 0) return found[found.length - 1]!.date;
  const monthOnly = /(?:(?<y>(?:19|20)[0-9]{2})年)?(?<m>[0-9０-９]{1,2})月/.exec(cell);
  if (monthOnly?.groups) {
    const month = parseNumberToken(monthOnly.groups.m ?? "");
    if (month && month >= 1 && month <= 12) return isoDate(Number(monthOnly.groups.y ?? planYear), month);
  }
  return null;
}
