/** The 计划 sheet: the targets as the plan states them, and the 责任单位 each is assigned to. */
import type { MessageKey } from "../../i18n";
import type { Comparator } from "../plan/types";
import { rangeAddress } from "../workbook/address";
import type { SheetSpec } from "../workbook/spec";
import type { BuildContext } from "./context";
import { dateSerial, Grid, protection } from "./grid";
import { FIRST_DATA_ROW, HEADER_ROW, PLAN_COLUMN_COUNT, PLAN_COLUMNS as C } from "./layout";

const COMPARATOR_SIGNS: Record<Comparator, string> = { ">=": "≥", "<=": "≤", ">": ">", "=": "=", range: "–" };

const WIDTHS = [7, 18, 18, 40, 20, 6, 9, 9, 8, 9, 11, 16, 20];

export function buildPlanSheet(ctx: BuildContext): SheetSpec {
  const grid = new Grid();
  grid.set(0, 0, ctx.t("ledger.planTitle", { title: ctx.planTitle }), "title");
  grid.line(HEADER_ROW, 0, ctx.labels.planHeader, "header");
  ctx.rows.forEach((row, i) => {
    const r = FIRST_DATA_ROW + i;
    const { target, item } = row;
    grid.set(r, C.id, target.id, "textCenter");
    grid.set(r, C.section, row.sectionLabel, "text");
    grid.set(r, C.item, item.no ? `${item.no}. ${item.title}` : item.title, "text");
    grid.set(r, C.task, target.source || target.metric, "text");
    grid.set(r, C.metric, target.metric, "text");
    grid.set(r, C.comparator, target.kind === "milestone" ? "" : COMPARATOR_SIGNS[target.comparator], "textCenter");
    grid.set(r, C.target, target.value, "number");
    grid.set(r, C.max, target.max, "number");
    grid.set(r, C.unit, target.unit, "textCenter");
    grid.set(r, C.kind, ctx.t(`kind.${target.kind}` as MessageKey), "textCenter");
    grid.set(r, C.deadline, dateSerial(target.deadline), "date");
    grid.set(r, C.department, row.department || null, "inputText");
    grid.set(r, C.partners, row.partners || null, "inputText");
  });
  const last = FIRST_DATA_ROW + ctx.rows.length - 1;
  const hasRows = ctx.rows.length > 0;
  return {
    name: ctx.labels.sheets.plan,
    state: "visible",
    rows: grid.rows,
    columns: Array.from({ length: PLAN_COLUMN_COUNT }, (_, c) => ({ width: WIDTHS[c] ?? 10 })),
    rowHeights: { [HEADER_ROW]: 30 },
    merges: [rangeAddress(0, 0, 0, C.task)],
    frozen: { rows: FIRST_DATA_ROW, columns: 1 },
    validations: hasRows
      ? [
          {
            range: rangeAddress(FIRST_DATA_ROW, C.department, last, C.department),
            rule: { type: "list", source: ctx.labels.names.departments },
            allowBlank: true,
            prompt: {
              title: ctx.t("ledger.validation.department.title"),
              message: ctx.t("ledger.validation.department.prompt"),
            },
            error: {
              style: "stop",
              title: ctx.t("ledger.validation.errorTitle"),
              message: ctx.t("ledger.validation.department.error"),
            },
          },
        ]
      : [],
    conditionalFormats: [],
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
