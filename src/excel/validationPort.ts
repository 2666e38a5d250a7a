/**
 * What the task pane's validation step asks of Excel. Components receive a ValidationPort as a prop;
 * officeValidationPort.ts implements it over Office.js, tests use the strict fake or a stub.
 */
import type { WorkbookGrid } from "../domain/progress/readLedger";

export interface LedgerGridRead {
  /** Every sheet's values from A1 (the very-hidden _meta sheet included); blanks are null. */
  grid: WorkbookGrid;
  syncs: number;
}

/** A proposed fix as the pane applies it: the cell, the new value and the value the finding saw. */
export interface FixRequest {
  sheet: string;
  cell: string;
  value: number;
  /** The cell's value when it was validated (null when blank); a cell that changed since is not touched. */
  seen: unknown;
}

export interface SkippedFix {
  fix: FixRequest;
  /** What the cell holds now (null when blank). */
  current: unknown;
}

export interface ApplyFixesReport {
  applied: FixRequest[];
  /** Fixes not applied because the cell changed after it was validated. */
  skipped: SkippedFix[];
  /** Sheets that were unprotected for the writes and protected again in the same batch. */
  reprotected: string[];
  syncs: number;
}

export interface ValidationPort {
  /** Reads every sheet's values in one request. */
  readLedgerGrid(): Promise<LedgerGridRead>;
  /** Activates `sheet` and selects `cell` ("" selects nothing, only activates the sheet). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Compares the cells with what was seen, then writes all the unchanged ones in one batch.
   * @throws AddinError `sheet-protected` when a sheet's protection (a password) refused the batch;
   * nothing was written then.
   */
  applyFixes(fixes: readonly FixRequest[]): Promise<ApplyFixesReport>;
}
