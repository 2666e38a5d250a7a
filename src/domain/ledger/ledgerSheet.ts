/** The 台账 sheet: one row per target, monthly input cells, computed year-to-date, completion and status. */
import type { MessageKey } from "../../i18n";
import { cellAddress, columnLetter, rangeAddress } from "../workbook/address";
import type { ConditionalFormatSpec, SheetSpec, ValidationSpec } from "../workbook/spec";
import type { BuildContext, LedgerRow } from "./context";
import { completionFormula, expectedFormula, statusFormula, statusTestFormula, ytdFormula } from "./formulas";
import { COLOURS, dateSerial, Grid, protection } from "./grid";
import { FIRST_DATA_ROW, HEADER_ROW, LEDGER_COLUMN_COUNT, LEDGER_COLUMNS as C, PLAN_COLUMNS } from "./layout";
import { STATUS_LIGHT, LEDGER_STATUSES, type LedgerStatus } from "./status";

/** How a row's monthly cells are filled in, which decides their input rule and prompt. */
export type InputGroup = "amount" | "balance" | "rate" | "milestone";

export function inputGroup(row: Pick<LedgerRow, "target">): InputGroup {
  const { kind, unit } = row.target;
  if (kind === "milestone") return "milestone";
  if (kind === "rate") return unit === "%" ? "rate" : "balance";
  return kind === "balance-increase" ? "balance" : "amount";
}

const WIDTHS: Record<number, number> = {
  [C.id]: 7,
  [C.task]: 40,
  [C.section]: 16,
  [C.department]: 14,
  [C.target]: 9,
  [C.unit]: 8,
  [C.kind]: 9,
  [C.deadline]: 11,
  [C.ytd]: 10,
  [C.completion]: 9,
  [C.expected]: 9,
  [C.status]: 10,
  [C.progress]: 30,
  [C.problems]: 24,
  [C.nextSteps]: 24,
};

function validationFor(group: InputGroup, range: string, ctx: BuildContext): ValidationSpec {
  const t = ctx.t;
  const percent = group === "rate" || group === "milestone";
  return {
    range,
    rule: percent
      ? { type: "decimal", operator: "between", formula1: 0, formula2: 100 }
      : { type: "decimal", operator: "greaterThanOrEqual", formula1: 0 },
    allowBlank: true,
    prompt: {
      title: t(`ledger.validation.${group}.title` as MessageKey),
      message: t(`ledger.validation.${group}.prompt` as MessageKey),
    },
    error: {
      style: "stop",
      title: t("ledger.validation.errorTitle"),
      message: t(percent ? "ledger.validation.percent.error" : "ledger.validation.number.error"),
    },
  };
}

/** One validation per run of consecutive rows with the same input rule: per range, never per cell. */
export function monthlyValidations(ctx: BuildContext): ValidationSpec[] {
  const out: ValidationSpec[] = [];
  let start = 0;
  for (let i = 1; i <= ctx.rows.length; i++) {
    const group = inputGroup(ctx.rows[start]!);
    if (i < ctx.rows.length && inputGroup(ctx.rows[i]!) === group) continue;
    const range = rangeAddress(FIRST_DATA_ROW + start, C.firstMonth, FIRST_DATA_ROW + i - 1, C.firstMonth + 11);
    out.push(validationFor(group, range, ctx));
    start = i;
  }
  return out;
}

/** Highlights in priority order red, yellow, green: each status has one colour, so rules never overlap. */
export function statusHighlights(range: string, firstRow: number, ctx: BuildContext): ConditionalFormatSpec {
  const with_ = (light: "red" | "yellow" | "green"): string[] =>
    LEDGER_STATUSES.filter((s: LedgerStatus) => STATUS_LIGHT[s] === light).map((s) => ctx.labels.statuses[s]);
  return {
    range,
    rules: [
      {
        formula: statusTestFormula(with_("red"), firstRow),
        style: { fill: COLOURS.redFill, fontColor: COLOURS.redFont },
        stopIfTrue: true,
      },
      {
        formula: statusTestFormula(with_("yellow"), firstRow),
        style: { fill: COLOURS.yellowFill, fontColor: COLOURS.yellowFont },
        stopIfTrue: true,
      },
      {
        formula: statusTestFormula(with_("green"), firstRow),
        style: { fill: COLOURS.greenFill, fontColor: COLOURS.greenFont },
        stopIfTrue: true,
      },
    ],
  };
}

