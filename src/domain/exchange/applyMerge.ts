/**
 * Merge, step 2: the new master, rebuilt in one piece from the master's state and the previewed
 * changes, with every applied change (and the value it replaced) added to the change log. Nothing is
 * written until this returns, and it returns either the whole new workbook or throws: never half.
 */
import { buildLedger } from "../ledger/buildLedger";
import type { Narrative } from "../ledger/context";
import { LEDGER_COLUMNS, META_SHEET } from "../ledger/layout";
import type { MonthlyValue } from "../ledger/status";
import type { WorkbookSpec } from "../workbook/spec";
import { buildChangeLogSheet, type ChangeLogEntry } from "./changeLog";
import { ledgerOptionsOf, type LedgerState } from "./ledgerState";
import type { Change } from "./mergePreview";

export interface MergeResult {
  spec: WorkbookSpec;
  /** The master's state after the merge (what reading `spec` back gives). */
  state: LedgerState;
  /** The change-log lines this merge added. */
  added: ChangeLogEntry[];
}

/** A master's workbook: the ledger plus its change log (before _meta) once the log has entries. */
export function buildMasterSpec(state: LedgerState, password?: string): WorkbookSpec {
  const spec = buildLedger(state.plan, { ...ledgerOptionsOf(state), ...(password ? { password } : {}) });
  if (state.changeLog.length === 0) return spec;
  const sheets = [...spec.sheets];
  const meta = sheets.findIndex((s) => s.name === META_SHEET);
  sheets.splice(meta < 0 ? sheets.length : meta, 0, buildChangeLogSheet(state.changeLog, state.lang));
  return { ...spec, sheets };
}

/**
 * Applies `changes` (from a MergePreview) to `master`; `mergedAt` (ISO) stamps the change log, the
 * core never reads the clock. `password` protects the new master's sheets (it cannot be read back from
 * the old one).
 */
export function applyMerge(
  master: LedgerState,
  changes: readonly Change[],
  mergedAt: string,
  password?: string,
): MergeResult {
  const monthly: Record<string, MonthlyValue[]> = {};
  for (const [id, values] of Object.entries(master.monthly)) monthly[id] = [...values];
  const narratives: Record<string, Narrative> = {};
  for (const [id, n] of Object.entries(master.narratives)) narratives[id] = { ...n };
  const header = master.read.labels.ledgerHeader;
  const added: ChangeLogEntry[] = [];
  for (const c of changes) {
    if (c.month !== null) {
      const row = (monthly[c.targetId] ??= Array.from({ length: 12 }, () => null));
      row[c.month - 1] = typeof c.new === "boolean" ? String(c.new) : c.new;
    } else if (c.narrative !== null) {
      const n = (narratives[c.targetId] ??= { progress: "", problems: "", nextSteps: "" });
      n[c.narrative] = String(c.new ?? "");
    }
    added.push({
      when: mergedAt,
      file: c.file,
      department: c.department,
      targetId: c.targetId,
      month: c.month ?? header[LEDGER_COLUMNS[c.narrative!]]!,
      old: c.old,
      new: c.new,
    });
  }
  const state: LedgerState = { ...master, monthly, narratives, changeLog: [...master.changeLog, ...added] };
  return { spec: buildMasterSpec(state, password), state, added };
}
