/** Runs the CLI in-process with captured output. */
import { run } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/context";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { cwd?: string; stdin?: Uint8Array | string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () =>
      typeof options.stdin === "string" ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array()),
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await run(argv, io, options.env ?? {});
  return { code, stdout, stderr };
}
