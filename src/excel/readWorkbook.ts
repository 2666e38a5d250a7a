/**
 * Reads what the writer and the regeneration need from the open workbook, in two syncs whatever its
 * size: first the sheets (names, visibility, protection), defined names and the saved plan; then the
 * values of the sheets that exist and are asked for (a used range cannot be asked of a missing sheet).
 */
import type { CellValue } from "../domain/workbook/spec";
import type { ExcelContextLike, RangeLike } from "./excelApi";
import { syncWithTimeout, type SyncOptions } from "./syncQueue";

/** The workbook setting that keeps the plan (JSON) the ledger was generated from. */
export const PLAN_SETTING = "planLedger.plan";

export interface ExistingSheet {
  name: string;
  visibility: string;
  protected: boolean;
  /** Values from A1 (`null` for empty cells), when asked for; otherwise `undefined`. */
  values?: CellValue[][];
}

export interface WorkbookState {
  sheets: Map<string, ExistingSheet>;
  names: string[];
  savedPlan: string | null;
  syncs: number;
}

function fromUsedRange(range: RangeLike): CellValue[][] {
  if (range.isNullObject) return [];
  const grid: CellValue[][] = [];
  range.values.forEach((row, r) => {
    const out: CellValue[] = new Array<CellValue>(range.columnIndex).fill(null);
    for (const v of row) out.push(v === "" || v === undefined ? null : (v as CellValue));
    grid[range.rowIndex + r] = out;
  });
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return grid;
}

/** Loads the workbook's state; `valuesOf` names the sheets whose values are read (when they exist). */
export async function readWorkbookState(
  context: ExcelContextLike,
  valuesOf: readonly string[],
  options: SyncOptions = {},
): Promise<WorkbookState> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/protection/protected");
  const names = context.workbook.names;
  names.load("items/name");
  const setting = context.workbook.settings.getItemOrNullObject(PLAN_SETTING);
  setting.load("value");
  await syncWithTimeout(context, options.timeoutMs);

  const sheets = new Map<string, ExistingSheet>();
  for (const ws of worksheets.items) {
    sheets.set(ws.name, { name: ws.name, visibility: ws.visibility, protected: ws.protection.protected });
  }
  const state: WorkbookState = {
    sheets,
    names: names.items.map((n) => n.name),
    savedPlan: setting.isNullObject || typeof setting.value !== "string" ? null : setting.value,
    syncs: 1,
  };

  const wanted = valuesOf.filter((name) => sheets.has(name));
  if (wanted.length === 0) return state;
  const ranges = wanted.map((name) => {
    const range = worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
    range.load("values,rowIndex,columnIndex");
    return { name, range };
  });
  await syncWithTimeout(context, options.timeoutMs);
  state.syncs++;
  for (const { name, range } of ranges) sheets.get(name)!.values = fromUsedRange(range);
  return state;
}
