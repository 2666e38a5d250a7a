/**
 * Send out and merge back, as the pane does them: the master is read from the open workbook through the
 * validation port (one batch, the very-hidden _meta included), the exchange core does the rest, the
 * merged master is written through the merge port in one batch. The core, the xlsx library and jszip
 * load on demand (import()), so the pane's first download holds none of them.
 */
import type { DepartmentShortfall } from "../domain/exchange/behind";
import type { LedgerState } from "../domain/exchange/ledgerState";
import type { MergePreview, MergeProgress } from "../domain/exchange/index";
import type { WorkbookGrid } from "../domain/progress/readLedger";
import type { LedgerPort } from "../excel/ledgerPort";
import type { ApplyWorkbookReport, MergePort } from "../excel/mergePort";
import type { ValidationPort } from "../excel/validationPort";

export interface OutgoingCopy {
  department: string;
  fileName: string;
  targets: number;
  xlsx: Uint8Array;
}

export interface SentOut {
  copies: OutgoingCopy[];
  /** Targets with no 责任单位: in no copy. */
  unassigned: string[];
  /** Syncs of the read of the master. */
  syncs: number;
  year: number;
  reportMonth: number;
}

/** A returned file as the pane gets it from the file picker. */
export interface PickedFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

export interface MergeCheck {
  master: LedgerState;
  preview: MergePreview;
  /** Who is behind once the accepted changes are in (what applying would give). */
  behind: DepartmentShortfall[];
  syncs: number;
}

export type MergeApplied =
  | {
      stale: false;
      report: ApplyWorkbookReport;
      /** Change-log lines this merge added. */
      added: number;
      /** Syncs of the read that checked the workbook had not changed since the preview. */
      readSyncs: number;
    }
  /** The workbook changed since the preview (someone typed a figure): nothing written, check again. */
  | { stale: true; readSyncs: number };

/** What a merge may overwrite: the entries, the picks of 责任单位 and the change log. */
function entriesOf(state: LedgerState): string {
  return JSON.stringify([state.monthly, state.narratives, state.assignments, state.changeLog.length]);
}

export interface ExchangeActions {
  /** ExcelApi 1.8: the copies can be opened as new workbooks. */
  readonly canOpenWorkbooks: boolean;
  sendOut(): Promise<SentOut>;
  /** Opens every copy as a new workbook (Excel.createWorkbook); returns how many. */
  openCopies(copies: readonly OutgoingCopy[]): Promise<number>;
  zipCopies(copies: readonly OutgoingCopy[]): Promise<Uint8Array>;
  checkReturns(files: readonly PickedFile[], onProgress: (p: MergeProgress) => void): Promise<MergeCheck>;
  /** Writes the merged master (with its 变更记录) over the open workbook, all at once. */
  apply(check: MergeCheck): Promise<MergeApplied>;
}

export interface ExchangeDeps {
  ledger: LedgerPort;
  validation: ValidationPort;
  merge: MergePort;
  /** The master's name in messages ("当前工作簿"). */
  masterName: string;
  now?: () => Date;
  /** The .xlsx reader (default: ExcelJS on demand). */
  readGrid?: (bytes: Uint8Array, file: string) => Promise<WorkbookGrid>;
}

const core = () => import(/* webpackChunkName: "exchange" */ "../domain/exchange/index");
const xlsxWriter = () => import(/* webpackChunkName: "xlsx" */ "../xlsx/writeWorkbookXlsx");
const xlsxReader = () => import(/* webpackChunkName: "xlsx" */ "../xlsx/readGrid");

export function createExchangeActions(deps: ExchangeDeps): ExchangeActions {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  async function readMaster(): Promise<{ master: LedgerState; syncs: number }> {
    const [{ readLedgerState }, read] = await Promise.all([core(), deps.validation.readLedgerGrid()]);
    return { master: readLedgerState(read.grid, deps.masterName), syncs: read.syncs };
  }
  const readGrid =
    deps.readGrid ?? (async (bytes: Uint8Array, file: string) => (await xlsxReader()).readXlsxGrid(bytes, file));

  return {
    canOpenWorkbooks: deps.ledger.capabilities.createWorkbook,
    async sendOut() {
      const [{ splitMaster }, { writeWorkbookXlsx }, { master, syncs }] = await Promise.all([
        core(),
        xlsxWriter(),
        readMaster(),
      ]);
      const split = splitMaster(master, now());
      const copies: OutgoingCopy[] = [];
      for (const copy of split.copies) {
        copies.push({
          department: copy.department,
          fileName: copy.fileName,
          targets: copy.targetIds.length,
          xlsx: await writeWorkbookXlsx(copy.spec),
        });
      }
      return { copies, unassigned: split.unassigned, syncs, year: master.year, reportMonth: master.reportMonth };
    },
    async openCopies(copies) {
      // One Excel.createWorkbook per copy, one after the other (each opens a window).
      for (const copy of copies) await deps.ledger.openAsNewWorkbook(copy.xlsx);
      return copies.length;
    },
    async zipCopies(copies) {
      const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ "jszip");
      const zip = new JSZip();
      for (const copy of copies) zip.file(copy.fileName, copy.xlsx);
      return zip.generateAsync({ type: "uint8array" });
    },
    async checkReturns(files, onProgress) {
      const [{ previewReturnedFiles, applyMerge, shortfallsByDepartment }, { master, syncs }] = await Promise.all([
        core(),
        readMaster(),
      ]);
      const preview = await previewReturnedFiles(
        master,
        files.map((f) => ({ file: f.name, bytes: () => f.bytes() })),
        { readGrid, onProgress },
      );
      const behind = shortfallsByDepartment(applyMerge(master, preview.changes, now()).state);
      return { master, preview, behind, syncs };
    },
    async apply(check) {
      const [{ applyMerge }, fresh] = await Promise.all([core(), readMaster()]);
      if (entriesOf(fresh.master) !== entriesOf(check.master)) return { stale: true, readSyncs: fresh.syncs };
      const result = applyMerge(check.master, check.preview.changes, now());
      const report = await deps.merge.applyWorkbook(result.spec);
      return { stale: false, report, added: result.added.length, readSyncs: fresh.syncs };
    },
  };
}
