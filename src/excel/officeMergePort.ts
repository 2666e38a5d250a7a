/**
 * The MergePort over Office.js: the merged master is written with the same writer as regenerating a
 * ledger in place (applyWorkbookSpec), so a merge costs a constant number of syncs: 1 to read the
 * sheets, 1 per 4 MB of writes (1 for the built-in plan).
 */
import { applyWorkbookSpec } from "./applyWorkbookSpec";
import { AddinError, isAddinError } from "./errors";
import type { ExcelCapabilities, ExcelContextLike } from "./excelApi";
import type { ApplyWorkbookReport, MergePort } from "./mergePort";
import type { SyncOptions } from "./syncQueue";

export interface OfficeMergePortOptions extends SyncOptions {
  capabilities: ExcelCapabilities;
  /** Excel.run, or a stand-in (tests and the end-to-end harness pass the fake's). */
  run: (batch: (context: ExcelContextLike) => Promise<unknown>) => Promise<unknown>;
}

export function createOfficeMergePort(options: OfficeMergePortOptions): MergePort {
  return {
    async applyWorkbook(spec): Promise<ApplyWorkbookReport> {
      let report: ApplyWorkbookReport | undefined;
      try {
        await options.run(async (context) => {
          const written = await applyWorkbookSpec(context, spec, options);
          report = { sheets: spec.sheets.map((s) => s.name), skipped: written.skipped, syncs: written.syncs };
        });
      } catch (error) {
        if (isAddinError(error)) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
        throw new AddinError("excel-request-failed", { reason, code }, { cause: error });
      }
      return report!;
    },
  };
}
