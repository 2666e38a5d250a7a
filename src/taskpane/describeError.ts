/** Any error the pane meets, as a message in the user's language that says what to do. */
import { isPlanLedgerError } from "../domain/errors";
import { isAddinError } from "../excel/errors";
import type { MessageKey, Translate } from "../i18n";

export function describeError(error: unknown, t: Translate): string {
  // `as const` keeps the template's literal type, so a code without a message is a compile error.
  if (isPlanLedgerError(error)) {
    const key: MessageKey = `error.${error.code}` as const;
    return t(key, error.params);
  }
  if (isAddinError(error)) {
    const key: MessageKey = `addin.error.${error.code}` as const;
    return t(key, error.params);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return t("error.internal", { reason });
}
