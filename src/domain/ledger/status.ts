/**
 * The ledger's arithmetic in plain TypeScript: year-to-date, completion, expected progress (序时进度)
 * and status of one target row. Every function here mirrors one formula written by ./formulas.ts,
 * step by step and with the same rounding, so the cached values in the file are exactly what Excel,
 * WPS or LibreOffice compute. Change one side and the other together (tests/unit/ledger pins both).
 *
 * Values a department types are read the way the formulas read them: only numbers count (COUNT,
 * SUM and ISNUMBER skip text such as "10家"), and only months 1 … report month.
 */
import type { Target, TargetKind } from "../plan/types";

/** The closed set of statuses, in the order a reader checks them (see `computeRow`). */
export type LedgerStatus =
  "done" | "onTrack" | "behind" | "seriouslyBehind" | "overCap" | "nearCap" | "overdue" | "notStarted";

export const LEDGER_STATUSES: readonly LedgerStatus[] = [
  "done",
  "onTrack",
  "behind",
  "seriouslyBehind",
  "overCap",
  "nearCap",
  "overdue",
  "notStarted",
];

/** Traffic-light colour of each status; `null` = no highlight. */
export const STATUS_LIGHT: Record<LedgerStatus, "red" | "yellow" | "green" | null> = {
  seriouslyBehind: "red",
  overCap: "red",
  overdue: "red",
  behind: "yellow",
  nearCap: "yellow",
  done: "green",
  onTrack: null,
  notStarted: null,
};

/** What the 设置 sheet holds (each a defined name in the workbook). */
export interface LedgerSettings {
  /** The plan year (计划年度); deadlines are counted in months from its January. */
  year: number;
  /** 1 … 12: the month being reported (报告月份). */
  reportMonth: number;
  /** 黄灯阈值: 滞后 when completion is more than this many percentage points below 序时进度. */
  yellow: number;
  /** 红灯阈值: 严重滞后 beyond this many points. */
  red: number;
}

export const DEFAULT_THRESHOLDS = { yellow: 10, red: 30 } as const;

/** A value as it sits in a monthly input cell. */
export type MonthlyValue = number | string | null;

export interface RowComputation {
  /** How many months 1 … report month hold a number (the formulas' COUNT). */
  count: number;
  /** Year-to-date: the sum, or the latest number for balance increases, rates and milestones; `null` = blank. */
  ytd: number | null;
  /** ytd ÷ target as a fraction rounded to 4 places; `null` = blank. */
  completion: number | null;
  /** 序时进度 as a fraction rounded to 4 places. */
  expected: number;
  /** Months from the plan year's January to the deadline (Dec of the plan year = 12), at least 1. */
  deadlineMonth: number;
  status: LedgerStatus;
}

/**
 * Excel's ROUND: half away from zero on the decimal value as displayed (15 significant digits), so
 * 2.675 rounds to 2.68 as in Excel and LibreOffice, not to 2.67 as a bare binary multiply would.
 */
export function excelRound(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const scaled = Number((Math.abs(value) * 10 ** digits).toPrecision(15));
  const rounded = (sign * Math.round(scaled)) / 10 ** digits;
  return rounded === 0 ? 0 : rounded;
}

/** Kinds whose year-to-date is the latest reported figure rather than a sum. */
export function usesLatestValue(kind: TargetKind): boolean {
  return kind === "balance-increase" || kind === "rate" || kind === "milestone";
}

/** Kinds measured against the share of the year elapsed (DOMAIN.md: rates and milestones are not). */
export function isProRated(kind: TargetKind): boolean {
  return kind !== "rate" && kind !== "milestone";
}

/** The formulas' `MAX(1,(YEAR(deadline)-计划年度)*12+MONTH(deadline))`. */
export function deadlineMonthIndex(deadline: string, year: number): number {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(deadline);
  if (!m) return 12;
  return Math.max(1, (Number(m[1]) - year) * 12 + Number(m[2]));
}

/** Numbers typed into months 1 … reportMonth, with their month (1-based). */
function reported(values: readonly MonthlyValue[], reportMonth: number): Array<{ month: number; value: number }> {
  const out: Array<{ month: number; value: number }> = [];
  for (let i = 0; i < Math.min(reportMonth, 12); i++) {
    const v = values[i];
    if (typeof v === "number" && Number.isFinite(v)) out.push({ month: i + 1, value: v });
  }
  return out;
}

/** Mirrors the 累计 formula: `ROUND(SUM(...),6)` or the latest number, blank when nothing is reported. */
export function yearToDate(kind: TargetKind, values: readonly MonthlyValue[], reportMonth: number): number | null {
  const numbers = reported(values, reportMonth);
  if (numbers.length === 0) return null;
  if (usesLatestValue(kind)) return excelRound(numbers[numbers.length - 1]!.value, 6);
  // Left to right, as SUM adds.
  let sum = 0;
  for (const n of numbers) sum += n.value;
  return excelRound(sum, 6);
}

/** The value completion is measured against: the target, its lower bound for ranges, 100 (%) for milestones. */
export function completionBase(target: Pick<Target, "kind" | "value">): number | null {
  if (target.kind === "milestone") return 100;
  return target.value;
}

