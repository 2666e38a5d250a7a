/**
 * Findings: what the validation of a filled ledger reports. Each has a stable `code`, a severity,
 * where it is (target, month, sheet, cell), the parameters of its message (rendered by the UI and CLI
 * from i18n key "finding.<code>") and, where one is safe, a proposed fix.
 */

export type FindingCode =
  | "not-a-number"
  | "negative-value"
  | "percent-scale"
  | "decreasing-cumulative"
  | "missing-entry"
  | "future-entry"
  | "outlier"
  | "behind-schedule"
  | "seriously-behind"
  | "cap-exceeded"
  | "cap-at-risk"
  | "below-threshold"
  | "milestone-overdue"
  | "narrative-missing"
  | "layout-changed";

export type FindingSeverity = "error" | "warning" | "info";

/** Severity of each code: errors are wrong entries or red rows; warnings need a look. */
export const FINDING_SEVERITY: Record<FindingCode, FindingSeverity> = {
  "not-a-number": "error",
  "negative-value": "error",
  "percent-scale": "warning",
  "decreasing-cumulative": "warning",
  "missing-entry": "warning",
  "future-entry": "warning",
  outlier: "warning",
  "behind-schedule": "warning",
  "seriously-behind": "error",
  "cap-exceeded": "error",
  "cap-at-risk": "warning",
  "below-threshold": "warning",
  "milestone-overdue": "error",
  "narrative-missing": "warning",
  "layout-changed": "warning",
};

/** A safe replacement for one cell's content. */
export interface Fix {
  sheet: string;
  cell: string;
  value: number;
}

export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  /** `null` for findings about the workbook as a whole (layout). */
  targetId: string | null;
  /** 1 … 12, or `null` when the finding is about the row, not a month. */
  month: number | null;
  sheet: string;
  /** A1 address, "" when the finding is about a whole sheet. */
  cell: string;
  params: Record<string, string | number>;
  fix: Fix | null;
}

export function finding(
  code: FindingCode,
  where: Pick<Finding, "targetId" | "month" | "sheet" | "cell">,
  params: Record<string, string | number> = {},
  fixValue: number | null = null,
): Finding {
  return {
    code,
    severity: FINDING_SEVERITY[code],
    ...where,
    params,
    fix: fixValue === null ? null : { sheet: where.sheet, cell: where.cell, value: fixValue },
  };
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by sheet, row order of targets as given, month. Stable. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
