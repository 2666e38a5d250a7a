/** Test helpers for split and merge: masters and department copies as grids, cells set by target id. */
import type { Locale } from "../../src/i18n";
import { readLedgerState, type LedgerState } from "../../src/domain/exchange/ledgerState";
import { splitMaster } from "../../src/domain/exchange/split";
import { buildLedger, type LedgerOptions } from "../../src/domain/ledger/buildLedger";
import { LEDGER_COLUMNS, PLAN_COLUMNS, ledgerLabels } from "../../src/domain/ledger/layout";
import { planFromJson } from "../../src/domain/plan/planJson";
import type { Plan } from "../../src/domain/plan/types";
import type { WorkbookGrid } from "../../src/domain/progress/readLedger";
import { valuesOfSpec, type ValueSheet } from "../../src/domain/workbook/specGrid";
import { readFixture } from "./planFixtures";

export const GENERATED_AT = "2011-07-01T08:00:00.000Z";
export const MERGED_AT = "2011-07-06T09:30:00.000Z";
export const DEPARTMENTS_FIXTURE = "qingdao-2011-departments.json";

/** The 2011 plan with a 责任单位 on every item (tests/fixtures/plans/qingdao-2011-departments.json). */
export function plan2011WithDepartments(): Plan {
  return planFromJson(readFixture(DEPARTMENTS_FIXTURE), DEPARTMENTS_FIXTURE);
}

export type Grid = { sheets: ValueSheet[] };

export function masterGrid(plan: Plan, options: Partial<LedgerOptions> = {}): Grid {
  return valuesOfSpec(buildLedger(plan, { lang: "zh-CN", reportMonth: 6, generatedAt: GENERATED_AT, ...options }));
}

export function masterState(plan: Plan, options: Partial<LedgerOptions> = {}, file = "主台账.xlsx"): LedgerState {
  return readLedgerState(masterGrid(plan, options), file);
}

/** The department copies of `master` as grids, by department. */
export function copyGrids(master: LedgerState): Map<string, Grid> {
  const out = new Map<string, Grid>();
  for (const copy of splitMaster(master, GENERATED_AT).copies) out.set(copy.department, valuesOfSpec(copy.spec));
  return out;
}

export function sheetOf(grid: WorkbookGrid | Grid, name: string): ValueSheet {
  const sheet = (grid as Grid).sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function rowIndexOf(sheet: ValueSheet, id: string, idColumn = 0): number {
  const r = sheet.rows.findIndex((row, i) => i >= 3 && row[idColumn] === id);
  if (r < 0) throw new Error(`no row ${id} on ${sheet.name}`);
  return r;
}

function put(sheet: ValueSheet, r: number, c: number, value: string | number | null): void {
  const row = sheet.rows[r]!;
  while (row.length <= c) row.push(null);
  row[c] = value;
}

/** Types `value` into month `month` of target `id` on 台账, as a department would. */
export function setMonth(
  grid: Grid,
  id: string,
  month: number,
  value: string | number | null,
  lang: Locale = "zh-CN",
): void {
  const sheet = sheetOf(grid, ledgerLabels(lang).sheets.ledger);
  put(sheet, rowIndexOf(sheet, id), LEDGER_COLUMNS.firstMonth + month - 1, value);
}

export function setNarrative(grid: Grid, id: string, field: "progress" | "problems" | "nextSteps", text: string): void {
  const sheet = sheetOf(grid, "台账");
  put(sheet, rowIndexOf(sheet, id), LEDGER_COLUMNS[field], text);
}

/** Picks a 责任单位 on 计划, as a supervisor does with the drop-down. */
export function assign(grid: Grid, id: string, department: string): void {
  const sheet = sheetOf(grid, "计划");
  put(sheet, rowIndexOf(sheet, id), PLAN_COLUMNS.department, department);
}