/** Mirrors the 完成率 formula: `ROUND(ytd/base,4)`, blank when ytd is blank or the base is 0 or missing. */
export function completionOf(target: Pick<Target, "kind" | "value">, ytd: number | null): number | null {
  const base = completionBase(target);
  if (ytd === null || base === null || base === 0) return null;
  return excelRound(ytd / base, 4);
}

/** Mirrors the 序时进度 formula. Milestones: 0 before the deadline month, 1 from it; rates: always 1. */
export function expectedProgress(kind: TargetKind, reportMonth: number, deadlineMonth: number): number {
  if (kind === "rate") return 1;
  if (kind === "milestone") return reportMonth >= deadlineMonth ? 1 : 0;
  return excelRound(Math.min(1, reportMonth / deadlineMonth), 4);
}

/** Whether `ytd` meets the target under its comparator (ranges: the lower bound; above the upper is fine). */
export function meetsTarget(target: Pick<Target, "comparator" | "value" | "kind">, ytd: number): boolean {
  if (target.kind === "milestone") return ytd >= 100;
  const value = target.value ?? 0;
  switch (target.comparator) {
    case ">":
      return ytd > value;
    case "<=":
      return ytd <= value;
    default:
      return ytd >= value;
  }
}

/** Shortfall in percentage points below 序时进度 (blank completion = 0), rounded to 2 places as the formula does. */
export function shortfallPoints(expected: number, completion: number | null): number {
  return excelRound((expected - (completion ?? 0)) * 100, 2);
}

/** How many percentage points usage runs ahead of 序时进度 (caps), rounded to 2 places as the formula does. */
export function aheadPoints(expected: number, completion: number | null): number {
  return excelRound(((completion ?? 0) - expected) * 100, 2);
}

/**
 * The status of one ledger row. Checked in this order (formulas.ts writes the same IF chain):
 *
 * - milestone (monthly input = % done): 已完成 at 100; 逾期 when the report month is past the deadline
 *   month; 未启动 when nothing is reported; otherwise 正常.
 * - cap (≤ target, year-to-date sum): 超限 above the cap; 已完成 from the deadline month on (stayed
 *   within); 未启动 when nothing is reported; 预警 when usage runs ahead of 序时 by more than the yellow
 *   points (the pace would break the cap); otherwise 正常.
 * - rate (latest figure, not pro-rated): 未启动 / 逾期 when nothing is reported; for an upper-limit rate
 *   (≤) 超限 when above it; when met, 已完成 from the deadline month on, else 正常; when not met, 逾期
 *   past the deadline, 严重滞后 beyond the red points, otherwise 滞后 (a rate below its floor is never 正常).
 * - cumulative, balance increase, range (lower bound), exceeding (strictly above): 已完成 when met;
 *   逾期 past the deadline; 严重滞后 / 滞后 when completion is more than red / yellow points below 序时
 *   (blank counts as 0, so a department that reports nothing is flagged); 未启动 when nothing is
 *   reported and not yet behind; otherwise 正常.
 */
export function statusOf(
  target: Pick<Target, "kind" | "comparator" | "value">,
  row: Pick<RowComputation, "count" | "ytd" | "completion" | "expected" | "deadlineMonth">,
  settings: LedgerSettings,
): LedgerStatus {
  const { count, ytd, completion, expected, deadlineMonth } = row;
  const m = settings.reportMonth;
  const gap = shortfallPoints(expected, completion);
  const met = ytd !== null && meetsTarget(target, ytd);
  switch (target.kind) {
    case "milestone":
      if (met) return "done";
      if (m > deadlineMonth) return "overdue";
      return count === 0 ? "notStarted" : "onTrack";
    case "cap":
      if (ytd !== null && !met) return "overCap";
      if (m >= deadlineMonth) return "done";
      if (count === 0) return "notStarted";
      return aheadPoints(expected, completion) > settings.yellow ? "nearCap" : "onTrack";
    case "rate":
      if (count === 0) return m > deadlineMonth ? "overdue" : "notStarted";
      if (target.comparator === "<=") {
        if (!met) return "overCap";
        return m >= deadlineMonth ? "done" : "onTrack";
      }
      if (met) return m >= deadlineMonth ? "done" : "onTrack";
      if (m > deadlineMonth) return "overdue";
      return gap > settings.red ? "seriouslyBehind" : "behind";
    default:
      if (met) return "done";
      if (m > deadlineMonth) return "overdue";
      if (gap > settings.red) return "seriouslyBehind";
      if (gap > settings.yellow) return "behind";
      return count === 0 ? "notStarted" : "onTrack";
  }
}

/**
 * Everything the ledger row's formula cells show, for `monthlyValues` (index 0 = January; text and
 * months after the report month are ignored as the formulas ignore them).
 */
export function computeRow(
  target: Pick<Target, "kind" | "comparator" | "value" | "deadline">,
  monthlyValues: readonly MonthlyValue[],
  settings: LedgerSettings,
): RowComputation {
  const count = reported(monthlyValues, settings.reportMonth).length;
  const ytd = yearToDate(target.kind, monthlyValues, settings.reportMonth);
  const completion = completionOf(target, ytd);
  const deadlineMonth = deadlineMonthIndex(target.deadline, settings.year);
  const expected = expectedProgress(target.kind, settings.reportMonth, deadlineMonth);
  const partial = { count, ytd, completion, expected, deadlineMonth };
  return { ...partial, status: statusOf(target, partial, settings) };
}
