/** A ledger generated into the strict fake workbook, and typing into it as a department would. */
import { buildLedger } from "../../src/domain/ledger/buildLedger";
import type { Plan } from "../../src/domain/plan/types";
import { readLedger } from "../../src/domain/progress/readLedger";
import { createOfficeLedgerPort } from "../../src/excel/officeLedgerPort";
import { createOfficeValidationPort } from "../../src/excel/officeValidationPort";
import type { ValidationPort } from "../../src/excel/validationPort";
import type { Locale } from "../../src/i18n";
import { FakeExcelContext, snapshotWorkbook } from "./fakeExcel";

export async function generateIntoFake(
  plan: Plan,
  options: { password?: string; locale?: Locale; reportMonth?: number; ctx?: FakeExcelContext } = {},
): Promise<FakeExcelContext> {
  const ctx = options.ctx ?? new FakeExcelContext();
  const ledger = createOfficeLedgerPort({
    capabilities: { dataValidation: true, createWorkbook: true },
    buildSpec: (p, o) =>
      buildLedger(p, {
        lang: options.locale ?? "zh-CN",
        reportMonth: o.reportMonth,
        generatedAt: "2011-04-01T00:00:00Z",
        password: options.password,
      }),
    planJson: () => "{}",
    run: (batch) => batch(ctx),
  });
  await ledger.generate(plan, { reportMonth: options.reportMonth ?? 3 });
  return ctx;
}

export function validationPortOver(ctx: FakeExcelContext): ValidationPort {
  return createOfficeValidationPort({ run: (batch) => batch(ctx) });
}

/** Types into the ledger sheet (month cells are unlocked on the protected sheet). */
export async function typeIntoLedger(
  ctx: FakeExcelContext,
  cells: Record<string, string | number>,
  sheet = "台账",
): Promise<void> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
  for (const [cell, value] of Object.entries(cells)) ws.getRange(cell).formulas = [[value]];
  await ctx.sync();
}

export function ledgerValue(ctx: FakeExcelContext, cell: string, sheet = "台账"): unknown {
  return snapshotWorkbook(ctx.state).sheets.find((s) => s.name === sheet)!.cells[cell]?.value ?? null;
}

/** Month cells (January, February) of the ledger's cumulative targets, in row order, with their ids. */
export async function cumulativeRows(ctx: FakeExcelContext): Promise<Array<{ id: string; jan: string; feb: string }>> {
  const { grid } = await validationPortOver(ctx).readLedgerGrid();
  return readLedger(grid, "test")
    .rows.filter((r) => r.target.kind === "cumulative")
    .map((r) => ({ id: r.target.id, jan: r.monthCell(1), feb: r.monthCell(2) }));
}
