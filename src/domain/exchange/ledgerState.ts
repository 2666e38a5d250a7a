/**
 * A ledger workbook read back into what `buildLedger` needs to write it again: the plan it carries in
 * `_meta`, the settings, the 责任单位 picked on 计划, the entries and narratives of 台账, the change
 * log. Split and merge both rebuild workbooks from this, so a copy or a merged master is the same
 * workbook the generator writes, never a patched file.
 */
import type { Locale } from "../../i18n";
import { PlanLedgerError } from "../errors";
import type { LedgerOptions, Narrative } from "../ledger/context";
import { META_EXCHANGE_COLUMN } from "../ledger/coverSheets";
import { planFingerprint } from "../ledger/fingerprint";
import {
  DEPARTMENT_COLUMN,
  DEPARTMENT_FIRST_ROW,
  LEDGER_COLUMNS,
  META_SHEET,
  PLAN_COLUMNS,
  type LedgerLabels,
} from "../ledger/layout";
import type { MonthlyValue } from "../ledger/status";
import { planFromJson } from "../plan/planJson";
import type { Plan } from "../plan/types";
import { readLedger, type GridSheet, type LedgerRead, type WorkbookGrid } from "../progress/readLedger";
import { readChangeLog, type ChangeLogEntry } from "./changeLog";

export type NarrativeField = keyof Narrative;
export const NARRATIVE_FIELDS: readonly NarrativeField[] = ["progress", "problems", "nextSteps"];

export interface LedgerState {
  file: string;
  plan: Plan;
  /** `planFingerprint(plan)`: what a returned copy must carry. */
  fingerprint: string;
  lang: Locale;
  year: number;
  reportMonth: number;
  thresholds: { yellow: number; red: number };
  generatedAt: string;
  /** "" for the master, the 责任单位 for a department copy. */
  department: string;
  /** The 责任单位 list of 设置, in order. */
  departments: string[];
  /** 责任单位 of each target as 计划 shows it ("" = none). */
  assignments: Record<string, string>;
  /** Monthly cells as entered (numbers, text, or null), index 0 = January. */
  monthly: Record<string, MonthlyValue[]>;
  narratives: Record<string, Narrative>;
  changeLog: ChangeLogEntry[];
  /** How the workbook was read: rows, labels, layout findings. */
  read: LedgerRead;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** A monthly cell as the ledger keeps it: numbers as numbers, anything else typed as text. */
export function monthlyValue(value: unknown): MonthlyValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const s = String(value);
  return s.trim() === "" ? null : s;
}

/** The `_meta` exchange block (columns F:G) as key → value. */
export function readExchangeFacts(grid: WorkbookGrid): Map<string, unknown> {
  const facts = new Map<string, unknown>();
  const meta = grid.sheets.find((s) => s.name === META_SHEET);
  for (const row of meta?.rows ?? []) {
    const key = cellText(row[META_EXCHANGE_COLUMN]);
    if (key) facts.set(key, row[META_EXCHANGE_COLUMN + 1] ?? null);
  }
  return facts;
}

/**
 * The plan a ledger carries in its metadata, or `null` when it carries none (made before plans were
 * embedded, or its _meta sheet was lost).
 * @throws PlanLedgerError from `planFromJson` when the parts do not join into a valid plan JSON.
 */
export function findEmbeddedPlan(grid: WorkbookGrid, file: string): Plan | null {
  const facts = readExchangeFacts(grid);
  const parts = Number(facts.get("planJson.parts"));
  if (!Number.isInteger(parts) || parts < 1) return null;
  let json = "";
  for (let i = 1; i <= parts; i++) json += String(facts.get(`planJson.${i}`) ?? "");
  return planFromJson(json, file);
}

/** Columns of a header row found by text, as readLedger does (departments insert columns). */
function headerColumns(
  sheet: GridSheet,
  labels: readonly string[],
  required: string,
): { row: number; cols: number[] } | null {
  for (let r = 0; r < Math.min(12, sheet.rows.length); r++) {
    const cells = (sheet.rows[r] ?? []).map(cellText);
    if (cells.includes(required)) return { row: r, cols: labels.map((l) => cells.indexOf(l)) };
  }
  return null;
}

