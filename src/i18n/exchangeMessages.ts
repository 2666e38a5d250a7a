/**
 * Messages of a merge preview (a change's field, a conflict, a refused file) in the user's language:
 * shared by the CLI's report and the task pane's preview, so both say the same thing.
 */
import type { Change, Conflict, Refusal } from "../domain/exchange/mergePreview";
import { LEDGER_COLUMNS, ledgerLabels } from "../domain/ledger/layout";
import type { CellValue } from "../domain/workbook/spec";
import type { Locale, MessageKey, Translate } from "./index";

export function fieldLabel(change: Pick<Change, "month" | "narrative">, locale: Locale, t: Translate): string {
  if (change.month !== null) return t("ledger.month", { n: change.month });
  return ledgerLabels(locale).ledgerHeader[LEDGER_COLUMNS[change.narrative!]]!;
}

export function shown(value: CellValue, t: Translate): string {
  return value === null || value === "" ? t("cli.merge.blank") : String(value);
}

export function changeVars(c: Change, locale: Locale, t: Translate): Record<string, string> {
  return { target: c.targetId, field: fieldLabel(c, locale, t), old: shown(c.old, t), new: shown(c.new, t) };
}

export function conflictMessage(c: Conflict, locale: Locale, t: Translate): string {
  const base = {
    file: c.file,
    department: c.department,
    owner: c.owner,
    files: c.files.join(t("cli.merge.listSeparator")),
  };
  const change = c.change ? changeVars(c.change, locale, t) : { target: "", field: "", old: "", new: "" };
  return t(`exchange.conflict.${c.kind}` as MessageKey, { ...base, ...change });
}

export function refusalMessage(r: Refusal, t: Translate): string {
  return t(`error.${r.code}` as MessageKey, r.params);
}
