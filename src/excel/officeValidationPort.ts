/**
 * The ValidationPort over Office.js. The first read of the ledger takes two syncs whatever its size: one
 * to list the sheets (a sheet's used range can only be asked for once its proxy exists), one to load the
 * used range of every sheet at once, the very-hidden _meta sheet included (hidden sheets stay readable).
 * Later reads ask for the sheets seen last time by name in the same batch as the list: one sync while
 * the workbook keeps its sheets.
 * Only when those values exceed one response (Excel on the web: 5 MB) are they read again in blocks
 * (readInBlocks.ts).
 * Applying fixes takes two: one to compare the cells with what the validation saw and read the
 * protection, one to write every unchanged cell. Unlocked cells are written through the protection;
 * for a locked one the sheet is unprotected, written and protected again in that same batch.
 */
import { findCell } from "../domain/workbook/address";
import type { GridSheet } from "../domain/progress/readLedger";
import { AddinError, isAddinError } from "./errors";
import type { ExcelContextLike, RangeLike, WorksheetLike } from "./excelApi";
import { cellValue, isResponseTooLarge, readSheetsInBlocks } from "./readInBlocks";
import { syncWithTimeout, type SyncOptions } from "./syncQueue";
import type { ApplyFixesReport, FixRequest, LedgerGridRead, SkippedFix, ValidationPort } from "./validationPort";

export interface OfficeValidationPortOptions extends SyncOptions {
  /** Excel.run, or a stand-in (tests and the end-to-end harness pass the fake's). */
  run: (batch: (context: ExcelContextLike) => Promise<unknown>) => Promise<unknown>;
  /** Cells per sync when a ledger is too large for one response (tests make it small). */
  cellsPerSync?: number;
}

/** Rows from A1: the used range placed at its offset. */
function gridRows(range: RangeLike): unknown[][] {
  const rows: unknown[][] = Array.from({ length: range.rowIndex }, () => []);
  const pad: null[] = Array.from({ length: range.columnIndex }, () => null);
  for (const row of range.values) rows.push([...pad, ...row.map(cellValue)]);
  return rows;
}

function sameValue(a: unknown, b: unknown): boolean {
  const x = cellValue(a);
  const y = cellValue(b);
  return x === y || (typeof x === "number" && typeof y === "number" && Object.is(x, y));
}

function hostReason(error: unknown): { reason: string; code: string } {
  const reason = error instanceof Error ? error.message : String(error);
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  return { reason, code };
}

