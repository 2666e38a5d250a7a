/**
 * buildLedger: a plan in, the whole ledger workbook described out (WorkbookSpec). Pure: the renderers
 * in src/xlsx (ExcelJS) and src/excel (Office.js) apply the description as it is.
 */
import { translator } from "../../i18n";
import { PlanLedgerError } from "../errors";
import { listTargets, type Plan } from "../plan/types";
import { quoteSheet } from "../workbook/address";
import type { WorkbookSpec } from "../workbook/spec";
import type { BuildContext, LedgerOptions, LedgerRow } from "./context";
import { buildCoverSheet, buildMetaSheet } from "./coverSheets";
import { planFingerprint } from "./fingerprint";
import { LEDGER_STYLES } from "./grid";
import { ledgerLabels } from "./layout";
import { buildLedgerSheet } from "./ledgerSheet";
import { buildPlanSheet } from "./planSheet";
import { buildSettingsSheet, settingsNames } from "./settingsSheet";
import { computeRow, DEFAULT_THRESHOLDS, type LedgerSettings } from "./status";
import { buildSummarySheet } from "./summarySheet";

export type { LedgerOptions } from "./context";

/** Room left in the 责任单位 list for names a supervisor adds later. */
const SPARE_DEPARTMENT_ROWS = 20;

/** Longest section label: COUNTIFS criteria stop at 255 characters in Excel. */
const MAX_LABEL = 100;

/**
 * The 部分 text of a section, which 汇总 also uses as a COUNTIFS criterion: so never blank, never
 * longer than a criterion may be, and without the characters a criterion reads as wildcards or
 * comparisons (* ? ~, a leading = < >), which become their full-width forms.
 */
export function sectionLabel(no: string, title: string, fallback: string): string {
  const text = !no ? title || fallback : /^\d+$/.test(no) ? `${no}. ${title}` : `${no}、${title}`;
  const safe = text
    .replace(/[*?~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
    .replace(/^[=<>]/, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  return safe.length > MAX_LABEL ? `${safe.slice(0, MAX_LABEL - 1)}…` : safe;
}

/** Plan departments first (in order of appearance), then the caller's, without repeats or blanks. */
function departmentList(plan: Plan, options: LedgerOptions): string[] {
  const names: string[] = [];
  for (const section of plan.sections) for (const item of section.items) names.push(...item.departments);
  if (options.department) names.push(options.department);
  names.push(...(options.departments ?? []));
  // Last, so that a list read back from 设置 and passed as `departments` keeps its order.
  names.push(...Object.values(options.assignments ?? {}));
  return [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))];
}

/** @throws PlanLedgerError "bad-month" when `options.reportMonth` is not a whole number 1 … 12. */
export function assertValidLedgerOptions(options: LedgerOptions): void {
  const m = options.reportMonth;
  if (!Number.isInteger(m) || m < 1 || m > 12) throw new PlanLedgerError("bad-month", { value: String(m) });
}

/**
 * The ledger workbook for `plan`: 说明, 计划, 台账, 汇总, 设置 and a very-hidden metadata sheet.
 * Every formula cell carries the value a spreadsheet computes for it (./status.ts).
 * @throws PlanLedgerError "bad-month" when the report month is not 1 … 12.
 */
export function buildLedger(plan: Plan, options: LedgerOptions): WorkbookSpec {
  assertValidLedgerOptions(options);
  const t = translator(options.lang);
  const labels = ledgerLabels(options.lang);
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const settings: LedgerSettings = {
    year: options.year ?? plan.year,
    reportMonth: options.reportMonth,
    yellow: thresholds.yellow,
    red: thresholds.red,
  };
  const only = options.targetIds ? new Set(options.targetIds) : null;
  const rows: LedgerRow[] = listTargets(plan)
    .filter(({ target }) => only === null || only.has(target.id))
    .map(({ target, item, section }) => {
      const monthly = options.monthly?.[target.id] ?? [];
      return {
        target,
        item,
        section,
        sectionLabel: sectionLabel(section.no, section.title, plan.title || "—"),
        department: options.assignments?.[target.id] ?? item.departments[0] ?? options.department ?? "",
        partners: [...item.departments.slice(1), ...item.partners].join("、"),
        monthly,
        narrative: options.narratives?.[target.id],
        computed: computeRow(target, monthly, settings),
      };
    });
  const departments = departmentList(plan, options);
  const ctx: BuildContext = {
    t,
    labels,
    settings,
    options,
    planTitle: plan.title,
    plan,
    rows,
    departments,
    departmentCapacity: departments.length + SPARE_DEPARTMENT_ROWS,
    quoted: {
      plan: quoteSheet(labels.sheets.plan),
      ledger: quoteSheet(labels.sheets.ledger),
      settings: quoteSheet(labels.sheets.settings),
    },
  };
  const sheets = [
    buildCoverSheet(ctx),
    buildPlanSheet(ctx),
    buildLedgerSheet(ctx),
    buildSummarySheet(ctx),
    buildSettingsSheet(ctx),
    buildMetaSheet(ctx, planFingerprint(plan)),
  ];
  return {
    sheets,
    styles: LEDGER_STYLES,
    definedNames: settingsNames(ctx),
    properties: {
      title: t("ledger.title", { title: plan.title }),
      creator: t("app.name"),
      created: options.generatedAt,
    },
    fullCalcOnLoad: true,
    activeSheet: 2,
  };
}
