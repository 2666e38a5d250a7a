/**
 * Reads a filled ledger back from a grid of cell values (what src/xlsx or src/excel read from a
 * workbook). Columns are found by their header text and rows by target id, never by position alone:
 * a department that inserted a column or moved rows still gets its entries read, and the change is
 * reported as `layout-changed`.
 */
import { cellAddress } from "../workbook/address";
import { PlanLedgerError } from "../errors";
import type { Comparator, Target, TargetKind } from "../plan/types";
import { TARGET_KINDS } from "../plan/types";
import {
  LEDGER_COLUMNS,
  META_SHEET,
  SETTINGS_ROWS,
  SETTINGS_VALUE_COLUMN,
  ledgerLabels,
  type LedgerLabels,
} from "../ledger/layout";
import { DEFAULT_THRESHOLDS, type LedgerSettings } from "../ledger/status";
import type { LedgerRowInput } from "./checkRow";
import { finding, type Finding } from "./findings";
import { translator } from "../../i18n";

export interface GridSheet {
  name: string;
  /** Cell values from A1; numbers, strings, booleans, dates or null. */
  rows: ReadonlyArray<ReadonlyArray<unknown>>;
}

export interface WorkbookGrid {
  sheets: readonly GridSheet[];
}

export interface LedgerRead {
  ledgerSheet: string;
  labels: LedgerLabels;
  settings: LedgerSettings;
  rows: LedgerRowInput[];
  /** `layout-changed` findings: what moved and how it was found anyway. */
  layout: Finding[];
  meta: Record<string, string>;
}

const LABELS = [ledgerLabels("zh-CN"), ledgerLabels("en-US")];
const SIGN_TO_COMPARATOR: Record<string, Comparator> = {
  "≥": ">=",
  "≤": "<=",
  ">": ">",
  "=": "=",
  "–": "range",
  "": "=",
};
const HEADER_SEARCH_ROWS = 12;
/** 计划 shows kinds in the workbook's language; the metadata map is preferred, this is the fallback. */
const KIND_BY_LABEL = new Map<string, TargetKind>(
  (["zh-CN", "en-US"] as const).flatMap((locale) =>
    TARGET_KINDS.map((k) => [translator(locale)(`kind.${k}`), k] as const),
  ),
);

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

function cellAt(sheet: GridSheet, row: number, column: number): unknown {
  return sheet.rows[row]?.[column] ?? null;
}

/** An Excel date serial (1900 system) or a Date or "YYYY-MM-DD" as an ISO date; "" when none. */
export function isoFromCell(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" && Number.isFinite(value)) {
    return new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86400000).toISOString().slice(0, 10);
  }
  const s = text(value);
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : "";
}

interface HeaderMatch {
  row: number;
  columns: Map<string, number>;
}

function findHeader(sheet: GridSheet, header: readonly string[], required: readonly string[]): HeaderMatch | null {
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); r++) {
    const cells = (sheet.rows[r] ?? []).map(text);
    if (!required.every((label) => cells.includes(label))) continue;
    const columns = new Map<string, number>();
    for (const label of header) {
      const c = cells.indexOf(label);
      if (c >= 0) columns.set(label, c);
    }
    return { row: r, columns };
  }
  return null;
}

function locateLedger(grid: WorkbookGrid): { sheet: GridSheet; labels: LedgerLabels; header: HeaderMatch } | null {
  for (const labels of LABELS) {
    const required = [labels.ledgerHeader[LEDGER_COLUMNS.id]!, labels.months[0]!, labels.months[11]!];
    const byName = grid.sheets.find((s) => s.name === labels.sheets.ledger);
    const candidates = byName ? [byName, ...grid.sheets.filter((s) => s !== byName)] : grid.sheets;
    for (const sheet of candidates) {
      const header = findHeader(sheet, labels.ledgerHeader, required);
      if (header) return { sheet, labels, header };
    }
  }
  return null;
}

