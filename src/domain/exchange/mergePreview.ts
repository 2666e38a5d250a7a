/**
 * Merge, step 1: what each returned department copy would change in the master, and what it may not.
 * Nothing is applied here (applyMerge.ts does that, all at once).
 *
 * Rules, in the order they are checked for each file:
 * - refused whole (nothing taken from it, other files still merge): not a ledger, no `_meta`, another
 *   year, another plan (fingerprint), not a department copy, or any entry error (text in a number
 *   cell, a negative figure — checkRow's `not-a-number` / `negative-value` — typed into the copy, not
 *   one the master already held);
 * - a blank cell never erases a value of the master (a department clears nothing by leaving it blank);
 * - conflicts, reported and not applied: a change to a row that is not the department's own (责任单位
 *   in the master's 计划); a change to a **closed month** — a month before the master's report month
 *   that already holds a value in the master (late first entries are welcome, rewrites of reported
 *   months are the supervisor's to make); two files of one department with different changes (neither
 *   is applied; identical files count once);
 * - status findings (behind, over cap …) never refuse a file: they are what the merge is meant to show.
 */
import type { ErrorCode, ErrorParams } from "../errors";
import { isPlanLedgerError } from "../errors";
import { META_SHEET } from "../ledger/layout";
import { listTargets, type Target } from "../plan/types";
import { checkRow } from "../progress/checkRow";
import type { Finding } from "../progress/findings";
import { readLedger, type WorkbookGrid } from "../progress/readLedger";
import type { CellValue } from "../workbook/spec";
import { monthlyValue, NARRATIVE_FIELDS, readNarratives, type LedgerState, type NarrativeField } from "./ledgerState";
import { ownerOf } from "./split";

/** Entry findings that make a file unusable as a whole. */
const REFUSING_CODES: ReadonlySet<string> = new Set(["not-a-number", "negative-value"]);
/** Entry findings worth showing in the preview without refusing. */
const WARNING_CODES: ReadonlySet<string> = new Set([
  "percent-scale",
  "decreasing-cumulative",
  "future-entry",
  "outlier",
]);

export interface Change {
  file: string;
  department: string;
  targetId: string;
  /** 1 … 12 for a monthly figure, `null` for a narrative. */
  month: number | null;
  narrative: NarrativeField | null;
  old: CellValue;
  new: CellValue;
}

export type ConflictKind = "not-own-row" | "closed-month" | "same-department";

export interface Conflict {
  kind: ConflictKind;
  file: string;
  department: string;
  /** The change held back (`null` for same-department, which holds back whole files). */
  change: Change | null;
  /** 责任单位 of the row in the master (not-own-row). */
  owner: string;
  /** The files involved (same-department). */
  files: string[];
}

export interface Refusal {
  file: string;
  code: ErrorCode;
  params: ErrorParams;
  /** The entry errors that refused it (exchange-entry-errors). */
  findings: Finding[];
}

export interface FileReport {
  file: string;
  department: string;
  /** The copy's own report month (设置). */
  reportMonth: number;
  /** Columns inserted, rows moved …: read anyway, shown to the user. */
  layout: Finding[];
  warnings: Finding[];
  changes: Change[];
  conflicts: Conflict[];
}

export interface DepartmentPreview {
  department: string;
  files: string[];
  reportMonth: number;
  /** What would be applied. */
  changes: Change[];
  conflicts: Conflict[];
}

export interface MergePreview {
  master: string;
  /** Every file read, accepted or not, in the order given. */
  files: string[];
  reports: FileReport[];
  refused: Refusal[];
  departments: DepartmentPreview[];
  /** 未报送: departments responsible for a row that have no accepted file. */
  missing: string[];
  /** Everything that would be applied, in file order. */
  changes: Change[];
  conflicts: Conflict[];
}

function refusal(file: string, code: ErrorCode, params: ErrorParams, findings: Finding[] = []): Refusal {
  return { file, code, params, findings };
}

