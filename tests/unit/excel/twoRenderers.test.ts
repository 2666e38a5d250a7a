/**
 * One description, two renderers, the same workbook: the state the Office.js adapter leaves in the
 * strict fake equals the .xlsx the ExcelJS writer produces for the same WorkbookSpec, read back.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildLedger } from "../../../src/domain/ledger/buildLedger";
import { parsePlan } from "../../../src/domain/plan/parsePlan";
import type { WorkbookSpec } from "../../../src/domain/workbook/spec";
import { applyWorkbookSpec } from "../../../src/excel/applyWorkbookSpec";
import { readWorkbookXlsx } from "../../../src/xlsx/readWorkbookXlsx";
import { writeWorkbookXlsx } from "../../../src/xlsx/writeWorkbookXlsx";
import { FakeExcelContext, snapshotWorkbook, type WorkbookSnapshot } from "../../support/fakeExcel";
import { makeLedgerSpec, ids } from "../../support/ledgerSpec";
import { snapshotSpec, sortValidations } from "../../support/specSnapshot";

const PLAN_TEXT = fs.readFileSync(path.join(__dirname, "../../../assets/plans/qingdao-2011-work-points.txt"), "utf8");

async function viaFake(spec: WorkbookSpec): Promise<WorkbookSnapshot> {
  const ctx = new FakeExcelContext({ state: { ...emptyWorkbook() } });
  await applyWorkbookSpec(ctx, spec, { capabilities: { dataValidation: true, createWorkbook: true } });
  const snap = snapshotWorkbook(ctx.state);
  // A new workbook starts with Sheet1; the description does not mention it.
  return sortValidations({ ...snap, sheets: snap.sheets.filter((s) => spec.sheets.some((d) => d.name === s.name)) });
}

async function viaXlsx(spec: WorkbookSpec): Promise<WorkbookSnapshot> {
  return sortValidations(snapshotSpec(await readWorkbookXlsx(await writeWorkbookXlsx(spec))));
}

function emptyWorkbook() {
  return new FakeExcelContext().state;
}

describe("one description, two renderers", () => {
  it("gives the same workbook for a hand-made ledger description", async () => {
    const spec = makeLedgerSpec(ids(12), { "1.1": { 1: 3, 2: 4 } });
    expect(await viaFake(spec)).toEqual(await viaXlsx(spec));
  });

  it("gives the same workbook for the ledger of the built-in 2011 plan", async () => {
    const plan = parsePlan(PLAN_TEXT);
    const spec = buildLedger(plan, { lang: "zh-CN", reportMonth: 3, generatedAt: "2011-04-01T00:00:00.000Z" });
    const fake = await viaFake(spec);
    const xlsx = await viaXlsx(spec);
    expect(fake.sheets.map((s) => s.name)).toEqual(xlsx.sheets.map((s) => s.name));
    for (const [i, sheet] of fake.sheets.entries()) expect(sheet).toEqual(xlsx.sheets[i]);
    expect(fake).toEqual(xlsx);
  });
});