/** Target id → its row's cells, on a sheet whose header holds `labels`, for the columns asked. */
export function readColumnsById(
  sheet: GridSheet | undefined,
  idLabel: string,
  wanted: readonly string[],
): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  if (!sheet) return out;
  const found = headerColumns(sheet, [idLabel, ...wanted], idLabel);
  if (!found) return out;
  const [idCol, ...cols] = found.cols;
  for (let r = found.row + 1; r < sheet.rows.length; r++) {
    const id = cellText(sheet.rows[r]?.[idCol!]);
    if (!id || out.has(id)) continue;
    out.set(
      id,
      cols.map((c) => (c >= 0 ? (sheet.rows[r]?.[c] ?? null) : null)),
    );
  }
  return out;
}

/** Narratives of the 台账 sheet by target id (blank ones left out). */
export function readNarratives(grid: WorkbookGrid, read: LedgerRead): Record<string, Narrative> {
  const labels = read.labels;
  const sheet = grid.sheets.find((s) => s.name === read.ledgerSheet);
  const h = labels.ledgerHeader;
  const wanted = [h[LEDGER_COLUMNS.progress]!, h[LEDGER_COLUMNS.problems]!, h[LEDGER_COLUMNS.nextSteps]!];
  const out: Record<string, Narrative> = {};
  for (const [id, [progress, problems, nextSteps]] of readColumnsById(sheet, h[LEDGER_COLUMNS.id]!, wanted)) {
    const n = { progress: cellText(progress), problems: cellText(problems), nextSteps: cellText(nextSteps) };
    if (n.progress || n.problems || n.nextSteps) out[id] = n;
  }
  return out;
}

function readAssignments(grid: WorkbookGrid, labels: LedgerLabels): Record<string, string> {
  const sheet = grid.sheets.find((s) => s.name === labels.sheets.plan);
  const h = labels.planHeader;
  const out: Record<string, string> = {};
  for (const [id, [dept]] of readColumnsById(sheet, h[PLAN_COLUMNS.id]!, [h[PLAN_COLUMNS.department]!])) {
    out[id] = cellText(dept);
  }
  return out;
}

function readDepartmentList(grid: WorkbookGrid, labels: LedgerLabels): string[] {
  const sheet = grid.sheets.find((s) => s.name === labels.sheets.settings);
  const names: string[] = [];
  for (let r = DEPARTMENT_FIRST_ROW; r < (sheet?.rows.length ?? 0); r++) {
    const name = cellText(sheet!.rows[r]?.[DEPARTMENT_COLUMN]);
    if (name) names.push(name);
  }
  return [...new Set(names)];
}

/**
 * Reads a ledger workbook (master or department copy) for split and merge.
 * @throws PlanLedgerError `not-a-ledger`, `exchange-no-meta`, `exchange-no-plan`, `exchange-not-master` (a
 *   department copy, which carries no plan), or a plan JSON error.
 */
export function readLedgerState(grid: WorkbookGrid, file: string): LedgerState {
  const read = readLedger(grid, file);
  if (!grid.sheets.some((s) => s.name === META_SHEET)) throw new PlanLedgerError("exchange-no-meta", { file });
  const plan = findEmbeddedPlan(grid, file);
  if (!plan) {
    // Department copies carry no plan: say what the file is rather than that something is missing.
    const department = read.meta.department ?? "";
    if (department) throw new PlanLedgerError("exchange-not-master", { file, department });
    throw new PlanLedgerError("exchange-no-plan", { file });
  }
  const monthly: Record<string, MonthlyValue[]> = {};
  for (const row of read.rows) {
    const values = row.months.map(monthlyValue);
    if (values.some((v) => v !== null))
      monthly[row.target.id] = Array.from({ length: 12 }, (_, i) => values[i] ?? null);
  }
  return {
    file,
    plan,
    fingerprint: planFingerprint(plan),
    lang: read.meta.lang === "en-US" ? "en-US" : "zh-CN",
    year: read.settings.year,
    reportMonth: read.settings.reportMonth,
    thresholds: { yellow: read.settings.yellow, red: read.settings.red },
    generatedAt: read.meta.generatedAt ?? "",
    department: read.meta.department ?? "",
    departments: readDepartmentList(grid, read.labels),
    assignments: readAssignments(grid, read.labels),
    monthly,
    narratives: readNarratives(grid, read),
    changeLog: readChangeLog(grid),
    read,
  };
}

/** The buildLedger options that write `state` again (a department copy adds `department` and `targetIds`). */
export function ledgerOptionsOf(state: LedgerState): LedgerOptions {
  return {
    lang: state.lang,
    reportMonth: state.reportMonth,
    year: state.year,
    generatedAt: state.generatedAt,
    thresholds: state.thresholds,
    departments: state.departments,
    assignments: state.assignments,
    monthly: state.monthly,
    narratives: state.narratives,
    ...(state.department ? { department: state.department } : {}),
  };
}
