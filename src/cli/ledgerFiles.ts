/** Reading ledger workbooks (.xlsx) for split and merge: size-checked bytes, then the ledger's state. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { PlanLedgerError } from "../domain/errors";
import { readLedgerState, type LedgerState } from "../domain/exchange/ledgerState";
import { checkXlsxPackage, DEFAULT_ZIP_LIMITS } from "../domain/exchange/zipCheck";
import { readXlsxGrid } from "../xlsx/readGrid";
import type { CliContext } from "./context";

/**
 * The bytes of an .xlsx file, refused before reading when larger than the package limit.
 * @throws PlanLedgerError `file-not-found`, `file-unreadable` or `file-too-large`.
 */
export async function readWorkbookFile(file: string, ctx: CliContext): Promise<Uint8Array> {
  const full = path.resolve(ctx.io.cwd, file);
  try {
    const stat = await fs.stat(full);
    if (stat.isDirectory()) throw new PlanLedgerError("file-unreadable", { file, reason: "EISDIR" });
    if (stat.size > DEFAULT_ZIP_LIMITS.maxFileBytes) {
      throw new PlanLedgerError("file-too-large", { file, size: stat.size, limit: DEFAULT_ZIP_LIMITS.maxFileBytes });
    }
    return await fs.readFile(full);
  } catch (error) {
    if (error instanceof PlanLedgerError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new PlanLedgerError("file-not-found", { file }, { cause: error });
    throw new PlanLedgerError("file-unreadable", { file, reason: (error as Error).message }, { cause: error });
  }
}

/**
 * A master (or any ledger) as split and merge read it.
 * @throws PlanLedgerError when the file is missing, not an .xlsx, not a ledger, or carries no plan.
 */
export async function loadLedgerState(file: string, ctx: CliContext): Promise<LedgerState> {
  const bytes = await readWorkbookFile(file, ctx);
  checkXlsxPackage(bytes, file);
  return readLedgerState(await readXlsxGrid(bytes, file), file);
}