function writeRow(grid: Grid, r: number, row: LedgerRow, ctx: BuildContext): void {
  const { target, computed } = row;
  const fctx = { row: r, names: ctx.labels.names, statuses: ctx.labels.statuses };
  const planDept = `${ctx.quoted.plan}!$${columnLetter(PLAN_COLUMNS.department)}${r + 1}`;
  grid.set(r, C.id, target.id, "textCenter");
  grid.set(r, C.task, target.source || target.metric, "text");
  grid.set(r, C.section, row.sectionLabel, "text");
  // Typed once, on 计划: the ledger shows it.
  grid.set(r, C.department, row.department, "formulaText", `IF(${planDept}="","",${planDept})`);
  grid.set(r, C.target, target.kind === "milestone" ? null : target.value, "number");
  grid.set(r, C.unit, target.unit, "textCenter");
  grid.set(r, C.kind, ctx.t(`kind.${target.kind}` as MessageKey), "textCenter");
  grid.set(r, C.deadline, dateSerial(target.deadline), "date");
  for (let m = 0; m < 12; m++) {
    const v = row.monthly[m];
    grid.set(r, C.firstMonth + m, v === undefined ? null : v, "input");
  }
  grid.set(r, C.ytd, computed.ytd ?? "", "number", ytdFormula(target, fctx));
  grid.set(r, C.completion, computed.completion ?? "", "percent", completionFormula(target, fctx));
  const expected = expectedFormula(target, fctx);
  grid.set(r, C.expected, computed.expected, "percent", expected ?? undefined);
  grid.set(r, C.status, ctx.labels.statuses[computed.status], "status", statusFormula(target, fctx));
  const n = row.narrative;
  grid.set(r, C.progress, n?.progress || null, "inputText");
  grid.set(r, C.problems, n?.problems || null, "inputText");
  grid.set(r, C.nextSteps, n?.nextSteps || null, "inputText");
}

export function buildLedgerSheet(ctx: BuildContext): SheetSpec {
  const grid = new Grid();
  const names = ctx.labels.names;
  grid.set(0, 0, ctx.t("ledger.title", { title: ctx.planTitle }), "title");
  grid.set(1, 0, ctx.t("ledger.reportMonthLabel"), "label");
  grid.set(1, 2, ctx.settings.reportMonth, "labelValue", names.reportMonth);
  grid.set(1, 3, ctx.t("ledger.yearLabel"), "label");
  grid.set(1, 5, ctx.settings.year, "labelValue", names.year);
  grid.line(HEADER_ROW, 0, ctx.labels.ledgerHeader, "header");
  ctx.rows.forEach((row, i) => writeRow(grid, FIRST_DATA_ROW + i, row, ctx));

  const last = FIRST_DATA_ROW + ctx.rows.length - 1;
  const hasRows = ctx.rows.length > 0;
  const columns = Array.from({ length: LEDGER_COLUMN_COUNT }, (_, c) => ({ width: WIDTHS[c] ?? 7 }));
  return {
    name: ctx.labels.sheets.ledger,
    state: "visible",
    tabColor: "2F75B5",
    rows: grid.rows,
    columns,
    rowHeights: { [HEADER_ROW]: 30 },
    merges: [rangeAddress(0, 0, 0, C.deadline), rangeAddress(1, 0, 1, 1), rangeAddress(1, 3, 1, 4)],
    frozen: { rows: FIRST_DATA_ROW, columns: C.task + 1 },
    autoFilter: `${cellAddress(HEADER_ROW, 0)}:${cellAddress(Math.max(last, HEADER_ROW), LEDGER_COLUMN_COUNT - 1)}`,
    validations: hasRows ? monthlyValidations(ctx) : [],
    conditionalFormats: hasRows
      ? [
          statusHighlights(rangeAddress(FIRST_DATA_ROW, C.id, last, C.id), FIRST_DATA_ROW, ctx),
          statusHighlights(rangeAddress(FIRST_DATA_ROW, C.ytd, last, C.status), FIRST_DATA_ROW, ctx),
        ]
      : [],
    protection: protection(ctx),
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: `1:${HEADER_ROW + 1}`,
    },
  };
}
