import { FakeExcelContext, PropertyNotLoadedError } from "../../support/fakeExcel";

async function withSheet(): Promise<FakeExcelContext> {
  const ctx = new FakeExcelContext();
  await ctx.sync();
  return ctx;
}

describe("the strict fake of the Excel API", () => {
  it("throws when a property is read before load() and sync()", async () => {
    const ctx = await withSheet();
    const range = ctx.workbook.worksheets.getItemOrNullObject("Sheet1").getRange("A1:B2");
    // eslint-disable-next-line office-addins/load-object-before-read -- the read before load() is the point
    expect(() => range.values).toThrow(PropertyNotLoadedError);
    range.load("values");
    expect(() => range.values).toThrow(PropertyNotLoadedError);
    await ctx.sync();
    expect(range.values).toEqual([
      ["", ""],
      ["", ""],
    ]);
    // eslint-disable-next-line office-addins/load-object-before-read -- rowCount was not loaded: must throw
    expect(() => range.rowCount).toThrow("PropertyNotLoaded");
  });

  it("rejects the sync when a 2-D array does not match the range", async () => {
    const ctx = await withSheet();
    ctx.workbook.worksheets.getItemOrNullObject("Sheet1").getRange("A1:B2").formulas = [[1, 2]];
    await expect(ctx.sync()).rejects.toThrow("needs 2×2, got 1×2");
  });

  it("refuses writes to locked cells of a protected sheet but takes unlocked ones", async () => {
    const ctx = await withSheet();
    const sheet = ctx.workbook.worksheets.getItemOrNullObject("Sheet1");
    sheet.getRange("B1").format.protection.locked = false;
    sheet.protection.protect({});
    await ctx.sync();
    sheet.getRange("B1").formulas = [[5]];
    await ctx.sync();
    sheet.getRange("A1").formulas = [[5]];
    await expect(ctx.sync()).rejects.toThrow("locked on a protected sheet");
  });

  it("throws on protect() of a protected sheet", async () => {
    const ctx = await withSheet();
    const sheet = ctx.workbook.worksheets.getItemOrNullObject("Sheet1");
    sheet.protection.protect({});
    await ctx.sync();
    sheet.protection.protect({});
    await expect(ctx.sync()).rejects.toThrow("already protected");
  });

  it("types text as Excel would: numbers become numbers unless prefixed with an apostrophe", async () => {
    const ctx = await withSheet();
    const range = ctx.workbook.worksheets.getItemOrNullObject("Sheet1").getRange("A1:C1");
    range.formulas = [["2.1", "'2.1", "=A1*2"]];
    range.load("values,formulas");
    await ctx.sync();
    expect(range.formulas).toEqual([[2.1, "2.1", "=A1*2"]]);
  });

  it("keeps a formula typed into a Text (@) cell as text, as Excel does", async () => {
    const ctx = await withSheet();
    const range = ctx.workbook.worksheets.getItemOrNullObject("Sheet1").getRange("A1");
    range.numberFormat = [["@"]];
    range.formulas = [["=1+1"]];
    range.load("formulas");
    await ctx.sync();
    expect(range.formulas).toEqual([["=1+1"]]);
    expect(ctx.state.sheets[0]!.cells.get("0,0")).toMatchObject({ value: "=1+1", formula: undefined });
  });

  it("reports a missing sheet as a null object and rejects requests on it", async () => {
    const ctx = await withSheet();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("无此表");
    missing.load("name");
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    missing.getRange("A1").formulas = [[1]];
    await expect(ctx.sync()).rejects.toThrow("ItemNotFound");
  });

  it("counts syncs", async () => {
    const ctx = new FakeExcelContext();
    await ctx.sync();
    await ctx.sync();
    expect(ctx.syncCount).toBe(2);
  });

  it("has no data validation below ExcelApi 1.8", () => {
    const ctx = new FakeExcelContext({ apiVersion: 7 });
    const range = ctx.workbook.worksheets.getItemOrNullObject("Sheet1").getRange("A1");
    // eslint-disable-next-line office-addins/load-object-before-read -- a navigation property, not a loaded value
    expect(() => range.dataValidation).toThrow("ApiNotFound");
  });
});
