/**
 * Validation of a whole ledger read from a grid (the CLI reads it from an .xlsx file, the task pane from
 * Excel): every finding, sorted, with the department of its row, and the counts the UI and CLI show.
 */
import { computeRow, type LedgerStatus } from "../ledger/status";
import { findCell } from "../workbook/address";
import { checkRow, numericMonths } from "./checkRow";
import { sortFindings, type Finding, type FindingSeverity } from "./findings";
import { readLedger, type WorkbookGrid } from "./readLedger";

export interface DepartmentCounts {
  targets: number;
  errors: number;
  warnings: number;
}

export interface LedgerValidation {
  /** Sorted: errors first, then in row order. */
  findings: Finding[];
  /** 责任单位 of each finding's row, by index in `findings` ("" for findings about the workbook). */
  departments: string[];
  reportMonth: number;
  targets: number;
  counts: Record<FindingSeverity, number>;
  /** How many targets have each status at the report month. */
  statuses: Partial<Record<LedgerStatus, number>>;
  /** Per 责任单位 ("—" when blank): targets, errors, warnings. */
  byDepartment: Record<string, DepartmentCounts>;
}

/**
 * Validates a ledger grid; `month` overrides the report month written in 设置.
 * @throws PlanLedgerError `not-a-ledger` when no sheet has the ledger's header.
 */
export function validateLedgerGrid(grid: WorkbookGrid, file: string, month?: number): LedgerValidation {
  const read = readLedger(grid, file);
  const settings = month === undefined ? read.settings : { ...read.settings, reportMonth: month };
  const statuses: LedgerValidation["statuses"] = {};
  const byDepartment: LedgerValidation["byDepartment"] = {};
  const departmentOf = new Map<string, string>();
  const rowFindings: Finding[] = [];
  for (const row of read.rows) {
    const found = checkRow(row, settings);
    rowFindings.push(...found);
    departmentOf.set(row.target.id, row.department);
    const status = computeRow(row.target, numericMonths(row.months), settings).status;
    statuses[status] = (statuses[status] ?? 0) + 1;
    const dept = (byDepartment[row.department || "—"] ??= { targets: 0, errors: 0, warnings: 0 });
    dept.targets++;
    dept.errors += found.filter((f) => f.severity === "error").length;
    dept.warnings += found.filter((f) => f.severity === "warning").length;
  }
  const findings = sortFindings([...read.layout, ...rowFindings]);
  const count = (s: FindingSeverity) => findings.filter((f) => f.severity === s).length;
  return {
    findings,
    departments: findings.map((f) => (f.targetId === null ? "" : (departmentOf.get(f.targetId) ?? ""))),
    reportMonth: settings.reportMonth,
    targets: read.rows.length,
    counts: { error: count("error"), warning: count("warning"), info: count("info") },
    statuses,
    byDepartment,
  };
}

/** The value a grid holds at `sheet`!`cell` (null when blank or absent). */
export function gridValue(grid: WorkbookGrid, sheet: string, cell: string): unknown {
  const at = findCell(cell);
  if (!at) return null;
  const value = grid.sheets.find((s) => s.name === sheet)?.rows[at.row]?.[at.column];
  return value === undefined || value === "" ? null : value;
}
