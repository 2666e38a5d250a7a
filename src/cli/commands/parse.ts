/** plan-ledger parse [FILE|-] [--json] [--year Y]: a work plan to structured targets. */
import type { Diagnostic, Plan } from "../../domain/plan/types";
import { toPlanJson } from "../../domain/plan/planJson";
import type { MessageKey, Translate } from "../../i18n";
import { parseCommandArgs, readYear } from "../args";
import type { CliContext, Command } from "../context";
import { loadPlan } from "../files";

export function describeDiagnostic(d: Diagnostic, t: Translate): string {
  return t(`diag.${d.code}` as MessageKey, d.params);
}

function formatValue(value: number | null, max: number | null): string {
  if (value === null) return "—";
  return max === null ? String(value) : `${value}–${max}`;
}

/** The readable table: sections, items, one line per target, then the diagnostics. */
export function formatPlanTable(plan: Plan, t: Translate): string {
  const out: string[] = [];
  out.push(`${plan.title} (${plan.year})`, "", t("cli.table.header"));
  let targets = 0;
  let quantitative = 0;
  let items = 0;
  for (const section of plan.sections) {
    if (section.no || section.title) out.push(t("cli.table.section", { no: section.no, title: section.title }));
    for (const item of section.items) {
      items++;
      const departments =
        item.departments.length > 0 ? t("cli.table.departments", { list: item.departments.join("、") }) : "";
      out.push(t("cli.table.item", { no: item.no, title: item.title, departments }));
      for (const target of item.targets) {
        targets++;
        if (target.kind !== "milestone") quantitative++;
        out.push(
          [
            `    ${target.id}`,
            target.metric,
            target.comparator,
            formatValue(target.value, target.max),
            target.unit,
            t(`kind.${target.kind}` as MessageKey),
            target.deadline,
            target.source,
          ].join("\t"),
        );
      }
    }
  }
  out.push("", t("cli.summary", { sections: plan.sections.length, items, targets, quantitative }));
  const notes = plan.diagnostics;
  if (notes.length > 0) {
    out.push("", t("cli.diagnostics", { count: notes.length }));
    for (const d of notes) out.push(`  [${t(`severity.${d.severity}` as MessageKey)}] ${describeDiagnostic(d, t)}`);
  }
  return out.join("\n") + "\n";
}

export const parseCommand: Command = async (args: string[], ctx: CliContext) => {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: "boolean" }, year: { type: "string" } },
    ctx,
    1,
  );
  const defaultYear = readYear(values.year, ctx);
  const plan = await loadPlan(positionals[0], ctx, defaultYear === undefined ? {} : { defaultYear });
  if (values.json) {
    ctx.io.stdout(
      JSON.stringify(
        toPlanJson(plan, (d) => describeDiagnostic(d, ctx.t)),
        null,
        2,
      ) + "\n",
    );
  } else {
    ctx.io.stdout(formatPlanTable(plan, ctx.t));
  }
  return 0;
};