/** Reads one returned file against the master: a report of its changes, or why it is refused. */
export function analyzeReturn(master: LedgerState, file: string, grid: WorkbookGrid): FileReport | Refusal {
  let read;
  try {
    read = readLedger(grid, file);
  } catch (error) {
    if (isPlanLedgerError(error)) return refusal(file, error.code, error.params);
    throw error;
  }
  if (!grid.sheets.some((s) => s.name === META_SHEET)) return refusal(file, "exchange-no-meta", { file });
  const year = Number(read.meta.year);
  if (year !== master.year) {
    return refusal(file, "exchange-other-year", { file, found: read.meta.year ?? "—", expected: master.year });
  }
  if (read.meta.planFingerprint !== master.fingerprint) {
    return refusal(file, "exchange-other-plan", {
      file,
      found: read.meta.planFingerprint ?? "—",
      expected: master.fingerprint,
    });
  }
  const department = (read.meta.department ?? "").trim();
  if (!department) return refusal(file, "exchange-not-department-copy", { file });

  const targets = new Map<string, Target>(listTargets(master.plan).map(({ target }) => [target.id, target]));
  const rows = read.rows.flatMap((row) => {
    const target = targets.get(row.target.id);
    return target ? [{ ...row, target }] : [];
  });
  const findings = rows.flatMap((row) => checkRow(row, read.settings));
  // A wrong entry the master already holds (split into the copy) is not the department's doing.
  const typedHere = (f: Finding): boolean => {
    const row = rows.find((r) => r.target.id === f.targetId);
    if (!row || f.month === null) return true;
    return monthlyValue(row.months[f.month - 1]) !== (master.monthly[row.target.id]?.[f.month - 1] ?? null);
  };
  const errors = findings.filter((f) => REFUSING_CODES.has(f.code) && typedHere(f));
  if (errors.length > 0) return refusal(file, "exchange-entry-errors", { file, count: errors.length }, errors);

  const narratives = readNarratives(grid, read);
  const changes: Change[] = [];
  const conflicts: Conflict[] = [];
  const propose = (change: Change, closed: boolean): void => {
    const owner = ownerOf(master, change.targetId);
    if (owner !== department) conflicts.push({ kind: "not-own-row", file, department, change, owner, files: [file] });
    else if (closed) conflicts.push({ kind: "closed-month", file, department, change, owner, files: [file] });
    else changes.push(change);
  };
  for (const row of rows) {
    const id = row.target.id;
    const before = master.monthly[id] ?? [];
    for (let m = 1; m <= 12; m++) {
      const next = monthlyValue(row.months[m - 1]);
      const old = before[m - 1] ?? null;
      if (next === null || next === old) continue;
      const closed = m < master.reportMonth && old !== null;
      propose({ file, department, targetId: id, month: m, narrative: null, old, new: next }, closed);
    }
    for (const field of NARRATIVE_FIELDS) {
      const next = narratives[id]?.[field] ?? "";
      const old = master.narratives[id]?.[field] ?? "";
      if (next === "" || next === old) continue;
      propose({ file, department, targetId: id, month: null, narrative: field, old: old || null, new: next }, false);
    }
  }
  return {
    file,
    department,
    reportMonth: read.settings.reportMonth,
    layout: read.layout,
    warnings: findings.filter((f) => WARNING_CODES.has(f.code)),
    changes,
    conflicts,
  };
}

export function isRefusal(result: FileReport | Refusal): result is Refusal {
  return "code" in result;
}

/** What a file would do, without its name: two files of a department that do the same are one. */
function effect(report: FileReport): string {
  const strip = (c: Change | null) => (c ? { ...c, file: "" } : null);
  return JSON.stringify([
    report.changes.map(strip),
    report.conflicts.map((c) => ({ ...c, file: "", files: [], change: strip(c.change) })),
  ]);
}

/** The preview of merging the analysed files into `master`. */
export function previewMerge(master: LedgerState, results: ReadonlyArray<FileReport | Refusal>): MergePreview {
  const refused = results.filter(isRefusal);
  const reports = results.filter((r): r is FileReport => !isRefusal(r));
  const byDepartment = new Map<string, FileReport[]>();
  for (const r of reports) byDepartment.set(r.department, [...(byDepartment.get(r.department) ?? []), r]);

  const departments: DepartmentPreview[] = [];
  for (const [department, group] of byDepartment) {
    const files = group.map((r) => r.file);
    const same = group.every((r) => effect(r) === effect(group[0]!));
    const first = group[0]!;
    departments.push({
      department,
      files,
      reportMonth: first.reportMonth,
      changes: same ? first.changes : [],
      conflicts: same
        ? first.conflicts
        : [{ kind: "same-department", file: files.join("、"), department, change: null, owner: department, files }],
    });
  }
  const owners = [...new Set(listTargets(master.plan).map(({ target }) => ownerOf(master, target.id)))].filter(Boolean);
  return {
    master: master.file,
    files: results.map((r) => r.file),
    reports,
    refused,
    departments,
    missing: owners.filter((d) => !byDepartment.has(d)),
    changes: departments.flatMap((d) => d.changes),
    conflicts: departments.flatMap((d) => d.conflicts),
  };
}
