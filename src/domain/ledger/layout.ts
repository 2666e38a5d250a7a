/**
 * Where things sit in the ledger workbook: the layout contract other tools rely on (README, "Ledger
 * layout contract"). The add-in, the LibreOffice tests and the later evaluation read a filled ledger
 * back through these constants and labels, never through guessed positions.
 */
import { translator, type Locale, type MessageKey } from "../../i18n";
import type { LedgerStatus } from "./status";
import { LEDGER_STATUSES } from "./status";

/** Version of the layout written to the metadata sheet; bump it when a column moves. */
export const LEDGER_SCHEMA_VERSION = 1;

/** Name of the very-hidden metadata sheet (not translated: machines read it). */
export const META_SHEET = "_meta";

/** 台账 sheet, 0-based columns. */
export const LEDGER_COLUMNS = {
  id: 0,
  task: 1,
  section: 2,
  department: 3,
  target: 4,
  unit: 5,
  kind: 6,
  deadline: 7,
  /** January; month m (1 … 12) is at `firstMonth + m - 1`. */
  firstMonth: 8,
  ytd: 20,
  completion: 21,
  expected: 22,
  status: 23,
  progress: 24,
  problems: 25,
  nextSteps: 26,
} as const;

export const LEDGER_COLUMN_COUNT = 27;

/** 计划 sheet, 0-based columns. */
export const PLAN_COLUMNS = {
  id: 0,
  section: 1,
  item: 2,
  task: 3,
  metric: 4,
  comparator: 5,
  target: 6,
  max: 7,
  unit: 8,
  kind: 9,
  deadline: 10,
  department: 11,
  partners: 12,
} as const;

export const PLAN_COLUMN_COUNT = 13;

/**
 * Rows of the 台账 and 计划 sheets (0-based): title, report line, header, then one row per target.
 * Both sheets use the same rows, so target i sits on row FIRST_DATA_ROW + i of each.
 */
export const TITLE_ROW = 0;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

/** 设置 sheet: values in column B, department list in column E from row 3 (0-based 2). */
export const SETTINGS_ROWS = { year: 2, reportMonth: 3, yellow: 4, red: 5, method: 6 } as const;
export const SETTINGS_VALUE_COLUMN = 1;
export const DEPARTMENT_COLUMN = 4;
export const DEPARTMENT_FIRST_ROW = 2;

/** Names of the sheets in a locale. */
export interface SheetNames {
  cover: string;
  plan: string;
  ledger: string;
  summary: string;
  settings: string;
}

/** Defined names the formulas and highlights read (localized: they show in the Name Manager). */
export interface LedgerNames {
  year: string;
  reportMonth: string;
  yellow: string;
  red: string;
  method: string;
  departments: string;
}

export interface LedgerLabels {
  sheets: SheetNames;
  names: LedgerNames;
  /** The exact text the 状态 formula returns for each status. */
  statuses: Record<LedgerStatus, string>;
  /** "1月" … "12月" (zh-CN), "M1" … "M12" (en-US). */
  months: string[];
  /** The 台账 header row, one label per column. */
  ledgerHeader: string[];
  /** The 计划 header row. */
  planHeader: string[];
}

/** All the labels of a workbook in `locale`: what a reader of a filled ledger looks for. */
export function ledgerLabels(locale: Locale): LedgerLabels {
  const t = translator(locale);
  const months = Array.from({ length: 12 }, (_, i) => t("ledger.month", { n: i + 1 }));
  const statuses = Object.fromEntries(LEDGER_STATUSES.map((s) => [s, t(`ledger.status.${s}` as MessageKey)])) as Record<
    LedgerStatus,
    string
  >;
  const col = (key: string): string => t(`ledger.col.${key}` as MessageKey);
  return {
    sheets: {
      cover: t("ledger.sheet.cover"),
      plan: t("ledger.sheet.plan"),
      ledger: t("ledger.sheet.ledger"),
      summary: t("ledger.sheet.summary"),
      settings: t("ledger.sheet.settings"),
    },
    names: {
      year: t("ledger.name.year"),
      reportMonth: t("ledger.name.reportMonth"),
      yellow: t("ledger.name.yellow"),
      red: t("ledger.name.red"),
      method: t("ledger.name.method"),
      departments: t("ledger.name.departments"),
    },
    statuses,
    months,
    ledgerHeader: [
      ...["id", "task", "section", "department", "target", "unit", "kind", "deadline"].map(col),
      ...months,
      ...["ytd", "completion", "expected", "status", "progress", "problems", "nextSteps"].map(col),
    ],
    planHeader: [
      "id",
      "section",
      "item",
      "task",
      "metric",
      "comparator",
      "target",
      "max",
      "unit",
      "kind",
      "deadline",
      "department",
      "partners",
    ].map(col),
  };
}