export function createOfficeValidationPort(options: OfficeValidationPortOptions): ValidationPort {
  async function run<T>(batch: (context: ExcelContextLike) => Promise<T>): Promise<T> {
    let result: T | undefined;
    try {
      await options.run(async (context) => {
        result = await batch(context);
      });
    } catch (error) {
      if (isAddinError(error)) throw error;
      throw new AddinError("excel-request-failed", hostReason(error), { cause: error });
    }
    return result as T;
  }
  const sync = (context: ExcelContextLike) => syncWithTimeout(context, options.timeoutMs);
  /** Sheet names of the last read, in order (for a one-sync read next time). */
  let knownSheets: string[] | null = null;

  function loadUsed(items: ReadonlyArray<{ name: string; worksheet: WorksheetLike }>) {
    return items.map(({ name, worksheet }) => {
      const range = worksheet.getUsedRangeOrNullObject(true);
      range.load(["values", "rowIndex", "columnIndex"]);
      return { name, worksheet, range };
    });
  }

  /** Syncs the loads queued by loadUsed; `syncs` counts this sync too. */
  async function loadValues(
    context: ExcelContextLike,
    used: ReturnType<typeof loadUsed>,
    syncs: number,
  ): Promise<LedgerGridRead> {
    try {
      await sync(context);
    } catch (error) {
      // Excel on the web: more than 5 MB of values. Read again in blocks (a very large ledger only).
      if (!isResponseTooLarge(error)) throw error;
      const blocks = await readSheetsInBlocks(context, used, sync, options.cellsPerSync);
      knownSheets = used.map((u) => u.name);
      return { grid: { sheets: blocks.sheets }, syncs: syncs + blocks.syncs };
    }
    knownSheets = used.map((u) => u.name);
    const grid: GridSheet[] = used.map(({ name, range }) => ({
      name,
      rows: range.isNullObject ? [] : gridRows(range),
    }));
    return { grid: { sheets: grid }, syncs };
  }

  return {
    readLedgerGrid(): Promise<LedgerGridRead> {
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        let syncs = 0;
        if (knownSheets) {
          // The sheets of the last read, asked for by name in the same batch as the list: one sync
          // while the workbook keeps its sheets; otherwise (a sheet added, renamed or deleted) list again.
          const expected = knownSheets;
          const guessed = loadUsed(expected.map((name) => ({ name, worksheet: sheets.getItemOrNullObject(name) })));
          syncs++;
          try {
            const read = await loadValues(context, guessed, syncs);
            const names = sheets.items.map((ws) => ws.name);
            if (names.length === expected.length && names.every((n, i) => n === expected[i])) return read;
            syncs = read.syncs;
          } catch (error) {
            if (isAddinError(error)) throw error;
            sheets.load("items/name");
            syncs++;
            await sync(context);
          }
        } else {
          syncs++;
          await sync(context);
        }
        const used = loadUsed(sheets.items.map((worksheet) => ({ name: worksheet.name, worksheet })));
        return loadValues(context, used, syncs + 1);
      });
    },

    selectCell(sheet: string, cell: string): Promise<void> {
      return run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.activate();
        if (findCell(cell)) ws.getRange(cell).select();
        await sync(context);
      });
    },

    applyFixes(fixes: readonly FixRequest[]): Promise<ApplyFixesReport> {
      return run(async (context) => {
        const unique = [...new Map(fixes.map((f) => [`${f.sheet}!${f.cell}`, f])).values()];
        for (const f of unique) {
          if (!findCell(f.cell) || !Number.isFinite(f.value)) {
            throw new AddinError("excel-request-failed", { reason: `${f.sheet}!${f.cell} = ${f.value}`, code: "" });
          }
        }
        const handles = new Map<string, WorksheetLike>();
        for (const f of unique) {
          if (!handles.has(f.sheet)) handles.set(f.sheet, context.workbook.worksheets.getItemOrNullObject(f.sheet));
        }
        for (const ws of handles.values()) ws.load(["protection/protected", "protection/options"]);
        const ranges = unique.map((f) => {
          const range = handles.get(f.sheet)!.getRange(f.cell);
          range.load(["values", "format/protection/locked"]);
          return range;
        });
        await sync(context);

        const applied: FixRequest[] = [];
        const skipped: SkippedFix[] = [];
        const lockedSheets = new Set<string>();
        unique.forEach((f, i) => {
          const range = ranges[i]!;
          const current = cellValue(range.values[0]![0]);
          if (!sameValue(current, f.seen)) {
            skipped.push({ fix: f, current });
            return;
          }
          applied.push(f);
          if (range.format.protection.locked !== false) lockedSheets.add(f.sheet);
        });
        if (applied.length === 0) return { applied, skipped, reprotected: [], syncs: 1 };

        // Unlocked cells (the ledger's month cells) take values on a protected sheet, even one with a
        // password; the protection is lifted only for a locked cell, and put back in the same batch.
        const reprotected = [...lockedSheets].filter((name) => handles.get(name)!.protection.protected);
        for (const name of reprotected) handles.get(name)!.protection.unprotect();
        for (const f of applied) handles.get(f.sheet)!.getRange(f.cell).values = [[f.value]];
        for (const name of reprotected) {
          const protection = handles.get(name)!.protection;
          protection.protect(protection.options);
        }
        try {
          await sync(context);
        } catch (error) {
          // unprotect() comes first in the batch: when it is refused (a password), nothing was written.
          if (reprotected.length > 0 && !isAddinError(error)) {
            throw new AddinError(
              "sheet-protected",
              { sheet: reprotected.join("、"), ...hostReason(error) },
              { cause: error },
            );
          }
          throw error;
        }
        return { applied, skipped, reprotected, syncs: 2 };
      });
    },
  };
}
