/**
 * Regeneration in place: the new ledger keeps what departments entered in the old one, matched by
 * target id (the 编号 column) and by column heading, and rows whose target left the plan move to an
 * 归档 (archive) sheet instead of disappearing. Pure: the grids come from readWorkbookState.
 *
 * Entered cells are the description's unlocked cells (style `locked: false`) on rows whose 编号 is a
 * target id. Columns are matched by their heading text (all heading rows, merged group headings
 * carried to the right), so a ledger whose months or columns moved still keeps its entries.
 */
import type { CellSpec, CellValue, SheetSpec, WorkbookSpec } from "../domain/workbook/spec";
import { translator } from "../i18n";

/** The heading of the target-id column, in every language a ledger may have been made in. */
export const ID_HEADERS: ReadonlySet<string> = new Set([
  translator("zh-CN")("ledger.col.id"),
  translator("en-US")("ledger.col.id"),
]);
export const ARCHIVE_SHEET = "归档";
const ARCHIVE_DATE = "归档日期";
const HEADER_SCAN_ROWS = 30;

export interface KeepOptions {
  /** Every target id of the new plan. */
  targetIds: ReadonlySet<string>;
  /** ISO date written beside archived rows. */
  today: string;
}

export interface KeepResult {
  spec: WorkbookSpec;
  /** Entered cells copied into the new ledger. */
  keptCells: number;
  /** Ids of the targets whose rows went to the archive sheet. */
  archived: string[];
}

interface Layout {
  idColumn: number;
  headerRow: number;
  /** First row below the headings. */
  dataRow: number;
  keys: string[];
}

function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

function findHeader(grid: ReadonlyArray<ReadonlyArray<CellValue>>): { row: number; column: number } | undefined {
  for (let r = 0; r < Math.min(grid.length, HEADER_SCAN_ROWS); r++) {
    const c = (grid[r] ?? []).findIndex((v) => ID_HEADERS.has(text(v)));
    if (c >= 0) return { row: r, column: c };
  }
  return undefined;
}

function columnKeys(grid: ReadonlyArray<ReadonlyArray<CellValue>>, from: number, to: number, width: number): string[] {
  const keys: string[][] = Array.from({ length: width }, () => []);
  for (let r = from; r < to; r++) {
    let carried = "";
    for (let c = 0; c < width; c++) {
      const own = text(grid[r]?.[c]);
      // Group headings (merged across columns) sit in the first cell only: carry them right,
      // except on the last heading row, whose cells name single columns.
      carried = own || (r < to - 1 ? carried : "");
      keys[c]!.push(carried);
    }
  }
  return keys.map((parts) => parts.join("/"));
}

function gridOf(sheet: SheetSpec): CellValue[][] {
  return sheet.rows.map((row) => row.map((cell) => cell?.value ?? null));
}

function specLayout(sheet: SheetSpec, ids: ReadonlySet<string>): Layout | undefined {
  const grid = gridOf(sheet);
  const header = findHeader(grid);
  if (!header) return undefined;
  let dataRow = header.row + 1;
  while (dataRow < grid.length && !ids.has(text(grid[dataRow]?.[header.column]))) dataRow++;
  if (dataRow >= grid.length) return undefined;
  const width = grid.reduce((max, row) => Math.max(max, row.length), 0);
  return {
    idColumn: header.column,
    headerRow: header.row,
    dataRow,
    keys: columnKeys(grid, header.row, dataRow, width),
  };
}

function existingLayout(grid: CellValue[][], headingRows: number): Layout | undefined {
  const header = findHeader(grid);
  if (!header) return undefined;
  const dataRow = header.row + headingRows;
  const width = grid.reduce((max, row) => Math.max(max, row.length), 0);
  return {
    idColumn: header.column,
    headerRow: header.row,
    dataRow,
    keys: columnKeys(grid, header.row, dataRow, width),
  };
}

function isInput(cell: CellSpec | null | undefined, spec: WorkbookSpec): boolean {
  return cell?.style !== undefined && spec.styles[cell.style]?.locked === false;
}

interface ArchivedRow {
  sheet: string;
  headings: string[];
  values: CellValue[];
}

