/** The validation step's view of a check: findings grouped by severity, then by department, with fixes. */
import type { Finding, FindingSeverity } from "../domain/progress/findings";
import type { WorkbookGrid } from "../domain/progress/readLedger";
import { gridValue, type LedgerValidation } from "../domain/progress/validateLedger";
import type { FixRequest } from "../excel/validationPort";

export interface FindingView {
  /** Unique within a check. */
  key: string;
  finding: Finding;
  /** 责任单位 of the finding's row; "" for findings about the workbook or a row without one. */
  department: string;
  /** The cell's value when it was checked (null when blank). */
  seen: unknown;
}

export interface DepartmentGroup {
  department: string;
  items: FindingView[];
}

export interface SeverityGroup {
  severity: FindingSeverity;
  count: number;
  departments: DepartmentGroup[];
}

export const SEVERITIES: readonly FindingSeverity[] = ["error", "warning", "info"];

export function findingViews(validation: LedgerValidation, grid: WorkbookGrid): FindingView[] {
  return validation.findings.map((finding, i) => ({
    key: `${i}:${finding.code}:${finding.sheet}!${finding.cell}`,
    finding,
    department: validation.departments[i] ?? "",
    seen: finding.cell ? gridValue(grid, finding.sheet, finding.cell) : null,
  }));
}

/** Severity groups that have findings, errors first; departments in order of first appearance. */
export function groupFindings(views: readonly FindingView[]): SeverityGroup[] {
  return SEVERITIES.map((severity) => {
    const departments = new Map<string, FindingView[]>();
    for (const view of views) {
      if (view.finding.severity !== severity) continue;
      const list = departments.get(view.department) ?? [];
      list.push(view);
      departments.set(view.department, list);
    }
    const groups = [...departments].map(([department, items]) => ({ department, items }));
    return { severity, count: groups.reduce((n, g) => n + g.items.length, 0), departments: groups };
  }).filter((g) => g.count > 0);
}

export function fixRequest(view: FindingView): FixRequest | null {
  const fix = view.finding.fix;
  return fix ? { sheet: fix.sheet, cell: fix.cell, value: fix.value, seen: view.seen } : null;
}

/** Every proposed fix, one per cell. */
export function safeFixes(views: readonly FindingView[]): FixRequest[] {
  const byCell = new Map<string, FixRequest>();
  for (const view of views) {
    const fix = fixRequest(view);
    if (fix && !byCell.has(`${fix.sheet}!${fix.cell}`)) byCell.set(`${fix.sheet}!${fix.cell}`, fix);
  }
  return [...byCell.values()];
}

/** "台账!K7", or the sheet alone for a finding about a whole sheet. */
export function where(sheet: string, cell: string): string {
  return cell ? `${sheet}!${cell}` : sheet;
}
