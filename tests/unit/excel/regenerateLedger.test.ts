import * as fs from "node:fs";
import * as path from "node:path";
import { buildLedger } from "../../../src/domain/ledger/buildLedger";
import { parsePlan } from "../../../src/domain/plan/parsePlan";
import { regenerateLedger } from "../../../src/excel/applyWorkbookSpec";
import { createOfficeLedgerPort } from "../../../src/excel/officeLedgerPort";
import { PLAN_SETTING } from "../../../src/excel/readWorkbook";
import { FakeExcelContext, snapshotWorkbook } from "../../support/fakeExcel";
import { ids, makeLedgerSpec, makePlan } from "../../support/ledgerSpec";

const ALL = { dataValidation: true, createWorkbook: true };
const OPTIONS = { capabilities: ALL, planJson: "{}", today: "2011-04-05" };

/** Types entries into the ledger as a department would (input cells are unlocked). */
async function typeEntries(ctx: FakeExcelContext, cells: Record<string, number | string>): Promise<void> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject("台账");
  for (const [address, value] of Object.entries(cells)) sheet.getRange(address).formulas = [[value]];
  await ctx.sync();
}

describe("regenerating a ledger in place", () => {
  it("keeps entered values by target id and moves departed targets to 归档", async () => {
    const ctx = new FakeExcelContext();
    const first = ["1.1", "1.2", "2.1"];
    await regenerateLedger(ctx, makePlan(first), makeLedgerSpec(first), OPTIONS);
    await typeEntries(ctx, { E3: 4, F3: 5, R3: "进展顺利", E4: 7, E5: 1 });

    const second = ["2.1", "1.1", "3.1"];
    const before = ctx.syncCount;
    const report = await regenerateLedger(ctx, makePlan(second), makeLedgerSpec(second), OPTIONS);
    const snap = snapshotWorkbook(ctx.state);
    const ledger = snap.sheets.find((s) => s.name === "台账")!;

    expect(ledger.cells.A3!.value).toBe("2.1");
    expect(ledger.cells.E3!.value).toBe(1);
    expect(ledger.cells.A4!.value).toBe("1.1");
    expect([ledger.cells.E4!.value, ledger.cells.F4!.value, ledger.cells.R4!.value]).toEqual([4, 5, "进展顺利"]);
    expect(ledger.cells.E5?.value ?? null).toBeNull();
    expect(report).toMatchObject({ regenerated: true, keptCells: 4, archived: ["1.2"], targets: 3 });

    const archive = snap.sheets.find((s) => s.name === "归档")!;
    expect(archive.cells.A1!.value).toBe("归档日期");
    expect(archive.cells.C1!.value).toBe("编号");
    expect([
      archive.cells.A2!.value,
      archive.cells.B2!.value,
      archive.cells.C2!.value,
      archive.cells.G2!.value,
    ]).toEqual(["2011-04-05", "台账", "1.2", 7]);
    expect(ctx.syncCount - before).toBe(3);
  });

  it("refuses to overwrite a sheet of the same name in a workbook it did not write", async () => {
    const ctx = new FakeExcelContext();
    ctx.workbook.worksheets.add("台账");
    await ctx.sync();
    ctx.workbook.worksheets.getItemOrNullObject("台账").getRange("A1").formulas = [["我的表"]];
    await ctx.sync();
    await expect(regenerateLedger(ctx, makePlan(["1.1"]), makeLedgerSpec(["1.1"]), OPTIONS)).rejects.toMatchObject({
      code: "sheet-name-taken",
      params: { sheet: "台账" },
    });
    expect(ctx.state.sheets.find((s) => s.name === "台账")!.cells.get("0,0")!.value).toBe("我的表");
  });

  it("keeps earlier archive rows when archiving again", async () => {
    const ctx = new FakeExcelContext();
    await regenerateLedger(ctx, makePlan(["1.1", "1.2", "1.3"]), makeLedgerSpec(["1.1", "1.2", "1.3"]), OPTIONS);
    await regenerateLedger(ctx, makePlan(["1.1", "1.2"]), makeLedgerSpec(["1.1", "1.2"]), OPTIONS);
    const report = await regenerateLedger(ctx, makePlan(["1.1"]), makeLedgerSpec(["1.1"]), OPTIONS);
    const archive = snapshotWorkbook(ctx.state).sheets.find((s) => s.name === "归档")!;
    const archivedIds = Object.entries(archive.cells)
      .filter(([a]) => /^C\d+$/.test(a))
      .map(([, c]) => c.value);
    expect(archivedIds).toEqual(["编号", "1.3", "1.2"]);
    expect(report.archived).toEqual(["1.2"]);
  });

  it("takes a constant number of syncs for 2,000 targets, with a ledger already there", async () => {
    const ctx = new FakeExcelContext();
    const all = ids(2000);
    await regenerateLedger(ctx, makePlan(all), makeLedgerSpec(all), OPTIONS);
    const before = ctx.syncCount;
    const report = await regenerateLedger(ctx, makePlan(all), makeLedgerSpec(all), OPTIONS);
    expect(report.syncs).toBe(3);
    expect(ctx.syncCount - before).toBe(3);
  });
});

