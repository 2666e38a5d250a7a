/**
 * What the task pane asks of Excel. Components receive a LedgerPort as a prop and never call
 * Excel.run; officeLedgerPort.ts implements it over Office.js, tests use the strict fake or a stub.
 */
import type { Plan } from "../domain/plan/types";
import type { WorkbookSpec } from "../domain/workbook/spec";
import type { ExcelCapabilities } from "./excelApi";
import type { SkippedFeature } from "./writeWorkbook";

export type { ExcelCapabilities } from "./excelApi";
export type { SkippedFeature } from "./writeWorkbook";

export interface GenerateOptions {
  /** The month the ledger reports on, 1–12. */
  reportMonth: number;
}

/** Builds the workbook description of a plan (buildLedger; may be loaded on demand). */
export type SpecBuilder = (plan: Plan, options: GenerateOptions) => WorkbookSpec | Promise<WorkbookSpec>;

export interface GenerateReport {
  sheets: string[];
  targets: number;
  /** True when a ledger was already in the workbook and was regenerated in place. */
  regenerated: boolean;
  /** Entered cells carried over from the previous ledger. */
  keptCells: number;
  /** Targets that left the plan; their rows are on the 归档 sheet. */
  archived: string[];
  skipped: SkippedFeature[];
  syncs: number;
  /** Estimated size of the requests written. */
  requestBytes: number;
}

export interface ExistingLedger {
  /** Every sheet of the open workbook. */
  sheets: string[];
  /** The plan JSON saved with the ledger, if any. */
  savedPlan: string | null;
}

export interface LedgerPort {
  readonly capabilities: ExcelCapabilities;
  readExisting(): Promise<ExistingLedger>;
  /** Writes (or regenerates in place) the ledger of `plan` and keeps the plan in the workbook. */
  generate(plan: Plan, options: GenerateOptions): Promise<GenerateReport>;
  /** Keeps the plan (JSON) in the workbook without touching the ledger. */
  savePlan(planJson: string): Promise<void>;
  /** Opens an .xlsx as a new workbook (ExcelApi 1.8: check `capabilities.createWorkbook` first). */
  openAsNewWorkbook(xlsx: Uint8Array): Promise<void>;
}
