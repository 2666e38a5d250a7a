/**
 * Applying a workbook description to the open workbook, and regenerating a ledger in place, in a
 * constant number of syncs: read the sheets (1), read the old ledger's values (1, only when there is
 * one), write everything (1 per 4 MB of payload: 1 for any plan up to several thousand targets).
 */
import { META_SHEET } from "../domain/ledger/layout";
import { listTargets, type Plan } from "../domain/plan/types";
import type { WorkbookSpec } from "../domain/workbook/spec";
import { AddinError } from "./errors";
import type { ExcelCapabilities, ExcelContextLike } from "./excelApi";
import { ARCHIVE_SHEET, ID_HEADERS, keepEntries } from "./keepEntries";
import type { GenerateReport } from "./ledgerPort";
import { PLAN_SETTING, readWorkbookState } from "./readWorkbook";
import type { SyncOptions } from "./syncQueue";
import { writeWorkbookSpec, type WriteReport } from "./writeWorkbook";

export interface ApplyOptions extends SyncOptions {
  capabilities: ExcelCapabilities;
}

/** Writes `spec` into the workbook, replacing its sheets of the same names. */
export async function applyWorkbookSpec(
  context: ExcelContextLike,
  spec: WorkbookSpec,
  options: ApplyOptions,
): Promise<WriteReport> {
  const state = await readWorkbookState(context, [], options);
  const report = await writeWorkbookSpec(context, spec, state, options);
  return { ...report, syncs: report.syncs + state.syncs };
}

export interface RegenerateOptions extends ApplyOptions {
  /** The plan as saved JSON, kept in the workbook settings. */
  planJson: string;
  today: string;
}

function hasIdColumn(sheet: WorkbookSpec["sheets"][number]): boolean {
  return sheet.rows
    .slice(0, 30)
    .some((row) => row.some((cell) => typeof cell?.value === "string" && ID_HEADERS.has(cell.value)));
}

/**
 * Writes the ledger `spec` of `plan`, keeping the entries of a ledger already in the workbook.
 * @throws AddinError `sheet-name-taken` when a workbook this tool did not write has a sheet of the
 * ledger's names; `excel-sync-timeout`; host errors as they come.
 */
export async function regenerateLedger(
  context: ExcelContextLike,
  plan: Plan,
  spec: WorkbookSpec,
  options: RegenerateOptions,
): Promise<GenerateReport> {
  const ledgerSheets = spec.sheets.filter(hasIdColumn).map((s) => s.name);
  const state = await readWorkbookState(context, [...ledgerSheets, ARCHIVE_SHEET], options);
  // A workbook this tool wrote has the plan in its settings (the pane) or a _meta sheet (the CLI);
  // in any other workbook a sheet of the same name is someone's own work: never overwrite it.
  const ours = state.savedPlan !== null || state.sheets.has(META_SHEET);
  const taken = ours ? undefined : spec.sheets.find((s) => state.sheets.has(s.name));
  if (taken) throw new AddinError("sheet-name-taken", { sheet: taken.name });
  const grids = new Map([...state.sheets.values()].flatMap((s) => (s.values ? [[s.name, s.values] as const] : [])));
  const targets = listTargets(plan);
  const kept = keepEntries(spec, grids, { targetIds: new Set(targets.map((t) => t.target.id)), today: options.today });
  const written = await writeWorkbookSpec(context, kept.spec, state, {
    ...options,
    finally: (ctx) => ctx.workbook.settings.add(PLAN_SETTING, options.planJson),
  });
  return {
    sheets: kept.spec.sheets.map((s) => s.name),
    targets: targets.length,
    regenerated: ledgerSheets.some((name) => state.sheets.has(name)),
    keptCells: kept.keptCells,
    archived: kept.archived,
    skipped: written.skipped,
    syncs: state.syncs + written.syncs,
    requestBytes: written.requestBytes,
  };
}
