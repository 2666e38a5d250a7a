/** The LedgerPort over Office.js: one Excel.run per user action, host errors turned into AddinError. */
import type { Plan } from "../domain/plan/types";
import { regenerateLedger } from "./applyWorkbookSpec";
import { AddinError, isAddinError } from "./errors";
import type { ExcelCapabilities, ExcelContextLike } from "./excelApi";
import type { ExistingLedger, GenerateOptions, GenerateReport, LedgerPort, SpecBuilder } from "./ledgerPort";
import { PLAN_SETTING, readWorkbookState } from "./readWorkbook";
import { syncWithTimeout, type SyncOptions } from "./syncQueue";

export { detectCapabilities } from "./lazyLedgerPort";

export interface OfficeLedgerPortOptions extends SyncOptions {
  buildSpec: SpecBuilder;
  /** The plan as saved JSON (toPlanJson with messages in the user's language; may load on demand). */
  planJson: (plan: Plan) => string | Promise<string>;
  capabilities: ExcelCapabilities;
  /** Excel.run, or a stand-in (the end-to-end harness passes the fake's). */
  run: (batch: (context: ExcelContextLike) => Promise<unknown>) => Promise<unknown>;
  /** Excel.createWorkbook (ExcelApi 1.8), or a stand-in. */
  createWorkbook?: (base64: string) => Promise<void>;
  now?: () => Date;
}

/** Base64 of bytes, in chunks (String.fromCharCode takes a limited number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function wrapHostError(error: unknown): never {
  if (isAddinError(error)) throw error;
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  throw new AddinError("excel-request-failed", { reason: message, code }, { cause: error });
}

export function createOfficeLedgerPort(options: OfficeLedgerPortOptions): LedgerPort {
  const { capabilities } = options;
  async function run<T>(batch: (context: ExcelContextLike) => Promise<T>): Promise<T> {
    let result: T | undefined;
    try {
      await options.run(async (context) => {
        result = await batch(context);
      });
    } catch (error) {
      wrapHostError(error);
    }
    return result as T;
  }

  return {
    capabilities,
    readExisting(): Promise<ExistingLedger> {
      return run(async (context) => {
        const state = await readWorkbookState(context, [], options);
        return { sheets: [...state.sheets.keys()], savedPlan: state.savedPlan };
      });
    },
    async generate(plan: Plan, generateOptions: GenerateOptions): Promise<GenerateReport> {
      const spec = await options.buildSpec(plan, generateOptions);
      const planJson = await options.planJson(plan);
      const today = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
      return run((context) => regenerateLedger(context, plan, spec, { ...options, capabilities, planJson, today }));
    },
    async openAsNewWorkbook(xlsx: Uint8Array): Promise<void> {
      const create = options.createWorkbook;
      if (!create || !capabilities.createWorkbook) {
        throw new AddinError("excel-request-failed", {
          reason: "ExcelApi 1.8 (Excel.createWorkbook) is not available",
          code: "",
        });
      }
      try {
        await create(toBase64(xlsx));
      } catch (error) {
        wrapHostError(error);
      }
    },
    savePlan(planJson: string): Promise<void> {
      return run(async (context) => {
        context.workbook.settings.add(PLAN_SETTING, planJson);
        await syncWithTimeout(context, options.timeoutMs);
      });
    },
  };
}

/** The real Excel.createWorkbook (ExcelApi 1.8). */
export function officeCreateWorkbook(base64: string): Promise<void> {
  return Excel.createWorkbook(base64);
}

/** The real Excel.run, typed against the adapter's narrow API (a compile-time check that they match). */
export function officeRun(batch: (context: ExcelContextLike) => Promise<unknown>): Promise<unknown> {
  return Excel.run((context) => {
    const narrow: ExcelContextLike = context;
    return batch(narrow);
  });
}
