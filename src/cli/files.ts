/** Reading plans from files or standard input: the CLI's one wrapper of the file system for plans. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { PlanLedgerError } from "../domain/errors";
import { decodePlanBytes } from "../domain/plan/decode";
import { parsePlan, type ParseOptions } from "../domain/plan/parsePlan";
import { isPlanJsonText, planFromJson } from "../domain/plan/planJson";
import type { Plan } from "../domain/plan/types";
import type { CliContext } from "./context";

/** Larger inputs are refused rather than read into memory. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;

/** The built-in plan: the Qingdao municipal government general office's 2011 work points. */
export const BUILTIN_PLAN_PATH = path.resolve(__dirname, "..", "..", "assets", "plans", "qingdao-2011-work-points.txt");

export async function readBytes(file: string, ctx: CliContext): Promise<Uint8Array> {
  if (file === "-") return ctx.io.readStdin();
  const full = path.resolve(ctx.io.cwd, file);
  let stat;
  try {
    stat = await fs.stat(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new PlanLedgerError("file-not-found", { file }, { cause: error });
    throw new PlanLedgerError("file-unreadable", { file, reason: (error as Error).message }, { cause: error });
  }
  if (stat.isDirectory()) throw new PlanLedgerError("file-unreadable", { file, reason: "EISDIR" });
  if (stat.size > MAX_PLAN_BYTES)
    throw new PlanLedgerError("file-too-large", { file, size: stat.size, limit: MAX_PLAN_BYTES });
  try {
    return await fs.readFile(full);
  } catch (error) {
    throw new PlanLedgerError("file-unreadable", { file, reason: (error as Error).message }, { cause: error });
  }
}

/**
 * A plan from a text file (parsed) or a saved plan JSON (validated); the built-in plan without a file.
 * @throws PlanLedgerError when the file cannot be read, is binary, or is an invalid plan JSON.
 */
export async function loadPlan(file: string | undefined, ctx: CliContext, options: ParseOptions = {}): Promise<Plan> {
  const name = file ?? BUILTIN_PLAN_PATH;
  const bytes = await readBytes(name, ctx);
  const { text } = decodePlanBytes(bytes, file === "-" ? "stdin" : name);
  return isPlanJsonText(text) ? planFromJson(text, name) : parsePlan(text, options);
}
