/**
 * plan-ledger generate [PLAN] [-o FILE] [--month N] [--year Y] [--force] [--password P] [--department NAME]:
 * writes the ledger workbook. The workbook's language is the CLI's (--lang, consumed by main.ts).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { PlanLedgerError } from "../../domain/errors";
import { buildLedger } from "../../domain/ledger/buildLedger";
import { listTargets } from "../../domain/plan/types";
import { writeWorkbookXlsx } from "../../xlsx/writeWorkbookXlsx";
import { parseCommandArgs, readYear } from "../args";
import type { CliContext, Command } from "../context";
import { loadPlan } from "../files";

/** --month: a whole month 1 … 12. @throws PlanLedgerError "bad-month". */
export function readMonth(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const month = Number(value);
  if (typeof value !== "string" || !/^\d{1,2}$/.test(value.trim()) || month < 1 || month > 12) {
    throw new PlanLedgerError("bad-month", { value: String(value) });
  }
  return month;
}

/** Without --month: December for a past plan year, January for a future one, else the current month. */
export function defaultReportMonth(planYear: number, now: Date): number {
  if (planYear < now.getFullYear()) return 12;
  if (planYear > now.getFullYear()) return 1;
  return now.getMonth() + 1;
}

/**
 * Writes `bytes` to `file`, refusing to replace an existing file unless `force`.
 * @throws PlanLedgerError "output-exists" or "output-unwritable".
 */
export async function writeOutput(full: string, shown: string, bytes: Uint8Array, force: boolean): Promise<void> {
  try {
    // "wx" fails atomically when the file exists: no window between a check and the write.
    await fs.writeFile(full, bytes, { flag: force ? "w" : "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new PlanLedgerError("output-exists", { file: shown }, { cause: error });
    throw new PlanLedgerError(
      "output-unwritable",
      { file: shown, reason: code ?? (error as Error).message },
      { cause: error },
    );
  }
}

export const generateCommand: Command = async (args: string[], ctx: CliContext) => {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      output: { type: "string", short: "o" },
      month: { type: "string" },
      year: { type: "string" },
      force: { type: "boolean" },
      password: { type: "string" },
      department: { type: "string" },
    },
    ctx,
    1,
  );
  // Options are checked before the plan is read, so a typo costs nothing.
  const month = readMonth(values.month);
  const defaultYear = readYear(values.year, ctx);
  const plan = await loadPlan(positionals[0], ctx, defaultYear === undefined ? {} : { defaultYear });
  const now = new Date();
  const spec = buildLedger(plan, {
    lang: ctx.locale,
    reportMonth: month ?? defaultReportMonth(plan.year, now),
    generatedAt: now.toISOString(),
    ...(typeof values.password === "string" && values.password !== "" ? { password: values.password } : {}),
    ...(typeof values.department === "string" && values.department !== "" ? { department: values.department } : {}),
  });
  const bytes = await writeWorkbookXlsx(spec);
  const shown =
    typeof values.output === "string" ? values.output : ctx.t("cli.generate.defaultFile", { year: plan.year });
  await writeOutput(path.resolve(ctx.io.cwd, shown), shown, bytes, values.force === true);
  ctx.io.stdout(
    ctx.t("cli.generate.done", {
      file: shown,
      targets: listTargets(plan).length,
      month: month ?? defaultReportMonth(plan.year, now),
      size: Math.ceil(bytes.length / 1024),
    }),
  );
  return 0;
};
