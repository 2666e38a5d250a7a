/**
 * plan-ledger validate FILE [--month N] [--json]: checks a filled ledger's entries against its targets.
 * Exit 0 no errors, 1 errors found, 2 unreadable or not a ledger.
 */
import type { Finding } from "../../domain/progress/findings";
import { validateLedgerGrid, type DepartmentCounts } from "../../domain/progress/validateLedger";
import type { LedgerStatus } from "../../domain/ledger/status";
import type { MessageKey, Translate } from "../../i18n";
import { readXlsxGrid } from "../../xlsx/readGrid";
import { parseCommandArgs } from "../args";
import { UsageError, type Command } from "../context";
import { readWorkbookFile } from "../ledgerFiles";

export interface ValidationSummary {
  file: string;
  reportMonth: number;
  targets: number;
  errors: number;
  warnings: number;
  infos: number;
  /** How many targets have each status at the report month. */
  statuses: Partial<Record<LedgerStatus, number>>;
  /** Per 责任单位: targets, errors, warnings. */
  departments: Record<string, DepartmentCounts>;
}

export interface ValidationReport {
  findings: Array<Finding & { message: string }>;
  summary: ValidationSummary;
}

/** Validates a ledger's bytes; `month` overrides the report month written in 设置. */
export async function validateLedgerBytes(
  bytes: Uint8Array,
  file: string,
  t: Translate,
  month?: number,
): Promise<ValidationReport> {
  const v = validateLedgerGrid(await readXlsxGrid(bytes, file), file, month);
  return {
    findings: v.findings.map((f) => ({ ...f, message: t(`finding.${f.code}` as MessageKey, f.params) })),
    summary: {
      file,
      reportMonth: v.reportMonth,
      targets: v.targets,
      errors: v.counts.error,
      warnings: v.counts.warning,
      infos: v.counts.info,
      statuses: v.statuses,
      departments: v.byDepartment,
    },
  };
}

function formatReport(report: ValidationReport, t: Translate): string {
  const lines = report.findings.map(
    (f) =>
      `[${t(`severity.${f.severity}` as MessageKey)}] ${f.sheet}!${f.cell || "-"} ${f.targetId ?? ""} ${f.message}` +
      (f.fix ? ` ${t("cli.validate.fix", { value: f.fix.value })}` : ""),
  );
  const s = report.summary;
  lines.push(
    "",
    t("cli.validate.summary", {
      file: s.file,
      month: s.reportMonth,
      targets: s.targets,
      errors: s.errors,
      warnings: s.warnings,
    }),
  );
  return lines.join("\n") + "\n";
}

export const validateCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: "boolean" }, month: { type: "string" } },
    ctx,
    1,
  );
  const file = positionals[0];
  if (file === undefined) throw new UsageError(ctx.t("cli.validate.needFile"));
  let month: number | undefined;
  if (values.month !== undefined) {
    month = Number(values.month);
    if (!/^\d{1,2}$/.test(String(values.month)) || month < 1 || month > 12) {
      throw new UsageError(ctx.t("cli.validate.badMonth", { value: String(values.month) }));
    }
  }
  const report = await validateLedgerBytes(await readWorkbookFile(file, ctx), file, ctx.t, month);
  ctx.io.stdout(values.json ? JSON.stringify(report, null, 2) + "\n" : formatReport(report, ctx.t));
  return report.summary.errors > 0 ? 1 : 0;
};
