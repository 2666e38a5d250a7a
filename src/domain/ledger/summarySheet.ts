/**
 * The 汇总 sheet: per section and per 责任单位, how many targets are in each status, as COUNTIFS
 * over the 台账 状态 column. The status columns' header cells hold the exact status texts and serve as
 * the COUNTIFS criteria, so the counts follow the ledger in whatever language it was written.
 */
import { cellAddress, columnLetter } from "../workbook/address";
import type { SheetSpec } from "../workbook/spec";
import type { BuildContext, LedgerRow } from "./context";
import { Grid, protection } from "./grid";
import { DEPARTMENT_COLUMN, DEPARTMENT_FIRST_ROW, FIRST_DATA_ROW, LEDGER_COLUMNS } from "./layout";
import { excelRound, LEDGER_STATUSES } from "./status";

/** Columns: label, count, one per status, share done. */
const COUNT_COL = 1;
const FIRST_STATUS_COL = 2;
const SHARE_COL = FIRST_STATUS_COL + LEDGER_STATUSES.length;

export const SUMMARY_SECTION_HEADER_ROW = 3;

interface Block {
  grid: Grid;
  ctx: BuildContext;
  /** Absolute references to whole ledger columns. */
  ledger: { id: string; section: string; department: string; status: string };
}

function ledgerColumn(ctx: BuildContext, column: number): string {
  const last = Math.max(FIRST_DATA_ROW, FIRST_DATA_ROW + ctx.rows.length - 1);
  const letter = columnLetter(column);
  return `${ctx.quoted.ledger}!$${letter}$${FIRST_DATA_ROW + 1}:$${letter}$${last + 1}`;
}

function header(b: Block, row: number, first: string): void {
  const statuses = LEDGER_STATUSES.map((s) => b.ctx.labels.statuses[s]);
  b.grid.line(
    row,
    0,
    [first, b.ctx.t("ledger.summary.count"), ...statuses, b.ctx.t("ledger.summary.doneShare")],
    "header",
  );
}

function share(done: number, count: number): number | string {
  return count === 0 ? "" : excelRound(done / count, 4);
}

function shareFormula(row: number, guard?: string): string {
  const b = cellAddress(row, COUNT_COL);
  const c = cellAddress(row, FIRST_STATUS_COL);
  const test = guard ? `OR(${guard},${b}=0)` : `${b}=0`;
  return `IF(${test},"",ROUND(${c}/${b},4))`;
}

/** Status counts of `rows`, in LEDGER_STATUSES order. */
function counts(rows: readonly LedgerRow[]): number[] {
  return LEDGER_STATUSES.map((s) => rows.filter((r) => r.computed.status === s).length);
}

/** A row counting the ledger rows whose `column` equals the label in column A. */
function countRow(
  b: Block,
  row: number,
  headerRow: number,
  column: string,
  rows: LedgerRow[],
  guard: { guarded: boolean; empty: boolean },
): void {
  const label = `$A${row + 1}`;
  const { guarded, empty } = guard;
  const wrap = (f: string): string => (guarded ? `IF(${label}="","",${f})` : f);
  b.grid.set(row, COUNT_COL, empty ? "" : rows.length, "cellNumber", wrap(`COUNTIF(${column},${label})`));
  counts(rows).forEach((n, i) => {
    const criterion = `${columnLetter(FIRST_STATUS_COL + i)}$${headerRow + 1}`;
    const f = wrap(`COUNTIFS(${column},${label},${b.ledger.status},${criterion})`);
    b.grid.set(row, FIRST_STATUS_COL + i, empty ? "" : n, "cellNumber", f);
  });
  const done = rows.filter((r) => r.computed.status === "done").length;
  b.grid.set(
    row,
    SHARE_COL,
    empty ? "" : share(done, rows.length),
    "cellPercent",
    shareFormula(row, guarded ? `${label}=""` : undefined),
  );
}

