/**
 * The 变更记录 (change log) sheet of a merged master: one line per value a merge changed, with the
 * value it replaced, so no entered value is ever lost. Each merge keeps the earlier lines and adds its
 * own; the sheet is written only once there is something in it.
 */
import { translator, type Locale } from "../../i18n";
import { Grid } from "../ledger/grid";
import type { CellValue, SheetSpec } from "../workbook/spec";
import type { WorkbookGrid } from "../progress/readLedger";

export interface ChangeLogEntry {
  /** ISO timestamp of the merge. */
  when: string;
  file: string;
  department: string;
  targetId: string;
  /** The month (1 … 12), or the header of the narrative column changed (进展情况 …). */
  month: number | string;
  old: CellValue;
  new: CellValue;
}

const TITLE_ROW = 0;
const HEADER_ROW = 2;
const COLUMNS = ["when", "file", "department", "target", "month", "old", "new"] as const;
const WIDTHS = [20, 36, 16, 8, 10, 24, 24];

export function changeLogHeader(locale: Locale): string[] {
  const t = translator(locale);
  return COLUMNS.map((c) => t(`ledger.changeLog.col.${c}`));
}

function changeLogNames(): string[] {
  return (["zh-CN", "en-US"] as const).map((l) => translator(l)("ledger.sheet.changeLog"));
}

/** The change log's sheet name in `locale`. */
export function changeLogSheetName(locale: Locale): string {
  return translator(locale)("ledger.sheet.changeLog");
}

function cellValue(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** The entries of a workbook's change log (either language), oldest first; none when it has no log. */
export function readChangeLog(grid: WorkbookGrid): ChangeLogEntry[] {
  const names = changeLogNames();
  const sheet = grid.sheets.find((s) => names.includes(s.name));
  if (!sheet) return [];
  const entries: ChangeLogEntry[] = [];
  for (let r = HEADER_ROW + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const [when, file, department, targetId, month, old, next] = COLUMNS.map((_, c) => cellValue(row[c]));
    if (when === null && targetId === null) continue;
    entries.push({
      when: String(when ?? ""),
      file: String(file ?? ""),
      department: String(department ?? ""),
      targetId: String(targetId ?? ""),
      month: typeof month === "number" ? month : String(month ?? ""),
      old: old ?? null,
      new: next ?? null,
    });
  }
  return entries;
}

/** The 变更记录 sheet holding `entries`, protected like every other sheet. */
export function buildChangeLogSheet(entries: readonly ChangeLogEntry[], locale: Locale): SheetSpec {
  const t = translator(locale);
  const grid = new Grid();
  grid.set(TITLE_ROW, 0, t("ledger.changeLog.title"), "title");
  grid.line(HEADER_ROW, 0, changeLogHeader(locale), "header");
  entries.forEach((e, i) => {
    const r = HEADER_ROW + 1 + i;
    grid.line(r, 0, [e.when, e.file, e.department, e.targetId], "cellText");
    grid.set(r, 4, e.month, typeof e.month === "number" ? "cellNumber" : "cellText");
    // Old and new values keep their type: a number stays a number, text typed in a number cell stays text.
    grid.set(r, 5, e.old, typeof e.old === "string" ? "cellText" : "cellNumber");
    grid.set(r, 6, e.new, typeof e.new === "string" ? "cellText" : "cellNumber");
  });
  return {
    name: changeLogSheetName(locale),
    state: "visible",
    rows: grid.rows,
    columns: WIDTHS.map((width) => ({ width })),
    merges: [],
    frozen: { rows: HEADER_ROW + 1, columns: 0 },
    validations: [],
    conditionalFormats: [],
    protection: { allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: true },
  };
}
