/** A department's returned copy as .xlsx bytes, made with the core and the xlsx writer, figures typed in. */
import type { LedgerState } from "../../src/domain/exchange/ledgerState";
import { splitMaster } from "../../src/domain/exchange/split";
import { LEDGER_COLUMNS } from "../../src/domain/ledger/layout";
import { writeWorkbookXlsx } from "../../src/xlsx/writeWorkbookXlsx";
import { GENERATED_AT } from "./exchange";

/** `figures`: target id → month (1–12) → what the department typed (a number, or text such as "约10"). */
export async function departmentCopyXlsx(
  master: LedgerState,
  department: string,
  figures: Record<string, Record<number, number | string>>,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const copy = splitMaster(master, GENERATED_AT).copies.find((c) => c.department === department);
  if (!copy) throw new Error(`no copy for ${department}`);
  const ledger = copy.spec.sheets.find((s) => s.name === "台账")!;
  for (const row of ledger.rows) {
    const id = row[0]?.value;
    const months = typeof id === "string" ? figures[id] : undefined;
    if (!months) continue;
    for (const [month, value] of Object.entries(months)) {
      row[LEDGER_COLUMNS.firstMonth + Number(month) - 1] = { value, style: "input" };
    }
  }
  return { fileName: copy.fileName, bytes: await writeWorkbookXlsx(copy.spec) };
}
