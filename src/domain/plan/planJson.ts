/**
 * The saved plan: a versioned JSON format that `parse --json` prints, a user may correct (a target,
 * the 责任单位) and every command takes back. Loading validates it and names the field that is wrong.
 */
import { z } from "zod";
import { PlanLedgerError } from "../errors";
import { COMPARATORS, TARGET_KINDS, type Diagnostic, type Plan } from "./types";

export const PLAN_FORMAT = "plan-ledger/plan";
export const PLAN_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "应为 YYYY-MM-DD 格式的日期 / must be a YYYY-MM-DD date");

const targetSchema = z.object({
  id: z.string().min(1),
  metric: z.string(),
  comparator: z.enum(COMPARATORS as [string, ...string[]]),
  value: z.number().finite().nullable(),
  max: z.number().finite().nullable().default(null),
  unit: z.string().default(""),
  kind: z.enum(TARGET_KINDS as [string, ...string[]]),
  deadline: isoDate,
  parent: z.string().nullable().default(null),
  source: z.string().default(""),
  line: z.number().int().min(0).default(0),
});

const itemSchema = z.object({
  no: z.string(),
  title: z.string(),
  text: z.string().default(""),
  departments: z.array(z.string()).default([]),
  partners: z.array(z.string()).default([]),
  targets: z.array(targetSchema),
  line: z.number().int().min(0).default(0),
});

const sectionSchema = z.object({
  no: z.string(),
  title: z.string(),
  items: z.array(itemSchema),
  line: z.number().int().min(0).default(0),
});

const diagnosticSchema = z.object({
  line: z.number().int().min(0),
  code: z.string(),
  severity: z.enum(["info", "warning", "error"]).default("info"),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  message: z.string().optional(),
});

const planSchema = z.object({
  format: z.literal(PLAN_FORMAT),
  version: z.literal(PLAN_VERSION),
  title: z.string(),
  year: z.number().int().min(1900).max(2100),
  sections: z.array(sectionSchema),
  diagnostics: z.array(diagnosticSchema).default([]),
});

export type PlanJson = z.input<typeof planSchema>;

/** The plan as saved JSON; `describe` renders each diagnostic's message in the user's language. */
export function toPlanJson(plan: Plan, describe: (d: Diagnostic) => string): PlanJson & { diagnostics: unknown[] } {
  return {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    title: plan.title,
    year: plan.year,
    sections: plan.sections,
    diagnostics: plan.diagnostics.map((d) => ({ ...d, message: describe(d) })),
  };
}

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    "",
  );
}

function invalid(file: string, field: string, problem: string): PlanLedgerError {
  return new PlanLedgerError("plan-json-invalid", { file, field, problem });
}

/** Cross-field rules a schema cannot say: unique ids, parents that exist, ranges with max ≥ value. */
function checkConsistency(plan: Plan, file: string): void {
  const ids = new Map<string, string>();
  plan.sections.forEach((s, si) =>
    s.items.forEach((item, ii) =>
      item.targets.forEach((t, ti) => {
        const field = `sections[${si}].items[${ii}].targets[${ti}]`;
        if (ids.has(t.id))
          throw invalid(
            file,
            `${field}.id`,
            `编号 ${t.id} 与 ${ids.get(t.id)} 重复 / id ${t.id} repeats ${ids.get(t.id)}`,
          );
        ids.set(t.id, field);
        if (t.kind !== "milestone" && t.value === null)
          throw invalid(file, `${field}.value`, "量化目标需要数值 / a quantitative target needs a value");
        if (t.comparator === "range" && (t.max === null || t.value === null || t.max < t.value)) {
          throw invalid(file, `${field}.max`, "区间目标需要不小于下限的上限 / a range needs a max not below its value");
        }
      }),
    ),
  );
  plan.sections.forEach((s, si) =>
    s.items.forEach((item, ii) =>
      item.targets.forEach((t, ti) => {
        if (t.parent !== null && !ids.has(t.parent)) {
          throw invalid(
            file,
            `sections[${si}].items[${ii}].targets[${ti}].parent`,
            `找不到上级目标 ${t.parent} / no target ${t.parent}`,
          );
        }
      }),
    ),
  );
}

/**
 * Reads a saved plan.
 * @throws PlanLedgerError `plan-json-syntax`, `plan-json-version` or `plan-json-invalid` (with the field).
 */
export function planFromJson(text: string, file: string): Plan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PlanLedgerError("plan-json-syntax", { file, reason: (error as Error).message }, { cause: error });
  }
  if (typeof value === "object" && value !== null && "version" in value && value.version !== PLAN_VERSION) {
    throw new PlanLedgerError("plan-json-version", { file, version: String(value.version), supported: PLAN_VERSION });
  }
  const parsed = planSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(file, fieldPath(issue.path) || "(root)", issue.message);
  }
  const { format: _format, version: _version, ...rest } = parsed.data;
  const plan = {
    ...rest,
    diagnostics: rest.diagnostics.map(({ message: _m, ...d }) => d),
  } as unknown as Plan;
  checkConsistency(plan, file);
  return plan;
}

/** True when the text looks like a saved plan rather than plan prose. */
export function isPlanJsonText(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text);
}
