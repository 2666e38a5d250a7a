/** A ValidationPort whose Office.js adapter loads on first use (like lazyLedgerPort). */
import type { FixRequest, ValidationPort } from "./validationPort";

export function lazyValidationPort(load: () => Promise<ValidationPort>): ValidationPort {
  let port: Promise<ValidationPort> | undefined;
  const get = () => (port ??= load());
  return {
    readLedgerGrid: async () => (await get()).readLedgerGrid(),
    selectCell: async (sheet: string, cell: string) => (await get()).selectCell(sheet, cell),
    applyFixes: async (fixes: readonly FixRequest[]) => (await get()).applyFixes(fixes),
  };
}