export function buildSummarySheet(ctx: BuildContext): SheetSpec {
  const grid = new Grid();
  const t = ctx.t;
  const b: Block = {
    grid,
    ctx,
    ledger: {
      id: ledgerColumn(ctx, LEDGER_COLUMNS.id),
      section: ledgerColumn(ctx, LEDGER_COLUMNS.section),
      department: ledgerColumn(ctx, LEDGER_COLUMNS.department),
      status: ledgerColumn(ctx, LEDGER_COLUMNS.status),
    },
  };
  grid.set(0, 0, t("ledger.summaryTitle", { title: ctx.planTitle }), "title");
  grid.set(1, 0, t("ledger.reportMonthLabel"), "label");
  grid.set(1, 1, ctx.settings.reportMonth, "label", ctx.labels.names.reportMonth);

  // By section.
  grid.set(2, 0, t("ledger.summary.bySection"), "heading");
  const sh = SUMMARY_SECTION_HEADER_ROW;
  header(b, sh, ctx.labels.ledgerHeader[LEDGER_COLUMNS.section]!);
  const sections = [...new Set(ctx.rows.map((r) => r.sectionLabel))];
  sections.forEach((label, i) => {
    grid.set(sh + 1 + i, 0, label, "cellText");
    countRow(
      b,
      sh + 1 + i,
      sh,
      b.ledger.section,
      ctx.rows.filter((r) => r.sectionLabel === label),
      {
        guarded: false,
        empty: false,
      },
    );
  });
  const totalRow = sh + 1 + sections.length;
  grid.set(totalRow, 0, t("ledger.summary.total"), "cellTotalText");
  const all = [ctx.rows.length, ...counts(ctx.rows)];
  all.forEach((n, i) => {
    const c = columnLetter(COUNT_COL + i);
    const f = sections.length > 0 ? `SUM(${c}${sh + 2}:${c}${totalRow})` : "0";
    grid.set(totalRow, COUNT_COL + i, n, "cellTotal", f);
  });
  const doneAll = ctx.rows.filter((r) => r.computed.status === "done").length;
  grid.set(totalRow, SHARE_COL, share(doneAll, ctx.rows.length), "cellTotalPercent", shareFormula(totalRow));

  // By 责任单位: one row per entry of the 设置 department list, blank while the entry is blank.
  const dh = totalRow + 3;
  grid.set(dh - 1, 0, t("ledger.summary.byDepartment"), "heading");
  header(b, dh, ctx.labels.ledgerHeader[LEDGER_COLUMNS.department]!);
  for (let i = 0; i < ctx.departmentCapacity; i++) {
    const r = dh + 1 + i;
    const name = ctx.departments[i] ?? "";
    const source = `${ctx.quoted.settings}!${cellAddress(DEPARTMENT_FIRST_ROW + i, DEPARTMENT_COLUMN, true)}`;
    grid.set(r, 0, name, "cellFormulaText", `IF(${source}="","",${source})`);
    const rows = name === "" ? [] : ctx.rows.filter((x) => x.department === name);
    countRow(b, r, dh, b.ledger.department, rows, { guarded: true, empty: name === "" });
  }
  // Targets with no unit from the list: everything not counted above.
  const ur = dh + 1 + ctx.departmentCapacity;
  const first = dh + 2;
  const unassigned = ctx.rows.filter((r) => !ctx.departments.includes(r.department));
  grid.set(ur, 0, t("ledger.summary.unassigned"), "cellText");
  const sumAbove = (c: string): string => `SUM(${c}${first}:${c}${ur})`;
  grid.set(ur, COUNT_COL, unassigned.length, "cellNumber", `COUNTA(${b.ledger.id})-${sumAbove("B")}`);
  counts(unassigned).forEach((n, i) => {
    const c = columnLetter(FIRST_STATUS_COL + i);
    grid.set(ur, FIRST_STATUS_COL + i, n, "cellNumber", `COUNTIF(${b.ledger.status},${c}$${dh + 1})-${sumAbove(c)}`);
  });
  const doneU = unassigned.filter((r) => r.computed.status === "done").length;
  grid.set(ur, SHARE_COL, share(doneU, unassigned.length), "cellPercent", shareFormula(ur));

  return {
    name: ctx.labels.sheets.summary,
    state: "visible",
    tabColor: "548235",
    rows: grid.rows,
    columns: [{ width: 36 }, ...Array.from({ length: SHARE_COL }, () => ({ width: 10 }))],
    rowHeights: { [sh]: 30, [dh]: 30 },
    merges: [],
    frozen: { rows: 0, columns: 1 },
    validations: [],
    conditionalFormats: [],
    protection: protection(ctx),
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: 1, fitToHeight: 0 },
  };
}
