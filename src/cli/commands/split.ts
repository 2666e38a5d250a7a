/**
 * plan-ledger split MASTER --out DIR [--force] [--password P]: one department copy per 责任单位 of the master.
 * Exit 0 all rows sent out, 1 some rows have no 责任单位 (listed), 2 unusable master or usage.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { PlanLedgerError } from "../../domain/errors";
import { splitMaster } from "../../domain/exchange/split";
import { writeWorkbookXlsx } from "../../xlsx/writeWorkbookXlsx";
import { parseCommandArgs } from "../args";
import { UsageError, type Command } from "../context";
import { loadLedgerState } from "../ledgerFiles";
import { writeOutput } from "./generate";

export const splitCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseCommandArgs(
    args,
    { out: { type: "string" }, force: { type: "boolean" }, password: { type: "string" } },
    ctx,
    1,
  );
  const file = positionals[0];
  if (file === undefined) throw new UsageError(ctx.t("cli.split.needMaster"));
  if (typeof values.out !== "string" || values.out === "") throw new UsageError(ctx.t("cli.split.needOut"));
  const master = await loadLedgerState(file, ctx);
  const password = typeof values.password === "string" && values.password !== "" ? values.password : undefined;
  const result = splitMaster(master, new Date().toISOString(), password);
  const dir = path.resolve(ctx.io.cwd, values.out);
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new PlanLedgerError("output-unwritable", { file: values.out, reason }, { cause: error });
  }
  for (const copy of result.copies) {
    const shown = path.join(values.out, copy.fileName);
    await writeOutput(path.join(dir, copy.fileName), shown, await writeWorkbookXlsx(copy.spec), values.force === true);
    ctx.io.stdout(
      ctx.t("cli.split.copy", { file: shown, department: copy.department, targets: copy.targetIds.length }),
    );
  }
  ctx.io.stdout(ctx.t("cli.split.done", { count: result.copies.length, dir: values.out }));
  if (result.unassigned.length === 0) return 0;
  ctx.io.stdout(ctx.t("cli.split.unassigned", { count: result.unassigned.length, ids: result.unassigned.join("、") }));
  return 1;
};
