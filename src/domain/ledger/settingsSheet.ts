/** The 设置 sheet: the cells every formula and highlight reads through defined names. */
import { cellAddress } from "../workbook/address";
import type { DefinedNameSpec, SheetSpec, ValidationSpec } from "../workbook/spec";
import type { BuildContext } from "./context";
import { Grid, protection } from "./grid";
import { DEPARTMENT_COLUMN, DEPARTMENT_FIRST_ROW, SETTINGS_ROWS, SETTINGS_VALUE_COLUMN } from "./layout";

const V = SETTINGS_VALUE_COLUMN;

export function buildSettingsSheet(ctx: BuildContext): SheetSpec {
  const t = ctx.t;
  const grid = new Grid();
  grid.set(0, 0, t("ledger.settingsTitle"), "title");
  grid.line(1, 0, [t("ledger.settings.item"), t("ledger.settings.value"), t("ledger.settings.note")], "header");
  const rows: Array<[number, string, string | number, string]> = [
    [SETTINGS_ROWS.year, t("ledger.yearLabel"), ctx.settings.year, t("ledger.settings.yearNote")],
    [
      SETTINGS_ROWS.reportMonth,
      t("ledger.reportMonthLabel"),
      ctx.settings.reportMonth,
      t("ledger.settings.reportMonthNote"),
    ],
    [SETTINGS_ROWS.yellow, ctx.labels.names.yellow, ctx.settings.yellow, t("ledger.settings.yellowNote")],
    [SETTINGS_ROWS.red, ctx.labels.names.red, ctx.settings.red, t("ledger.settings.redNote")],
    [
      SETTINGS_ROWS.method,
      t("ledger.col.expected"),
      t("ledger.settings.methodMonthly"),
      t("ledger.settings.methodNote"),
    ],
  ];
  for (const [r, label, value, note] of rows) {
    grid.set(r, 0, label, "cellText");
    grid.set(r, V, value, "input");
    grid.set(r, 2, note, "note");
  }
  grid.set(DEPARTMENT_FIRST_ROW - 1, DEPARTMENT_COLUMN, t("ledger.settings.departments"), "header");
  for (let i = 0; i < ctx.departmentCapacity; i++) {
    grid.set(DEPARTMENT_FIRST_ROW + i, DEPARTMENT_COLUMN, ctx.departments[i] ?? null, "inputText");
  }
  const value = (row: number): string => cellAddress(row, V);
  const whole = (row: number, min: number, max: number, error: string, prompt?: string): ValidationSpec => ({
    range: value(row),
    rule: { type: "whole", operator: "between", formula1: min, formula2: max },
    allowBlank: false,
    ...(prompt ? { prompt: { title: t("ledger.settings.value"), message: prompt } } : {}),
    error: { style: "stop", title: t("ledger.validation.errorTitle"), message: error },
  });
  // Each threshold bounded by the other, so 黄灯 ≤ 红灯 always holds.
  const threshold = (row: number, min: number | string, max: number | string): ValidationSpec => ({
    range: value(row),
    rule: { type: "decimal", operator: "between", formula1: min, formula2: max },
    allowBlank: false,
    prompt: { title: t("ledger.settings.value"), message: t("ledger.validation.threshold.prompt") },
    error: { style: "stop", title: t("ledger.validation.errorTitle"), message: t("ledger.validation.threshold.error") },
  });
  return {
    name: ctx.labels.sheets.settings,
    state: "visible",
    tabColor: "7F7F7F",
    rows: grid.rows,
    columns: [{ width: 16 }, { width: 10 }, { width: 60 }, { width: 3 }, { width: 24 }],
    merges: [],
    validations: [
      whole(SETTINGS_ROWS.year, 1900, 2100, t("ledger.validation.year.error")),
      whole(SETTINGS_ROWS.reportMonth, 1, 12, t("ledger.validation.month.error"), t("ledger.validation.month.prompt")),
      threshold(SETTINGS_ROWS.yellow, 0, ctx.labels.names.red),
      threshold(SETTINGS_ROWS.red, ctx.labels.names.yellow, 100),
      {
        range: value(SETTINGS_ROWS.method),
        rule: { type: "list", source: [t("ledger.settings.methodMonthly")] },
        allowBlank: false,
      },
    ],
    conditionalFormats: [],
    protection: protection(ctx),
  };
}

/** The defined names: settings cells and the department list, absolute and sheet-qualified. */
export function settingsNames(ctx: BuildContext): DefinedNameSpec[] {
  const s = ctx.quoted.settings;
  const ref = (row: number): string => `${s}!${cellAddress(row, V, true)}`;
  const n = ctx.labels.names;
  const lastDept = DEPARTMENT_FIRST_ROW + ctx.departmentCapacity - 1;
  return [
    { name: n.year, ref: ref(SETTINGS_ROWS.year) },
    { name: n.reportMonth, ref: ref(SETTINGS_ROWS.reportMonth) },
    { name: n.yellow, ref: ref(SETTINGS_ROWS.yellow) },
    { name: n.red, ref: ref(SETTINGS_ROWS.red) },
    { name: n.method, ref: ref(SETTINGS_ROWS.method) },
    {
      name: n.departments,
      ref: `${s}!${cellAddress(DEPARTMENT_FIRST_ROW, DEPARTMENT_COLUMN, true)}:${cellAddress(lastDept, DEPARTMENT_COLUMN, true)}`,
    },
  ];
}
