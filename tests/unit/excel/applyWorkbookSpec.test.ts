import { applyWorkbookSpec } from "../../../src/excel/applyWorkbookSpec";
import { AddinError } from "../../../src/excel/errors";
import { syncWithTimeout } from "../../../src/excel/syncQueue";
import { FakeExcelContext, snapshotWorkbook } from "../../support/fakeExcel";
import { ids, makeLedgerSpec } from "../../support/ledgerSpec";

const ALL = { dataValidation: true, createWorkbook: true };

async function apply(count: number, options: { apiVersion?: number; maxBatchBytes?: number } = {}) {
  const ctx = new FakeExcelContext({ apiVersion: options.apiVersion ?? 20 });
  const capabilities = (options.apiVersion ?? 20) >= 8 ? ALL : { dataValidation: false, createWorkbook: false };
  const report = await applyWorkbookSpec(ctx, makeLedgerSpec(ids(count)), {
    capabilities,
    ...(options.maxBatchBytes ? { maxBatchBytes: options.maxBatchBytes } : {}),
  });
  return { ctx, report, snap: snapshotWorkbook(ctx.state) };
}

describe("applyWorkbookSpec", () => {
  it("writes values, English formulas with '=', number formats and keeps ids as text", async () => {
    const { snap } = await apply(3);
    const ledger = snap.sheets.find((s) => s.name === "台账")!;
    expect(ledger.cells.A3).toEqual({ value: "1.1", numberFormat: "@", border: "808080" });
    expect(ledger.cells.Q3).toMatchObject({ formula: "SUM(E3:P3)", numberFormat: "0.00" });
    expect(ledger.cells.B2).toMatchObject({ value: "指标", bold: true, fill: "DDEBF7", horizontal: "center" });
  });

  it("unlocks input cells and protects the ledger sheet", async () => {
    const { snap } = await apply(3);
    const ledger = snap.sheets.find((s) => s.name === "台账")!;
    expect(ledger.cells.E3).toMatchObject({ locked: false, fill: "FFF2CC" });
    expect(ledger.cells.A3!.locked).toBeUndefined();
    expect(ledger.protected).toBe(true);
  });

  it("puts the first rule of the description first in Excel's priority order", async () => {
    const { snap } = await apply(3);
    const ledger = snap.sheets.find((s) => s.name === "台账")!;
    expect(ledger.conditionalFormats).toEqual([
      { range: "Q3:Q5", formula: "$Q3>=$C3", fill: "C6EFCE", stopIfTrue: true },
      { range: "Q3:Q5", formula: "$Q3<$C3", fill: "FFC7CE", fontColor: "9C0006", bold: true, stopIfTrue: false },
    ]);
  });

  it("hides the settings sheet (veryHidden), adds the defined name, merges, freezes and sizes columns", async () => {
    const { snap } = await apply(3);
    expect(snap.sheets.map((s) => [s.name, s.state])).toEqual([
      ["台账", "visible"],
      ["设置", "veryHidden"],
      ["Sheet1", "visible"],
    ]);
    expect(snap.names).toEqual({ 报告月份: "'设置'!$B$1" });
    const ledger = snap.sheets[0]!;
    expect(ledger.merges).toEqual(["A1:R1"]);
    expect(ledger.frozen).toEqual({ rows: 2, columns: 2 });
    expect(ledger.columnWidths.B).toBe(30);
    expect(ledger.columnWidths.A).toBe(9);
    expect(snap.activeSheet).toBe("台账");
  });

  it("writes data validation where ExcelApi 1.8 is available", async () => {
    const { snap, report } = await apply(3);
    expect(snap.sheets[0]!.validations).toEqual([
      { range: "E3:P5", rule: { decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } }, ignoreBlanks: true },
    ]);
    expect(report.skipped).toEqual([]);
  });

  it("skips data validation on ExcelApi 1.7 and says so", async () => {
    const { snap, report } = await apply(3, { apiVersion: 7 });
    expect(snap.sheets[0]!.validations).toEqual([]);
    expect(report.skipped).toEqual(["dataValidation"]);
  });

  it("uses the same number of syncs for 3 and 2,000 targets", async () => {
    const small = await apply(3);
    const large = await apply(2000);
    expect(small.ctx.syncCount).toBe(2);
    expect(large.ctx.syncCount).toBe(2);
    expect(large.report.syncs).toBe(2);
    expect(large.snap.sheets[0]!.cells.A2002).toMatchObject({ value: "400.5" });
  });

  it("splits the writes into batches below the request limit", async () => {
    const { ctx, snap, report } = await apply(2000, { maxBatchBytes: 200_000 });
    expect(report.requestBytes).toBeGreaterThan(400_000);
    // One read, then at least one write per 200 kB of payload.
    expect(ctx.syncCount).toBeGreaterThanOrEqual(1 + Math.ceil(report.requestBytes / 200_000));
    expect(snap.sheets[0]!.cells.Q2002).toMatchObject({ formula: "SUM(E2002:P2002)" });
    expect(snap.sheets[0]!.protected).toBe(true);
  });

  it("rewrites an existing, protected ledger in place", async () => {
    const ctx = new FakeExcelContext();
    await applyWorkbookSpec(ctx, makeLedgerSpec(ids(5)), { capabilities: ALL });
    const report = await applyWorkbookSpec(ctx, makeLedgerSpec(ids(2)), { capabilities: ALL });
    const snap = snapshotWorkbook(ctx.state);
    expect(report.syncs).toBe(2);
    expect(snap.sheets.map((s) => s.name)).toEqual(["台账", "设置", "Sheet1"]);
    expect(snap.sheets[0]!.cells.A5).toBeUndefined();
    expect(snap.sheets[0]!.conditionalFormats).toHaveLength(2);
    expect(snap.sheets[0]!.protected).toBe(true);
  });
});

it("clears and writes nothing when a protected sheet's password is not the description's", async () => {
  const ctx = new FakeExcelContext();
  await applyWorkbookSpec(ctx, makeLedgerSpec(ids(3)), { capabilities: ALL });
  // The first sheet holds an entry; the second, later in the description, has someone else's password.
  ctx.workbook.worksheets.getItemOrNullObject("台账").getRange("E3").formulas = [[5]];
  ctx.workbook.worksheets.getItemOrNullObject("设置").protection.protect({}, "他人的密码");
  await ctx.sync();
  // Excel does not roll back: sheets unprotected before the failing one stay unprotected.
  const contents = () => snapshotWorkbook(ctx.state).sheets.map(({ protected: _p, ...sheet }) => sheet);
  const before = contents();
  await expect(applyWorkbookSpec(ctx, makeLedgerSpec(ids(2)), { capabilities: ALL })).rejects.toThrow("wrong password");
  expect(contents()).toEqual(before);
  expect(contents()[0]!.cells.E3!.value).toBe(5);
});

describe("syncWithTimeout", () => {
  it("rejects with excel-sync-timeout when Excel does not answer", async () => {
    const hanging = { workbook: new FakeExcelContext().workbook, sync: () => new Promise<never>(() => undefined) };
    const error = await syncWithTimeout(hanging, 20).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddinError);
    expect(error).toMatchObject({ code: "excel-sync-timeout", params: { seconds: 0 } });
  });
});
