/**
 * Split: one department copy per 责任单位 of the master, each with only that department's rows and
 * the same sheets, rules, highlights and protection (they are rebuilt by buildLedger, not cut out of
 * the master). Rows with no 责任单位 go to nobody and are reported.
 */
import { translator } from "../../i18n";
import { PlanLedgerError } from "../errors";
import { buildLedger } from "../ledger/buildLedger";
import { listTargets } from "../plan/types";
import type { WorkbookSpec } from "../workbook/spec";
import { ledgerOptionsOf, type LedgerState } from "./ledgerState";

export interface DepartmentCopy {
  department: string;
  /** Suggested file name: 工作台账-2011-市金融办-6月.xlsx. */
  fileName: string;
  targetIds: string[];
  spec: WorkbookSpec;
}

export interface SplitResult {
  copies: DepartmentCopy[];
  /** Targets no department is responsible for, in plan order: sent to nobody. */
  unassigned: string[];
}

/** Characters Windows, macOS or a mail client refuse in a file name become "_". */
export function safeFileNamePart(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim() || "_";
}

/** Each target's 责任单位 in the master: 计划's pick, else the plan's. */
export function ownerOf(state: LedgerState, targetId: string): string {
  return (state.assignments[targetId] ?? "").trim();
}

/**
 * The department copies of a master ledger, in order of first appearance of each department.
 * `password` protects their sheets (a file's password cannot be read back from it, so it is passed in).
 * @throws PlanLedgerError `exchange-not-master` when `master` is itself a department copy.
 */
export function splitMaster(master: LedgerState, generatedAt: string, password?: string): SplitResult {
  if (master.department) {
    throw new PlanLedgerError("exchange-not-master", { file: master.file, department: master.department });
  }
  const t = translator(master.lang);
  const byDepartment = new Map<string, string[]>();
  const unassigned: string[] = [];
  for (const { target } of listTargets(master.plan)) {
    const owner = ownerOf(master, target.id);
    if (!owner) unassigned.push(target.id);
    else byDepartment.set(owner, [...(byDepartment.get(owner) ?? []), target.id]);
  }
  const copies = [...byDepartment].map(([department, targetIds]): DepartmentCopy => {
    const spec = buildLedger(master.plan, {
      ...ledgerOptionsOf(master),
      generatedAt,
      department,
      targetIds,
      embedPlan: false,
      ...(password ? { password } : {}),
    });
    const fileName = t("exchange.fileName", {
      year: master.year,
      department: safeFileNamePart(department),
      month: master.reportMonth,
    });
    return { department, fileName, targetIds, spec };
  });
  return { copies, unassigned };
}
