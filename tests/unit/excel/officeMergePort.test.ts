/**
 * Send out and merge back through the Office.js adapters over the strict fake: the master is read in
 * one batch (2 syncs the first time), each copy opened with one Excel.createWorkbook, the merged master
 * written in 2 syncs (read the sheets, write everything) with its 变更记录.
 */
import { LEDGER_COLUMNS } from "../../../src/domain/ledger/layout";
import { columnLetter } from "../../../src/domain/workbook/address";
import { buildLedger } from "../../../src/domain/ledger/buildLedger";
import { regenerateLedger } from "../../../src/excel/applyWorkbookSpec";
import { createOfficeLedgerPort } from "../../../src/excel/officeLedgerPort";
import { createOfficeMergePort } from "../../../src/excel/officeMergePort";
import { createOfficeValidationPort } from "../../../src/excel/officeValidationPort";
import { createExchangeActions, type PickedFile } from "../../../src/taskpane/exchangeActions";
import { FakeExcelContext, snapshotWorkbook } from "../../support/fakeExcel";
import { departmentCopyXlsx } from "../../support/departmentCopy";
import { GENERATED_AT, masterState, plan2011WithDepartments } from "../../support/exchange";
import { readXlsxGrid } from "../../../src/xlsx/readGrid";

const ALL = { dataValidation: true, createWorkbook: true };
const plan = plan2011WithDepartments();

async function setup(createWorkbook = ALL.createWorkbook) {
  const ctx = new FakeExcelContext();
  const spec = buildLedger(plan, { lang: "zh-CN", reportMonth: 6, generatedAt: GENERATED_AT });
  await regenerateLedger(ctx, plan, spec, { capabilities: ALL, planJson: "{}", today: "2011-07-01" });
  const run = async (batch: (c: FakeExcelContext) => Promise<unknown>) => batch(ctx);
  const created: string[] = [];
  const capabilities = { dataValidation: true, createWorkbook };
  const actions = createExchangeActions({
    ledger: createOfficeLedgerPort({
      capabilities,
      buildSpec: () => spec,
      planJson: () => "{}",
      run,
      createWorkbook: async (base64) => void created.push(base64),
    }),
    validation: createOfficeValidationPort({ run }),
    merge: createOfficeMergePort({ capabilities, run }),
    masterName: "当前工作簿",
    now: () => new Date("2011-07-06T09:30:00.000Z"),
    readGrid: readXlsxGrid,
  });
  return { ctx, actions, created };
}

function picked(name: string, bytes: Uint8Array): PickedFile {
  return { name, bytes: async () => bytes };
}

function ledgerCell(ctx: FakeExcelContext, sheet: string, address: string): unknown {
  return snapshotWorkbook(ctx.state).sheets.find((s) => s.name === sheet)?.cells[address]?.value ?? null;
}

