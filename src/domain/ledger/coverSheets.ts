/** The 说明 cover sheet (for people) and the very-hidden metadata sheet (for programs). */
import type { MessageKey } from "../../i18n";
import { toPlanJson } from "../plan/planJson";
import type { Plan } from "../plan/types";
import type { SheetSpec } from "../workbook/spec";
import type { BuildContext } from "./context";
import { Grid, protection } from "./grid";
import { FIRST_DATA_ROW, HEADER_ROW, LEDGER_SCHEMA_VERSION, META_SHEET } from "./layout";
import { LEDGER_STATUSES } from "./status";

export function buildCoverSheet(ctx: BuildContext): SheetSpec {
  const t = ctx.t;
  const grid = new Grid();
  let r = 0;
  grid.set(r++, 0, t("ledger.cover.title"), "title");
  r++;
  const facts: Array<[string, string | number, string?]> = [
    [t("ledger.cover.plan"), ctx.planTitle],
    [t("ledger.cover.year"), ctx.settings.year, ctx.labels.names.year],
    [t("ledger.cover.reportMonth"), ctx.settings.reportMonth, ctx.labels.names.reportMonth],
    [t("ledger.cover.targets"), ctx.rows.length],
    [t("ledger.cover.generatedAt"), ctx.options.generatedAt],
  ];
  if (ctx.options.department) facts.push([t("ledger.cover.department"), ctx.options.department]);
  for (const [label, value, formula] of facts) {
    grid.set(r, 0, label, "label");
    grid.set(r++, 1, value, typeof value === "string" ? "cellText" : "cellNumber", formula);
  }
  r++;
  grid.set(r++, 0, t("ledger.cover.howTo"), "heading");
  for (const key of ["step1", "step2", "step3", "step4", "step5"]) {
    grid.set(r++, 0, t(`ledger.cover.${key}` as MessageKey), "note");
  }
  r++;
  grid.set(r++, 0, t("ledger.cover.legend"), "heading");
  const legend: Array<[string, MessageKey]> = [
    ["legendRed", "ledger.cover.legendRed"],
    ["legendYellow", "ledger.cover.legendYellow"],
    ["legendGreen", "ledger.cover.legendGreen"],
    ["legendInput", "ledger.cover.legendInput"],
  ];
  for (const [style, key] of legend) grid.set(r++, 0, t(key), style);
  r++;
  grid.set(r++, 0, t("ledger.cover.statuses"), "heading");
  for (const s of LEDGER_STATUSES) {
    grid.set(r, 0, ctx.labels.statuses[s], "label");
    grid.set(r++, 1, t(`ledger.statusHelp.${s}` as MessageKey), "note");
  }
  r++;
  grid.set(r++, 0, t("ledger.cover.protection"), "note");
  return {
    name: ctx.labels.sheets.cover,
    state: "visible",
    tabColor: "C00000",
    rows: grid.rows,
    columns: [{ width: 34 }, { width: 90 }],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protection: protection(ctx),
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: 1, fitToHeight: 0 },
  };
}

/**
 * The metadata sheet, very hidden: key/value rows, then the row ↔ target-id map of the 台账 sheet
 * (1-based sheet rows, as a spreadsheet shows them). Keys are English and stable: programs read them.
 */
export function buildMetaSheet(ctx: BuildContext, fingerprint: string): SheetSpec {
  const grid = new Grid();
  const facts: Array<[string, string | number]> = [
    ["format", "plan-ledger/ledger"],
    ["schemaVersion", LEDGER_SCHEMA_VERSION],
    ["planFingerprint", fingerprint],
    ["planTitle", ctx.planTitle],
    ["year", ctx.settings.year],
    ["lang", ctx.options.lang],
    ["generatedAt", ctx.options.generatedAt],
    ["department", ctx.options.department ?? ""],
    ["ledgerSheet", ctx.labels.sheets.ledger],
    ["headerRow", HEADER_ROW + 1],
    ["firstDataRow", FIRST_DATA_ROW + 1],
    ["targetCount", ctx.rows.length],
  ];
  facts.forEach(([k, v], i) => grid.line(i, 0, [k, v]));
  // The exchange block (columns F:G) carries what a department copy or a merge rebuilds the workbook
  // from. Beside, not among, the facts above, so the row ↔ target map keeps its row.
  exchangeFacts(ctx).forEach(([k, v], i) => grid.line(i, META_EXCHANGE_COLUMN, [k, v]));
  const mapRow = facts.length + 1;
  grid.line(mapRow, 0, ["row", "targetId", "parentId", "kind"]);
  ctx.rows.forEach((row, i) => {
    grid.line(mapRow + 1 + i, 0, [FIRST_DATA_ROW + 1 + i, row.target.id, row.target.parent ?? "", row.target.kind]);
  });
  return {
    name: META_SHEET,
    state: "veryHidden",
    rows: grid.rows,
    columns: [{ width: 16 }, { width: 40 }, { width: 10 }, { width: 18 }, { width: 4 }, { width: 16 }, { width: 40 }],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protection: protection(ctx),
  };
}

/** Column (0-based) of the meta sheet's exchange block keys; the values are in the next column. */
export const META_EXCHANGE_COLUMN = 5;

/** Excel keeps at most 32,767 characters in a cell; the plan JSON is cut into parts below that. */
export const PLAN_JSON_CHUNK = 30000;

/**
 * The plan with its keys in the schema's order and without diagnostics: a plan read back from the JSON
 * (zod orders keys by schema) then writes the very same text, so rebuilding a workbook changes nothing.
 */
function canonicalPlan(plan: Plan): Plan {
  return {
    title: plan.title,
    year: plan.year,
    sections: plan.sections.map((s) => ({
      no: s.no,
      title: s.title,
      items: s.items.map((i) => ({
        no: i.no,
        title: i.title,
        text: i.text,
        departments: i.departments,
        partners: i.partners,
        targets: i.targets.map((t) => ({
          id: t.id,
          metric: t.metric,
          comparator: t.comparator,
          value: t.value,
          max: t.max,
          unit: t.unit,
          kind: t.kind,
          deadline: t.deadline,
          parent: t.parent,
          source: t.source,
          line: t.line,
        })),
        line: i.line,
      })),
      line: s.line,
    })),
    diagnostics: [],
  };
}

/**
 * reportMonth, and the plan as its saved JSON (diagnostics left out: the ledger does not show them)
 * in parts `planJson.1`, `planJson.2` … after `planJson.parts`.
 */
function exchangeFacts(ctx: BuildContext): Array<[string, string | number]> {
  if (ctx.options.embedPlan === false) return [["reportMonth", ctx.settings.reportMonth]];
  const json = JSON.stringify(toPlanJson(canonicalPlan(ctx.plan), () => ""));
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += PLAN_JSON_CHUNK) parts.push(json.slice(i, i + PLAN_JSON_CHUNK));
  return [
    ["reportMonth", ctx.settings.reportMonth],
    ["planJson.parts", parts.length],
    ...parts.map((part, i): [string, string] => [`planJson.${i + 1}`, part]),
  ];
}

/** Row of the meta sheet where the row ↔ target map's header sits (0-based). */
export const META_MAP_HEADER_ROW = 13;
