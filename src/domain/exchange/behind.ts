/**
 * Who is behind after a merge: per 责任单位, the rows whose status has a yellow or red light (滞后,
 * 严重滞后, 超限, 预警, 逾期), with the same arithmetic as the workbook's 状态 column.
 */
import { computeRow, STATUS_LIGHT, type LedgerStatus } from "../ledger/status";
import { listTargets } from "../plan/types";
import type { LedgerState } from "./ledgerState";
import { ownerOf } from "./split";

export interface DepartmentShortfall {
  /** "" for rows nobody is responsible for. */
  department: string;
  targets: Array<{ targetId: string; status: LedgerStatus; light: "red" | "yellow" }>;
}

/** Departments with at least one yellow or red row, in plan order; red rows first within each. */
export function shortfallsByDepartment(state: LedgerState): DepartmentShortfall[] {
  const settings = { year: state.year, reportMonth: state.reportMonth, ...state.thresholds };
  const out = new Map<string, DepartmentShortfall>();
  for (const { target } of listTargets(state.plan)) {
    const { status } = computeRow(target, state.monthly[target.id] ?? [], settings);
    const light = STATUS_LIGHT[status];
    if (light !== "red" && light !== "yellow") continue;
    const department = ownerOf(state, target.id);
    const entry = out.get(department) ?? { department, targets: [] };
    entry.targets.push({ targetId: target.id, status, light });
    out.set(department, entry);
  }
  return [...out.values()].map((d) => ({
    ...d,
    targets: [...d.targets.filter((t) => t.light === "red"), ...d.targets.filter((t) => t.light === "yellow")],
  }));
}