describe("send out and merge back over the strict fake", () => {
  it("reads the master in 2 syncs and opens one workbook per department with createWorkbook", async () => {
    const { ctx, actions, created } = await setup();
    const before = ctx.syncCount;
    const sent = await actions.sendOut();
    expect(sent.syncs).toBe(2);
    expect(ctx.syncCount - before).toBe(2);
    expect(sent.copies.length).toBeGreaterThan(1);
    expect(sent.unassigned).toEqual([]);
    expect(await actions.openCopies(sent.copies)).toBe(sent.copies.length);
    expect(created).toHaveLength(sent.copies.length);
    expect(Buffer.from(created[0]!, "base64").subarray(0, 2).toString("latin1")).toBe("PK");
    expect(ctx.syncCount - before).toBe(2);
    console.log(`split: read ${sent.syncs} syncs, ${created.length} createWorkbook calls, no further syncs`);
  });

  it("refuses to open workbooks without ExcelApi 1.8", async () => {
    const { actions } = await setup(false);
    const sent = await actions.sendOut();
    expect(actions.canOpenWorkbooks).toBe(false);
    await expect(actions.openCopies(sent.copies.slice(0, 1))).rejects.toMatchObject({ code: "excel-request-failed" });
  });

  it("merges a changed figure in a constant number of syncs, writes 变更记录, and a second merge changes nothing", async () => {
    const { ctx, actions } = await setup();
    const sent = await actions.sendOut();
    expect(sent.copies.map((c) => c.department)).toContain("市金融办");
    const copy = await departmentCopyXlsx(masterState(plan), "市金融办", { "2.1": { 6: 7 } });
    const returned = copy.bytes;
    const progress: number[] = [];
    const check = await actions.checkReturns([picked(copy.fileName, returned)], (p) => progress.push(p.done));
    expect(progress).toEqual([1]);
    expect(check.preview.changes).toEqual([expect.objectContaining({ targetId: "2.1", month: 6, old: null, new: 7 })]);

    const before = ctx.syncCount;
    const applied = await actions.apply(check);
    if (applied.stale) throw new Error("stale");
    expect(applied.added).toBe(1);
    expect(applied.report.sheets).toContain("变更记录");
    expect(applied.report.syncs).toBe(2);
    expect(ctx.syncCount - before).toBe(applied.readSyncs + applied.report.syncs);
    console.log(
      `merge apply: ${applied.readSyncs} sync(s) re-read + ${applied.report.syncs} syncs write (${ctx.syncCount - before} in all)`,
    );

    const again = await actions.checkReturns([picked(copy.fileName, returned)], () => undefined);
    expect(again.preview.changes).toEqual([]);
    const log = snapshotWorkbook(ctx.state).sheets.find((s) => s.name === "变更记录")!;
    const logText = Object.values(log.cells).map((c) => c.value);
    expect(logText).toEqual(expect.arrayContaining([copy.fileName, "市金融办", "2.1", 7]));
    expect(ledgerCell(ctx, "台账", "A1")).not.toBeNull();
  });

  it("applies nothing when the workbook changed after the preview", async () => {
    const { ctx, actions } = await setup();
    await actions.sendOut();
    const copy = await departmentCopyXlsx(masterState(plan), "市金融办", { "2.1": { 6: 7 } });
    const check = await actions.checkReturns([picked(copy.fileName, copy.bytes)], () => undefined);
    // Someone types May's figure of 2.1 into the open ledger between the preview and the apply.
    const cells = snapshotWorkbook(ctx.state).sheets.find((s) => s.name === "台账")!.cells;
    const row = Object.keys(cells)
      .find((a) => /^A\d+$/.test(a) && cells[a]!.value === "2.1")!
      .slice(1);
    const ledger = ctx.workbook.worksheets.getItemOrNullObject("台账");
    ledger.getRange(`${columnLetter(LEDGER_COLUMNS.firstMonth + 4)}${row}`).values = [[3]];
    await ctx.sync();
    const applied = await actions.apply(check);
    expect(applied.stale).toBe(true);
    expect(snapshotWorkbook(ctx.state).sheets.map((s) => s.name)).not.toContain("变更记录");
  });

  it("says the open workbook is not a ledger when there is nothing to send out", async () => {
    const ctx = new FakeExcelContext();
    const run = async (batch: (c: FakeExcelContext) => Promise<unknown>) => batch(ctx);
    const actions = createExchangeActions({
      ledger: createOfficeLedgerPort({
        capabilities: ALL,
        buildSpec: () => Promise.reject(new Error("not in this test")),
        planJson: () => "{}",
        run,
      }),
      validation: createOfficeValidationPort({ run }),
      merge: createOfficeMergePort({ capabilities: ALL, run }),
      masterName: "当前工作簿",
    });
    await expect(actions.sendOut()).rejects.toMatchObject({ name: "PlanLedgerError" });
    expect(snapshotWorkbook(ctx.state).sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});
