/**
 * The 台账 row formulas, one builder per formula column. Each mirrors a function of ./status.ts
 * (named in its comment) step by step, including every ROUND, so cached values equal computed ones.
 *
 * Portability choices (Excel, WPS and LibreOffice must agree):
 * - only plain functions (IF, AND, OR, COUNT, SUM, OFFSET, ISNUMBER, ROUND, MIN, MAX, YEAR, MONTH):
 *   no array formulas, no LOOKUP(2,1/…) tricks whose array evaluation differs between applications;
 * - every quantity compared is ROUNDed first: LibreOffice compares with a tolerance and Excel does
 *   not, so an unrounded 10.000000000000002 > 10 could be true in one and false in the other;
 * - blanks are tested with `=""` or ISNUMBER, never by comparing a blank with a number (Excel ranks
 *   text above every number, so `"">=100` is TRUE).
 */
import type { Target } from "../plan/types";
import { cellAddress, columnLetter } from "../workbook/address";
import { LEDGER_COLUMNS } from "./layout";
import type { LedgerNames } from "./layout";
import type { LedgerStatus } from "./status";

export interface RowFormulaContext {
  /** 0-based sheet row of the target. */
  row: number;
  names: LedgerNames;
  statuses: Record<LedgerStatus, string>;
}

const C = LEDGER_COLUMNS;

/** `$I5`-style reference: column anchored, row relative (the row formulas and highlights use it). */
function col(column: number, row: number): string {
  return `$${columnLetter(column)}${row + 1}`;
}

function monthCell(month: number, row: number): string {
  return col(C.firstMonth + month - 1, row);
}

/** Months 1 … 报告月份 of the row, as a reference. */
function reportedMonths(ctx: RowFormulaContext): string {
  return `OFFSET(${monthCell(1, ctx.row)},0,0,1,${ctx.names.reportMonth})`;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Mirrors `deadlineMonthIndex`. */
export function deadlineMonthFormula(ctx: RowFormulaContext): string {
  const d = col(C.deadline, ctx.row);
  return `MAX(1,(YEAR(${d})-${ctx.names.year})*12+MONTH(${d}))`;
}

/** The latest number among months 1 … 报告月份, checked from December down (`yearToDate`, latest kinds). */
function latestChain(ctx: RowFormulaContext): string {
  // Month 1 closes the chain without a test: the caller has checked that some month holds a number.
  let chain = monthCell(1, ctx.row);
  for (let m = 2; m <= 12; m++) {
    const cell = monthCell(m, ctx.row);
    chain = `IF(AND(${ctx.names.reportMonth}>=${m},ISNUMBER(${cell})),${cell},${chain})`;
  }
  return chain;
}

/** 累计完成; mirrors `yearToDate`. */
export function ytdFormula(target: Pick<Target, "kind">, ctx: RowFormulaContext): string {
  const months = reportedMonths(ctx);
  const latest = target.kind === "balance-increase" || target.kind === "rate" || target.kind === "milestone";
  const value = latest ? latestChain(ctx) : `SUM(${months})`;
  return `IF(COUNT(${months})=0,"",ROUND(${value},6))`;
}

/** 完成率; mirrors `completionOf`. */
export function completionFormula(target: Pick<Target, "kind">, ctx: RowFormulaContext): string {
  const ytd = col(C.ytd, ctx.row);
  if (target.kind === "milestone") return `IF(${ytd}="","",ROUND(${ytd}/100,4))`;
  const base = col(C.target, ctx.row);
  return `IF(OR(${ytd}="",${base}=0),"",ROUND(${ytd}/${base},4))`;
}

/** 序时进度; mirrors `expectedProgress`. `null` for rates, whose expected progress is the constant 1. */
export function expectedFormula(target: Pick<Target, "kind">, ctx: RowFormulaContext): string | null {
  const d = deadlineMonthFormula(ctx);
  if (target.kind === "rate") return null;
  if (target.kind === "milestone") return `IF(${ctx.names.reportMonth}>=${d},1,0)`;
  return `ROUND(MIN(1,${ctx.names.reportMonth}/${d}),4)`;
}

/** 状态; mirrors `statusOf` branch by branch. */
export function statusFormula(target: Pick<Target, "kind" | "comparator">, ctx: RowFormulaContext): string {
  const s = (status: LedgerStatus): string => quote(ctx.statuses[status]);
  const n = ctx.names;
  const ytd = col(C.ytd, ctx.row);
  const base = col(C.target, ctx.row);
  const completion = `IF(${col(C.completion, ctx.row)}="",0,${col(C.completion, ctx.row)})`;
  const expected = col(C.expected, ctx.row);
  const d = deadlineMonthFormula(ctx);
  const past = `${n.reportMonth}>${d}`;
  const due = `${n.reportMonth}>=${d}`;
  const gap = `ROUND((${expected}-${completion})*100,2)`;
  const ahead = `ROUND((${completion}-${expected})*100,2)`;
  const blank = `${ytd}=""`;
  const cmp = target.comparator === ">" ? ">" : target.comparator === "<=" ? "<=" : ">=";
  const met = `AND(ISNUMBER(${ytd}),${ytd}${cmp}${base})`;
  switch (target.kind) {
    case "milestone":
      return `IF(AND(ISNUMBER(${ytd}),${ytd}>=100),${s("done")},IF(${past},${s("overdue")},IF(${blank},${s("notStarted")},${s("onTrack")})))`;
    case "cap":
      return `IF(AND(ISNUMBER(${ytd}),NOT(${met})),${s("overCap")},IF(${due},${s("done")},IF(${blank},${s("notStarted")},IF(${ahead}>${n.yellow},${s("nearCap")},${s("onTrack")}))))`;
    case "rate": {
      const notReported = `IF(${past},${s("overdue")},${s("notStarted")})`;
      if (target.comparator === "<=") {
        return `IF(${blank},${notReported},IF(NOT(${met}),${s("overCap")},IF(${due},${s("done")},${s("onTrack")})))`;
      }
      return `IF(${blank},${notReported},IF(${met},IF(${due},${s("done")},${s("onTrack")}),IF(${past},${s("overdue")},IF(${gap}>${n.red},${s("seriouslyBehind")},${s("behind")}))))`;
    }
    default:
      return `IF(${met},${s("done")},IF(${past},${s("overdue")},IF(${gap}>${n.red},${s("seriouslyBehind")},IF(${gap}>${n.yellow},${s("behind")},IF(${blank},${s("notStarted")},${s("onTrack")})))))`;
  }
}

/** Highlight rule formulas over a range starting at `firstRow`: they test the 状态 text, so colours never disagree with it. */
export function statusTestFormula(statuses: readonly string[], firstRow: number): string {
  const cell = `$${columnLetter(C.status)}${firstRow + 1}`;
  const tests = statuses.map((s) => `${cell}=${quote(s)}`);
  return tests.length === 1 ? tests[0]! : `OR(${tests.join(",")})`;
}

/** An absolute reference to a cell on another sheet: '设置'!$B$4. */
export function sheetCell(quotedSheet: string, row: number, column: number): string {
  return `${quotedSheet}!${cellAddress(row, column, true)}`;
}