function readMeta(grid: WorkbookGrid): { facts: Record<string, string>; kinds: Map<string, TargetKind> } {
  const facts: Record<string, string> = {};
  const kinds = new Map<string, TargetKind>();
  const meta = grid.sheets.find((s) => s.name === META_SHEET);
  if (!meta) return { facts, kinds };
  let inMap = false;
  for (const row of meta.rows) {
    const [a, b, , d] = [text(row[0]), text(row[1]), text(row[2]), text(row[3])];
    if (a === "row" && b === "targetId") {
      inMap = true;
      continue;
    }
    if (inMap && b) {
      if ((TARGET_KINDS as readonly string[]).includes(d)) kinds.set(b, d as TargetKind);
    } else if (!inMap && a) {
      facts[a] = b;
    }
  }
  return { facts, kinds };
}

/** Targets from the 计划 sheet (its columns found by header text), with kinds from the metadata map. */
function readTargets(grid: WorkbookGrid, labels: LedgerLabels, kinds: Map<string, TargetKind>): Map<string, Target> {
  const targets = new Map<string, Target>();
  const sheet = grid.sheets.find((s) => s.name === labels.sheets.plan);
  if (!sheet) return targets;
  const h = labels.planHeader;
  const header = findHeader(sheet, h, [h[0]!]);
  if (!header) return targets;
  const col = (i: number): number => header.columns.get(h[i]!) ?? -1;
  const [cId, cMetric, cCmp, cValue, cMax, cUnit, cKind, cDeadline] = [0, 4, 5, 6, 7, 8, 9, 10].map(col);
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const id = text(cellAt(sheet, r, cId!));
    if (!id) continue;
    const number = (c: number): number | null => {
      const v = cellAt(sheet, r, c);
      return typeof v === "number" ? v : null;
    };
    const kind = kinds.get(id) ?? KIND_BY_LABEL.get(text(cellAt(sheet, r, cKind!))) ?? "cumulative";
    targets.set(id, {
      id,
      metric: text(cellAt(sheet, r, cMetric!)),
      comparator: SIGN_TO_COMPARATOR[text(cellAt(sheet, r, cCmp!))] ?? ">=",
      value: number(cValue!),
      max: number(cMax!),
      unit: text(cellAt(sheet, r, cUnit!)),
      kind,
      deadline: isoFromCell(cellAt(sheet, r, cDeadline!)) || `${new Date().getFullYear()}-12-31`,
      parent: null,
      source: "",
      line: 0,
    });
  }
  return targets;
}

/** What column A of 设置 says for each setting, in either language (the labels, or the names). */
const SETTING_LABELS = (["zh-CN", "en-US"] as const).map((locale) => {
  const t = translator(locale);
  const names = ledgerLabels(locale).names;
  return {
    year: [t("ledger.yearLabel"), names.year],
    reportMonth: [t("ledger.reportMonthLabel"), names.reportMonth],
    yellow: [names.yellow],
    red: [names.red],
  };
});

