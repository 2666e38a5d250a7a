/** What a command needs from the outside world, so tests can run commands in-process. */
import { translator, type Locale, type Translate } from "../i18n";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input. */
  readStdin(): Promise<Uint8Array>;
  cwd: string;
}

export interface CliContext {
  io: CliIo;
  locale: Locale;
  t: Translate;
}

export function makeContext(io: CliIo, locale: Locale): CliContext {
  return { io, locale, t: translator(locale) };
}

/** A command: the arguments after its name in, an exit code out (0 ok, 1 findings, 2 bad input). */
export type Command = (args: string[], ctx: CliContext) => Promise<number>;

/** Bad command-line usage or unreadable input: printed as it is, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
