/**
 * plan-ledger: the command-line front end over the same core as the add-in.
 * Exit codes: 0 success, 1 findings (validate), 2 bad usage or unreadable input, 70 internal error.
 */
import { isPlanLedgerError } from "../domain/errors";
import { resolveLocale, type Locale, type MessageKey } from "../i18n";
import { generateCommand } from "./commands/generate";
import { mergeCommand } from "./commands/merge";
import { parseCommand } from "./commands/parse";
import { splitCommand } from "./commands/split";
import { validateCommand } from "./commands/validate";
import { makeContext, UsageError, type CliIo, type Command } from "./context";

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

/** The commands; each lives in ./commands/<name>.ts. */
const COMMANDS: Record<string, Command> = {
  parse: parseCommand,
  generate: generateCommand,
  validate: validateCommand,
  split: splitCommand,
  merge: mergeCommand,
};

/** Takes --lang zh|en out of the arguments (it may stand anywhere); PLAN_LEDGER_LANG is the default. */
function takeLocale(argv: string[], envLang: string | undefined): { locale: Locale; rest: string[]; bad?: string } {
  const rest: string[] = [];
  let tag = envLang;
  let bad: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = /^--lang=(.*)$/.exec(arg);
    if (arg === "--lang" || inline) {
      const value = inline ? inline[1]! : (argv[++i] ?? "");
      if (!/^(zh|en)(-[A-Za-z]+)?$/.test(value)) bad = value;
      tag = value;
      continue;
    }
    rest.push(arg);
  }
  return { locale: resolveLocale(tag), rest, bad };
}

export async function run(argv: string[], io: CliIo, env: Record<string, string | undefined> = {}): Promise<number> {
  const { locale, rest, bad } = takeLocale(argv, env.PLAN_LEDGER_LANG);
  const ctx = makeContext(io, locale);
  if (bad !== undefined) {
    io.stderr(ctx.t("cli.badLang", { value: bad }) + "\n");
    return EXIT_USAGE;
  }
  const [name, ...args] = rest;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    (name === undefined ? io.stderr : io.stdout)(ctx.t("cli.usage"));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(ctx.t("cli.unknownCommand", { command: name }) + "\n");
    return EXIT_USAGE;
  }
  try {
    return await command(args, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.message + "\n");
      return EXIT_USAGE;
    }
    if (isPlanLedgerError(error)) {
      io.stderr(ctx.t(`error.${error.code}` as MessageKey, error.params) + "\n");
      return EXIT_USAGE;
    }
    io.stderr(
      ctx.t("error.internal", { reason: error instanceof Error ? (error.stack ?? error.message) : String(error) }) +
        "\n",
    );
    return EXIT_INTERNAL;
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** The process entry point (bin/plan-ledger.js). */
export function main(argv: string[]): Promise<number> {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readAll(process.stdin),
    cwd: process.cwd(),
  };
  return run(argv, io, process.env);
}