function readSettings(grid: WorkbookGrid, labels: LedgerLabels, meta: Record<string, string>): LedgerSettings {
  const sheet = grid.sheets.find((s) => s.name === labels.sheets.settings);
  // By label first (a row may have been inserted), then at the row the layout puts it.
  const setting = (key: keyof (typeof SETTING_LABELS)[number], row: number): number | null => {
    const wanted = SETTING_LABELS.flatMap((l) => l[key]);
    const found = sheet?.rows.find((r) => wanted.includes(text(r[0])))?.[SETTINGS_VALUE_COLUMN];
    const v = found ?? (sheet ? cellAt(sheet, row, SETTINGS_VALUE_COLUMN) : null);
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const year = setting("year", SETTINGS_ROWS.year) ?? (Number(meta.year) || new Date().getFullYear());
  const month = setting("reportMonth", SETTINGS_ROWS.reportMonth);
  return {
    year,
    reportMonth: month !== null && month >= 1 && month <= 12 ? Math.round(month) : 12,
    yellow: setting("yellow", SETTINGS_ROWS.yellow) ?? DEFAULT_THRESHOLDS.yellow,
    red: setting("red", SETTINGS_ROWS.red) ?? DEFAULT_THRESHOLDS.red,
  };
}

/**
 * Reads a filled ledger.
 * @throws PlanLedgerError `not-a-ledger` when no sheet has the ledger's header (编号 and 1月 … 12月).
 */
export function readLedger(grid: WorkbookGrid, file: string): LedgerRead {
  const located = locateLedger(grid);
  if (!located) throw new PlanLedgerError("not-a-ledger", { file });
  const { sheet, labels, header } = located;
  const layout: Finding[] = [];
  const where = (cell: string) => ({ targetId: null, month: null, sheet: sheet.name, cell });
  const { facts, kinds } = readMeta(grid);
  if (Object.keys(facts).length === 0) layout.push(finding("layout-changed", where(""), { what: "metadata-missing" }));
  if (sheet.name !== labels.sheets.ledger) {
    layout.push(
      finding("layout-changed", where(""), {
        what: "sheet-renamed",
        expected: labels.sheets.ledger,
        found: sheet.name,
      }),
    );
  }
  const expectedHeaderRow = Number(facts.headerRow) - 1;
  if (Number.isFinite(expectedHeaderRow) && expectedHeaderRow >= 0 && header.row !== expectedHeaderRow) {
    layout.push(finding("layout-changed", where(cellAddress(header.row, 0)), { what: "rows-moved" }));
  }
  let moved: { label: string; column: number } | null = null;
  labels.ledgerHeader.forEach((label, expectedColumn) => {
    const found = header.columns.get(label);
    if (found === undefined) {
      layout.push(
        finding("layout-changed", where(cellAddress(header.row, expectedColumn)), {
          what: "column-missing",
          column: label,
        }),
      );
    } else if (found !== expectedColumn && moved === null) {
      moved = { label, column: found };
    }
  });
  if (moved !== null) {
    const { label, column } = moved;
    layout.push(
      finding("layout-changed", where(cellAddress(header.row, column)), { what: "columns-moved", column: label }),
    );
  }

  const targets = readTargets(grid, labels, kinds);
  const col = (label: string): number => header.columns.get(label) ?? -1;
  const idCol = col(labels.ledgerHeader[LEDGER_COLUMNS.id]!);
  const monthCols = labels.months.map(col);
  const statusCol = col(labels.ledgerHeader[LEDGER_COLUMNS.status]!);
  const problemsCol = col(labels.ledgerHeader[LEDGER_COLUMNS.problems]!);
  const departmentCol = col(labels.ledgerHeader[LEDGER_COLUMNS.department]!);
  const rows: LedgerRowInput[] = [];
  const seen = new Set<string>();
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const id = text(cellAt(sheet, r, idCol));
    if (!id) continue;
    const target = targets.get(id);
    if (!target || seen.has(id)) {
      layout.push(
        finding("layout-changed", where(cellAddress(r, idCol)), {
          what: target ? "row-duplicated" : "unknown-target",
          id,
        }),
      );
      continue;
    }
    seen.add(id);
    rows.push({
      target,
      months: monthCols.map((c) => (c >= 0 ? cellAt(sheet, r, c) : null)),
      problems: text(cellAt(sheet, r, problemsCol)),
      department: text(cellAt(sheet, r, departmentCol)),
      sheet: sheet.name,
      monthCell: (m) => (monthCols[m - 1]! >= 0 ? cellAddress(r, monthCols[m - 1]!) : ""),
      statusCell: statusCol >= 0 ? cellAddress(r, statusCol) : "",
      problemsCell: problemsCol >= 0 ? cellAddress(r, problemsCol) : "",
    });
  }
  for (const id of targets.keys()) {
    if (!seen.has(id)) layout.push(finding("layout-changed", where(""), { what: "row-missing", id }));
  }
  return { ledgerSheet: sheet.name, labels, settings: readSettings(grid, labels, facts), rows, layout, meta: facts };
}
