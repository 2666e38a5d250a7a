/**
 * Plan JSON in the pane: the CLI's format, validated with zod, which is large, so this module is
 * loaded on demand (dynamic import) when a user opens or saves a plan JSON or generates a ledger.
 */
import type { Plan } from "../domain/plan/types";
import type { Translate } from "../i18n";

/** The plan as saved JSON, its diagnostics described in the user's language. */
export async function planToJson(plan: Plan, t: Translate): Promise<string> {
  const { toPlanJson } = await import(/* webpackChunkName: "planJson" */ "../domain/plan/planJson");
  return JSON.stringify(
    toPlanJson(plan, (d) => t(`diag.${d.code}` as const, d.params)),
    null,
    2,
  );
}

/** Parses plan prose (the parser loads on demand). */
export async function parsePlanText(text: string): Promise<Plan> {
  const { parsePlan } = await import(/* webpackChunkName: "parsePlan" */ "../domain/plan/parsePlan");
  return parsePlan(text);
}

/** Decodes a plan file's bytes (UTF-8 or GBK). @throws PlanLedgerError `binary-file`. */
export async function decodePlanFile(bytes: Uint8Array, file: string): Promise<string> {
  const { decodePlanBytes } = await import(/* webpackChunkName: "parsePlan" */ "../domain/plan/decode");
  return decodePlanBytes(bytes, file).text;
}

/** True when the text looks like a saved plan rather than plan prose (the same test as planJson's). */
export function looksLikePlanJson(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text);
}

/**
 * Reads a saved plan.
 * @throws PlanLedgerError `plan-json-syntax`, `plan-json-version` or `plan-json-invalid`.
 */
export async function planFromJsonText(text: string, file: string): Promise<Plan> {
  const { planFromJson } = await import(/* webpackChunkName: "planJson" */ "../domain/plan/planJson");
  return planFromJson(text, file);
}
