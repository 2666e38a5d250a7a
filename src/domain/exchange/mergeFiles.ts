/**
 * The merge as one call over bytes, for the CLI and the task pane alike: each returned file is checked
 * as a package (zipCheck.ts), read by the reader the caller passes in (ExcelJS lives at the edges),
 * analysed against the master, with progress reported after each file. A file that fails at any step
 * is refused with its reason; the others still merge.
 */
import { isPlanLedgerError } from "../errors";
import type { WorkbookGrid } from "../progress/readLedger";
import type { LedgerState } from "./ledgerState";
import { analyzeReturn, previewMerge, type FileReport, type MergePreview, type Refusal } from "./mergePreview";
import { checkXlsxPackage, DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zipCheck";

export interface ReturnedFile {
  /** The name shown in messages and the change log (a file name, not a full path). */
  file: string;
  /** The bytes, or how to get them (read one file at a time: 60 files need not all sit in memory). */
  bytes: Uint8Array | (() => Promise<Uint8Array>);
}

export interface MergeProgress {
  done: number;
  total: number;
  file: string;
}

export interface MergeDeps {
  /** Reads an .xlsx's values; throws PlanLedgerError `not-xlsx` on an unreadable workbook. */
  readGrid(bytes: Uint8Array, file: string): Promise<WorkbookGrid>;
  onProgress?(progress: MergeProgress): void;
  limits?: ZipLimits;
}

/**
 * Reads and checks every returned file, then previews the merge.
 * @throws only what is not a PlanLedgerError (a bug): every file-level failure becomes a refusal.
 */
export async function previewReturnedFiles(
  master: LedgerState,
  files: readonly ReturnedFile[],
  deps: MergeDeps,
): Promise<MergePreview> {
  const results: Array<FileReport | Refusal> = [];
  for (const [i, { file, bytes: source }] of files.entries()) {
    try {
      const bytes = typeof source === "function" ? await source() : source;
      checkXlsxPackage(bytes, file, deps.limits ?? DEFAULT_ZIP_LIMITS);
      results.push(analyzeReturn(master, file, await deps.readGrid(bytes, file)));
    } catch (error) {
      if (!isPlanLedgerError(error)) throw error;
      results.push({ file, code: error.code, params: error.params, findings: [] });
    }
    deps.onProgress?.({ done: i + 1, total: files.length, file });
  }
  return previewMerge(master, results);
}