describe("the ledger of the built-in 2011 plan", () => {
  const plan = parsePlan(
    fs.readFileSync(path.join(__dirname, "../../../assets/plans/qingdao-2011-work-points.txt"), "utf8"),
  );
  const spec = buildLedger(plan, { lang: "zh-CN", reportMonth: 3, generatedAt: "2011-04-01T00:00:00.000Z" });

  it("is written in 2 syncs and regenerated in 3, keeping an entry", async () => {
    const ctx = new FakeExcelContext();
    const first = await regenerateLedger(ctx, plan, spec, OPTIONS);
    expect([first.syncs, ctx.syncCount]).toEqual([2, 2]);
    const ledger = snapshotWorkbook(ctx.state).sheets.find((s) => s.name === "台账")!;
    const row = Object.entries(ledger.cells)
      .find(([a, c]) => /^A\d+$/.test(a) && c.value === "2.1")![0]
      .slice(1);
    ctx.workbook.worksheets.getItemOrNullObject("台账").getRange(`I${row}`).formulas = [[3]];
    await ctx.sync();
    const again = await regenerateLedger(ctx, plan, spec, OPTIONS);
    expect([again.syncs, again.regenerated, again.keptCells, again.archived]).toEqual([3, true, 1, []]);
    expect(snapshotWorkbook(ctx.state).sheets.find((s) => s.name === "台账")!.cells[`I${row}`]!.value).toBe(3);
  });
});

describe("the Office.js LedgerPort", () => {
  function port(ctx: FakeExcelContext) {
    return createOfficeLedgerPort({
      capabilities: ALL,
      buildSpec: (plan) =>
        makeLedgerSpec(plan.sections.flatMap((s) => s.items.flatMap((i) => i.targets.map((t) => t.id)))),
      planJson: (plan) => JSON.stringify({ title: plan.title }),
      run: (batch) => batch(ctx),
      now: () => new Date("2011-04-05T08:00:00Z"),
    });
  }

  it("generates the ledger and keeps the plan in the workbook settings", async () => {
    const ctx = new FakeExcelContext();
    const report = await port(ctx).generate(makePlan(["1.1"]), { reportMonth: 3 });
    expect(report).toMatchObject({ regenerated: false, targets: 1, syncs: 2 });
    expect(ctx.state.settings.get(PLAN_SETTING)).toBe('{"title":"测试工作要点"}');
    const existing = await port(ctx).readExisting();
    expect(existing).toEqual({ sheets: ["台账", "设置", "Sheet1"], savedPlan: '{"title":"测试工作要点"}' });
  });

  it("turns a failed request into an AddinError that keeps the host error", async () => {
    const ctx = new FakeExcelContext();
    const sheet = ctx.workbook.worksheets.getItemOrNullObject("Sheet1");
    sheet.protection.protect({}, "secret");
    ctx.workbook.settings.add(PLAN_SETTING, "{}"); // a workbook the pane wrote before
    await ctx.sync();
    const failing = createOfficeLedgerPort({
      capabilities: ALL,
      buildSpec: () => ({
        ...makeLedgerSpec(["1.1"]),
        sheets: [{ ...makeLedgerSpec(["1.1"]).sheets[0]!, name: "Sheet1" }],
      }),
      planJson: () => "{}",
      run: (batch) => batch(ctx),
    });
    await expect(failing.generate(makePlan(["1.1"]), { reportMonth: 3 })).rejects.toMatchObject({
      code: "excel-request-failed",
      params: { reason: 'InvalidArgument: wrong password for "Sheet1"' },
    });
  });
});
