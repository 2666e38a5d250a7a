/** The merge preview as text (per department: changes, conflicts; refused files; 未报送) and as JSON. */
import type { DepartmentShortfall } from "../../domain/exchange/behind";
import type { MergePreview } from "../../domain/exchange/mergePreview";
import { ledgerLabels } from "../../domain/ledger/layout";
import type { Finding } from "../../domain/progress/findings";
import type { Locale, MessageKey, Translate } from "../../i18n";
import { changeVars, conflictMessage, refusalMessage } from "../../i18n/exchangeMessages";

function findingLine(f: Finding, t: Translate): string {
  return `    ${f.sheet}!${f.cell} ${f.targetId ?? ""} ${t(`finding.${f.code}` as MessageKey, f.params)}`;
}

export function formatPreview(preview: MergePreview, locale: Locale, t: Translate): string {
  const lines: string[] = [];
  for (const d of preview.departments) {
    lines.push(
      t("cli.merge.department", {
        department: d.department,
        files: d.files.join(t("cli.merge.listSeparator")),
        month: d.reportMonth,
      }),
    );
    for (const c of d.changes) lines.push(t("cli.merge.change", changeVars(c, locale, t)));
    if (d.changes.length === 0) lines.push(t("cli.merge.noChange"));
    for (const r of preview.reports.filter((r) => r.department === d.department)) {
      for (const f of r.layout) {
        lines.push(t("cli.merge.layout", { file: r.file, message: t(`finding.${f.code}` as MessageKey, f.params) }));
      }
    }
  }
  if (preview.conflicts.length > 0) {
    lines.push("", t("cli.merge.conflicts", { count: preview.conflicts.length }));
    for (const c of preview.conflicts) lines.push(`  ${conflictMessage(c, locale, t)}`);
  }
  if (preview.refused.length > 0) {
    lines.push("", t("cli.merge.refused", { count: preview.refused.length }));
    for (const r of preview.refused) {
      lines.push(`  ${refusalMessage(r, t)}`);
      for (const f of r.findings) lines.push(findingLine(f, t));
    }
  }
  if (preview.missing.length > 0) {
    lines.push(
      "",
      t("cli.merge.missing", {
        count: preview.missing.length,
        list: preview.missing.join(t("cli.merge.listSeparator")),
      }),
    );
  }
  lines.push(
    "",
    t("cli.merge.summary", {
      files: preview.files.length,
      accepted: preview.reports.length,
      refused: preview.refused.length,
      changes: preview.changes.length,
      conflicts: preview.conflicts.length,
    }),
  );
  return lines.join("\n") + "\n";
}

/** The preview as JSON, each conflict, refusal and finding with its message in the CLI's language. */
export function previewJson(preview: MergePreview, locale: Locale, t: Translate): unknown {
  return {
    master: preview.master,
    departments: preview.departments.map((d) => ({
      ...d,
      conflicts: d.conflicts.map((c) => ({ ...c, message: conflictMessage(c, locale, t) })),
    })),
    refused: preview.refused.map((r) => ({
      ...r,
      message: refusalMessage(r, t),
      findings: r.findings.map((f) => ({ ...f, message: t(`finding.${f.code}` as MessageKey, f.params) })),
    })),
    layout: preview.reports.flatMap((r) =>
      r.layout.map((f) => ({ file: r.file, ...f, message: t(`finding.${f.code}` as MessageKey, f.params) })),
    ),
    missing: preview.missing,
    summary: {
      files: preview.files.length,
      accepted: preview.reports.length,
      refused: preview.refused.length,
      changes: preview.changes.length,
      conflicts: preview.conflicts.length,
    },
  };
}

/** Who is behind after the merge, per department: "2.4 严重滞后、4.2 滞后". Empty when nobody is. */
export function formatShortfalls(
  shortfalls: readonly DepartmentShortfall[],
  month: number,
  locale: Locale,
  t: Translate,
): string {
  if (shortfalls.length === 0) return "";
  const statuses = ledgerLabels(locale).statuses;
  const lines = ["", t("cli.merge.behind", { month })];
  for (const d of shortfalls) {
    const list = d.targets.map((x) => `${x.targetId} ${statuses[x.status]}`).join(t("cli.merge.listSeparator"));
    lines.push(t("cli.merge.behindLine", { department: d.department || t("cli.merge.noDepartment"), list }));
  }
  return lines.join("\n") + "\n";
}
