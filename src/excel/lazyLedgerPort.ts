/**
 * A LedgerPort whose Office.js adapter loads on first use, so the task pane's first download holds
 * only the pane. Capabilities are known up front (checked once at start-up).
 */
import type { Plan } from "../domain/plan/types";
import type { ExcelCapabilities } from "./excelApi";
import type { GenerateOptions, LedgerPort } from "./ledgerPort";

export function lazyLedgerPort(capabilities: ExcelCapabilities, load: () => Promise<LedgerPort>): LedgerPort {
  let port: Promise<LedgerPort> | undefined;
  const get = () => (port ??= load());
  return {
    capabilities,
    readExisting: async () => (await get()).readExisting(),
    generate: async (plan: Plan, options: GenerateOptions) => (await get()).generate(plan, options),
    savePlan: async (planJson: string) => (await get()).savePlan(planJson),
    openAsNewWorkbook: async (xlsx: Uint8Array) => (await get()).openAsNewWorkbook(xlsx),
  };
}

/** Checks the optional requirement sets once, at start-up. */
export function detectCapabilities(requirements: {
  isSetSupported(name: string, minVersion?: string): boolean;
}): ExcelCapabilities {
  return {
    dataValidation: requirements.isSetSupported("ExcelApi", "1.8"),
    createWorkbook: requirements.isSetSupported("ExcelApi", "1.8"),
  };
}