function archiveSheet(
  base: SheetSpec | undefined,
  previous: CellValue[][] | undefined,
  rows: ArchivedRow[],
  today: string,
): SheetSpec {
  const sheet: SheetSpec = base
    ? { ...base, rows: [...base.rows] }
    : {
        name: ARCHIVE_SHEET,
        state: "visible",
        rows: [],
        columns: [],
        merges: [],
        validations: [],
        conditionalFormats: [],
      };
  const cell = (value: CellValue): CellSpec | null => (value === null ? null : { value });
  if (!base && previous && previous.length > 0) sheet.rows.push(...previous.map((row) => row.map(cell)));
  const previousHeading = [...(previous ?? [])].reverse().find((row) => text(row[0]) === ARCHIVE_DATE);
  let lastHeadings = previousHeading
    ? previousHeading
        .map(text)
        .join("\u0000")
        .replace(/\u0000+$/, "")
    : "";
  for (const row of rows) {
    const headings = [ARCHIVE_DATE, "来源工作表", ...row.headings];
    const joined = headings.join("\u0000").replace(/\u0000+$/, "");
    if (joined !== lastHeadings) {
      sheet.rows.push(headings.map((h) => (h === "" ? null : { value: h })));
      lastHeadings = joined;
    }
    sheet.rows.push([cell(today), cell(row.sheet), ...row.values.map(cell)]);
  }
  return sheet;
}

/** The new description with the old entries kept and the departed targets archived. */
export function keepEntries(
  spec: WorkbookSpec,
  existing: ReadonlyMap<string, CellValue[][]>,
  options: KeepOptions,
): KeepResult {
  let keptCells = 0;
  const archived: ArchivedRow[] = [];
  const archivedIds: string[] = [];
  const sheets = spec.sheets.map((sheet) => {
    const grid = existing.get(sheet.name);
    const layout = specLayout(sheet, options.targetIds);
    if (!grid || !layout || sheet.name === ARCHIVE_SHEET) return sheet;
    // Only sheets with entry cells (the ledger, not the plan listing) keep entries and archive rows.
    if (!sheet.rows.slice(layout.dataRow).some((row) => row.some((cell) => isInput(cell, spec)))) return sheet;
    const old = existingLayout(grid, layout.dataRow - layout.headerRow);
    if (!old) return sheet;
    const oldColumn = new Map<string, number>();
    old.keys.forEach((key, c) => {
      if (!oldColumn.has(key)) oldColumn.set(key, c);
    });
    const newRow = new Map<string, number>();
    for (let r = layout.dataRow; r < sheet.rows.length; r++) {
      const id = text(sheet.rows[r]?.[layout.idColumn]?.value);
      if (options.targetIds.has(id)) newRow.set(id, r);
    }
    const rows = sheet.rows.map((row) => [...row]);
    for (let r = old.dataRow; r < grid.length; r++) {
      const id = text(grid[r]?.[old.idColumn]);
      if (id === "") continue;
      const target = newRow.get(id);
      if (target === undefined) {
        archived.push({ sheet: sheet.name, headings: old.keys, values: grid[r] ?? [] });
        archivedIds.push(id);
        continue;
      }
      const row = rows[target]!;
      layout.keys.forEach((key, c) => {
        const from = oldColumn.get(key);
        const value = from === undefined ? null : (grid[r]?.[from] ?? null);
        const cell = row[c];
        if (value !== null && cell && isInput(cell, spec) && cell.formula === undefined) {
          row[c] = { ...cell, value };
          keptCells++;
        }
      });
    }
    return { ...sheet, rows };
  });
  const baseIndex = sheets.findIndex((s) => s.name === ARCHIVE_SHEET);
  const previousArchive = existing.get(ARCHIVE_SHEET);
  if (archived.length > 0 || (previousArchive && previousArchive.length > 0 && baseIndex < 0)) {
    const merged = archiveSheet(sheets[baseIndex], previousArchive, archived, options.today);
    if (baseIndex >= 0) sheets[baseIndex] = merged;
    else sheets.push(merged);
  }
  return { spec: { ...spec, sheets }, keptCells, archived: archivedIds };
}
