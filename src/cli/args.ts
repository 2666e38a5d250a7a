/** Command-line parsing on Node's own util.parseArgs, with messages in the user's language. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError, type CliContext } from "./context";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses a command's arguments; unknown options and missing values become a UsageError. */
export function parseCommandArgs(
  args: string[],
  options: Options,
  ctx: CliContext,
  maxPositionals: number,
): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const option = /'([^']+)'/.exec(e.message)?.[1] ?? e.message;
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(ctx.t("cli.missingValue", { option }));
    throw new UsageError(ctx.t("cli.unknownOption", { option }));
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(ctx.t("cli.unexpectedArgument", { value: parsed.positionals[maxPositionals]! }));
  }
  return { values: parsed.values as ParsedArgs["values"], positionals: parsed.positionals };
}

/** --year: a whole year between 1900 and 2100, or undefined when absent. */
export function readYear(value: string | boolean | undefined, ctx: CliContext): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (typeof value !== "string" || !/^\d{4}$/.test(value) || year < 1900 || year > 2100) {
    throw new UsageError(ctx.t("cli.badYear", { value: String(value) }));
  }
  return year;
}
