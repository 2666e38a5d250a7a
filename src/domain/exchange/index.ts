/** Sending workbooks to departments and merging them back: the pure core the CLI and the pane share. */
export { applyMerge, buildMasterSpec, type MergeResult } from "./applyMerge";
export { shortfallsByDepartment, type DepartmentShortfall } from "./behind";
export { buildChangeLogSheet, changeLogSheetName, readChangeLog, type ChangeLogEntry } from "./changeLog";
export { findEmbeddedPlan, ledgerOptionsOf, readLedgerState, type LedgerState } from "./ledgerState";
export { previewReturnedFiles, type MergeDeps, type MergeProgress, type ReturnedFile } from "./mergeFiles";
export {
  analyzeReturn,
  isRefusal,
  previewMerge,
  type Change,
  type Conflict,
  type FileReport,
  type MergePreview,
  type Refusal,
} from "./mergePreview";
export { ownerOf, safeFileNamePart, splitMaster, type DepartmentCopy, type SplitResult } from "./split";
export { checkXlsxPackage, DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zipCheck";
