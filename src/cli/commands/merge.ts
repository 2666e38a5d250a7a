/**
 * plan-ledger merge MASTER FILE… -o OUT [--json] [--dry-run] [--force] [--password P]: merges the returned department
 * copies into the master. Prints the preview; writes the new master (with its 变更记录) in one piece.
 * Exit 0 merged cleanly, 1 merged with refused files or conflicts, 2 unusable master or usage.
 */
import * as path from "node:path";
import { applyMerge } from "../../domain/exchange/applyMerge";
import { shortfallsByDepartment } from "../../domain/exchange/behind";
import { previewReturnedFiles } from "../../domain/exchange/mergeFiles";
import { readXlsxGrid } from "../../xlsx/readGrid";
import { writeWorkbookXlsx } from "../../xlsx/writeWorkbookXlsx";
import { parseCommandArgs } from "../args";
import { UsageError, type Command } from "../context";
import { loadLedgerState, readWorkbookFile } from "../ledgerFiles";
import { writeOutput } from "./generate";
import { formatPreview, formatShortfalls, previewJson } from "./mergeReport";

export const mergeCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      output: { type: "string", short: "o" },
      json: { type: "boolean" },
      "dry-run": { type: "boolean" },
      force: { type: "boolean" },
      password: { type: "string" },
    },
    ctx,
    Number.MAX_SAFE_INTEGER,
  );
  const [masterFile, ...files] = positionals;
  if (masterFile === undefined || files.length === 0) throw new UsageError(ctx.t("cli.merge.needFiles"));
  const dryRun = values["dry-run"] === true;
  const output = typeof values.output === "string" && values.output !== "" ? values.output : undefined;
  if (!dryRun && output === undefined) throw new UsageError(ctx.t("cli.merge.needOut"));

  const master = await loadLedgerState(masterFile, ctx);
  const preview = await previewReturnedFiles(
    master,
    files.map((file) => ({ file, bytes: () => readWorkbookFile(file, ctx) })),
    {
      readGrid: readXlsxGrid,
      onProgress: ({ done, total, file }) => ctx.io.stderr(ctx.t("cli.merge.progress", { done, total, file })),
    },
  );
  // Applied in memory even for --dry-run: who is behind is read from the merged figures.
  // The change log names the file, not the path it was read from.
  const changes = preview.changes.map((c) => ({ ...c, file: path.basename(c.file) }));
  const password = typeof values.password === "string" && values.password !== "" ? values.password : undefined;
  const result = applyMerge(master, changes, new Date().toISOString(), password);
  const shortfalls = shortfallsByDepartment(result.state);
  let entries: number | null = null;
  if (!dryRun && output !== undefined) {
    const bytes = await writeWorkbookXlsx(result.spec);
    await writeOutput(path.resolve(ctx.io.cwd, output), output, bytes, values.force === true);
    entries = result.state.changeLog.length;
  }
  if (values.json) {
    const json = {
      ...(previewJson(preview, ctx.locale, ctx.t) as object),
      output: output ?? null,
      dryRun,
      changeLogEntries: entries,
      behind: shortfalls,
    };
    ctx.io.stdout(JSON.stringify(json, null, 2) + "\n");
  } else {
    ctx.io.stdout(formatPreview(preview, ctx.locale, ctx.t));
    ctx.io.stdout(formatShortfalls(shortfalls, master.reportMonth, ctx.locale, ctx.t));
    ctx.io.stdout(
      entries === null ? ctx.t("cli.merge.dryRun") : ctx.t("cli.merge.written", { file: output!, entries }),
    );
  }
  return preview.refused.length > 0 || preview.conflicts.length > 0 ? 1 : 0;
};
