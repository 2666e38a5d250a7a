/**
 * What the task pane's merge asks of Excel beyond reading the ledger (validationPort.ts) and opening a
 * new workbook (ledgerPort.ts): writing the merged master over the open workbook in one batch.
 * officeMergePort.ts implements it over Office.js, tests use the strict fake or a stub.
 */
import type { WorkbookSpec } from "../domain/workbook/spec";
import type { SkippedFeature } from "./writeWorkbook";

export interface ApplyWorkbookReport {
  /** Sheets written (replaced in place, or added such as 变更记录). */
  sheets: string[];
  skipped: SkippedFeature[];
  syncs: number;
}

export interface MergePort {
  /**
   * Writes `spec` over the open workbook, replacing the sheets of the same names and adding the others:
   * one read of the sheets, then the writes in one batch (one sync per 4 MB of requests).
   * @throws AddinError `excel-request-failed` / `sheet-protected` when Excel refuses the batch.
   */
  applyWorkbook(spec: WorkbookSpec): Promise<ApplyWorkbookReport>;
}

/** A MergePort whose Office.js adapter loads on first use (like lazyLedgerPort). */
export function lazyMergePort(load: () => Promise<MergePort>): MergePort {
  let port: Promise<MergePort> | undefined;
  return { applyWorkbook: async (spec) => (await (port ??= load())).applyWorkbook(spec) };
}
