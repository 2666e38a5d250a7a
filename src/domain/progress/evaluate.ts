/**
 * evaluate: for each target and each month up to the report month, the year-to-date figure, the
 * expected figure (序时进度), completion and status — the month-by-month view behind the findings.
 */
import { listTargets, type Plan } from "../plan/types";
import { computeRow, type LedgerSettings, type LedgerStatus } from "../ledger/status";
import { numericMonths } from "./checkRow";

export interface MonthEvaluation {
  month: number;
  ytd: number | null;
  /** 序时进度 as a fraction of the target. */
  expected: number;
  /** The expected figure in the target's unit (target × 序时进度); `null` for milestones. */
  expectedValue: number | null;
  completion: number | null;
  status: LedgerStatus;
}

export interface TargetEvaluation {
  targetId: string;
  months: MonthEvaluation[];
  /** The report month's status. */
  status: LedgerStatus;
}

/** Evaluates every target of `plan`; `entries` maps target id → raw monthly cells (index 0 = January). */
export function evaluate(
  plan: Plan,
  entries: ReadonlyMap<string, readonly unknown[]>,
  settings: LedgerSettings,
): TargetEvaluation[] {
  return listTargets(plan).map(({ target }) => {
    const values = numericMonths(entries.get(target.id) ?? []);
    const months: MonthEvaluation[] = [];
    for (let month = 1; month <= settings.reportMonth; month++) {
      const row = computeRow(target, values, { ...settings, reportMonth: month });
      months.push({
        month,
        ytd: row.ytd,
        expected: row.expected,
        expectedValue: target.kind === "milestone" || target.value === null ? null : target.value * row.expected,
        completion: row.completion,
        status: row.status,
      });
    }
    const last = months[months.length - 1];
    return { targetId: target.id, months, status: last ? last.status : "notStarted" };
  });
}
