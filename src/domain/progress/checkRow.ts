/**
 * The checks of one ledger row: what was typed (entries.ts) and where the row stands (../ledger/status.ts,
 * the same arithmetic as the workbook's formulas, so the CLI, the add-in and the file never disagree).
 */
import type { Target } from "../plan/types";
import {
  computeRow,
  STATUS_LIGHT,
  usesLatestValue,
  type LedgerSettings,
  type LedgerStatus,
  type MonthlyValue,
} from "../ledger/status";
import { percentScaleFix, readEntry } from "./entries";
import { finding, type Finding, type FindingCode } from "./findings";

/** One row of a filled ledger, as read from the workbook, with where its cells are. */
export interface LedgerRowInput {
  target: Target;
  /** Raw contents of the monthly cells, index 0 = January (12 entries; missing = blank). */
  months: readonly unknown[];
  /** 存在问题 text of the report month. */
  problems: string;
  /** 责任单位 as the ledger row shows it ("" when not assigned). */
  department: string;
  sheet: string;
  /** A1 address of month m's input cell (1 … 12). */
  monthCell(month: number): string;
  statusCell: string;
  problemsCell: string;
}

/** How far above the whole-year target one month's figure must be to look like a typing slip. */
export const OUTLIER_FACTOR = 3;

const STATUS_FINDING: Partial<Record<LedgerStatus, FindingCode>> = {
  behind: "behind-schedule",
  seriouslyBehind: "seriously-behind",
  overCap: "cap-exceeded",
  nearCap: "cap-at-risk",
  overdue: "seriously-behind",
};

/** The status-derived finding code of a row, or `null` when the row needs no attention. */
export function statusFinding(target: Pick<Target, "kind">, status: LedgerStatus): FindingCode | null {
  if (target.kind === "milestone") return status === "overdue" ? "milestone-overdue" : null;
  if (target.kind === "rate" && (status === "behind" || status === "seriouslyBehind" || status === "overdue")) {
    return "below-threshold";
  }
  return STATUS_FINDING[status] ?? null;
}

/** The numbers the formulas see: numbers stay, text and blanks are ignored (as COUNT and SUM ignore them). */
export function numericMonths(months: readonly unknown[]): MonthlyValue[] {
  return Array.from({ length: 12 }, (_, i) => {
    const v = months[i];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  });
}

/** Every finding for one row at the settings' report month. Never throws. */
export function checkRow(row: LedgerRowInput, settings: LedgerSettings): Finding[] {
  const { target } = row;
  const out: Finding[] = [];
  const at = (month: number | null, cell: string) => ({ targetId: target.id, month, sheet: row.sheet, cell });
  let previous: { month: number; value: number } | null = null;

  for (let month = 1; month <= 12; month++) {
    const cell = row.monthCell(month);
    const reading = readEntry(row.months[month - 1], target);
    const due = month <= settings.reportMonth;
    if (reading.kind === "blank") {
      if (due && target.kind !== "milestone") out.push(finding("missing-entry", at(month, cell), { month }));
      continue;
    }
    if (!due) out.push(finding("future-entry", at(month, cell), { month, reportMonth: settings.reportMonth }));
    if (reading.kind === "text") {
      const params = { month, text: reading.text, unit: target.unit };
      out.push(finding("not-a-number", at(month, cell), params, reading.proposed));
      continue;
    }
    const value = reading.value;
    if (value < 0) {
      out.push(finding("negative-value", at(month, cell), { month, value }));
      continue;
    }
    const rescaled = percentScaleFix(value, target);
    if (rescaled !== null)
      out.push(finding("percent-scale", at(month, cell), { month, value, proposed: rescaled }, rescaled));
    const goal = target.kind === "milestone" ? 100 : (target.max ?? target.value);
    if (goal !== null && goal > 0 && value > OUTLIER_FACTOR * goal && rescaled === null) {
      out.push(finding("outlier", at(month, cell), { month, value, target: goal, unit: target.unit }));
    }
    if (usesLatestValue(target.kind) && target.kind !== "rate" && previous && value < previous.value) {
      out.push(
        finding("decreasing-cumulative", at(month, cell), {
          month,
          value,
          previousMonth: previous.month,
          previous: previous.value,
        }),
      );
    }
    previous = { month, value };
  }

  const computed = computeRow(target, numericMonths(row.months), settings);
  const code = statusFinding(target, computed.status);
  if (code) {
    out.push(
      finding(code, at(settings.reportMonth, row.statusCell), {
        completion: computed.completion === null ? "—" : `${Math.round(computed.completion * 1000) / 10}%`,
        expected: `${Math.round(computed.expected * 1000) / 10}%`,
        target: target.value ?? "",
        unit: target.unit,
      }),
    );
  }
  if (STATUS_LIGHT[computed.status] === "red" && row.problems.trim().length === 0) {
    out.push(finding("narrative-missing", at(settings.reportMonth, row.problemsCell)));
  }
  return out;
}
