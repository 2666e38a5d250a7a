/**
 * End to end: the validation step of the production task pane in Debian's headless Chromium, over the
 * harness page whose office.js is the strict fake. Generate the ledger, type a malformed and a behind
 * entry into the fake's ledger cells, check, click a finding (the fake's selection moves), apply the
 * safe fixes (the fake's cell changes), check again. Waits on conditions only.
 * UPDATE_SCREENSHOTS=1 writes docs/taskpane-validate-zh.png.
 */
import * as path from "node:path";
import type { Page } from "playwright-core";
import type { WorkbookSnapshot } from "../support/fakeExcel";
import { paneInChromium, snapshot, syncs } from "./harness/paneInChromium";

const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.resolve(__dirname, "..", "..", "docs") : undefined;

const pane = paneInChromium();

interface Harness {
  __fakeExcel: { snapshot(): WorkbookSnapshot; syncs(): number };
}

/** Row number of a target on 台账 (by its id in column A). */
function rowOf(snap: WorkbookSnapshot, id: string): string {
  const cells = snap.sheets.find((s) => s.name === "台账")!.cells;
  const hit = Object.entries(cells).find(([a, c]) => /^A\d+$/.test(a) && c.value === id);
  if (!hit) throw new Error(`target ${id} is not on 台账`);
  return hit[0].slice(1);
}

/** Types into the fake workbook through its Excel.run, as a department typing into the sheet. */
async function typeCells(page: Page, cells: Record<string, string | number>): Promise<void> {
  await page.evaluate(async (entries) => {
    interface Ctx {
      workbook: { worksheets: { getItemOrNullObject(n: string): { getRange(a: string): { formulas: unknown[][] } } } };
      sync(): Promise<void>;
    }
    const excel = (window as unknown as { Excel: { run(batch: (c: Ctx) => Promise<void>): Promise<void> } }).Excel;
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject("台账");
      for (const [address, value] of entries) sheet.getRange(address).formulas = [[value]];
      await ctx.sync();
    });
  }, Object.entries(cells));
}

describe("the validation step in Chromium", () => {
  it("checks, selects a finding's cell, applies the safe fixes and checks again", async () => {
    const page = await pane.browser().newPage({ viewport: { width: 420, height: 900 }, locale: "zh-CN" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
      errors.push(`external request: ${route.request().url()}`);
      return route.abort();
    });
    await page.goto(`${pane.served().url}/harness.html?lang=zh-CN`);

    await page.getByRole("button", { name: /使用内置示例/ }).click();
    await page.getByRole("table", { name: /核对目标/ }).waitFor();
    await page.getByRole("tab", { name: "2. 生成台账" }).click();
    await page.getByRole("combobox", { name: "报告月份" }).selectOption("3");
    await page.getByRole("button", { name: "生成台账" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^已生成台账/ })
      .waitFor();

    // 2.1: 10 家 for the year, "10家" typed as text; 2.4: 10 家, nothing done by March.
    const snap = await snapshot(page);
    const malformed = `I${rowOf(snap, "2.1")}`;
    const behind = rowOf(snap, "2.4");
    await typeCells(page, { [malformed]: "10家", [`I${behind}`]: 0, [`J${behind}`]: 0, [`K${behind}`]: 0 });

    await page.getByRole("tab", { name: "3. 检查进度" }).click();
    let before = await syncs(page);
    await page.getByRole("button", { name: "检查台账" }).click();
    const errorsHeader = page.getByRole("button", { name: /^错误（\d+）$/ });
    await errorsHeader.waitFor();
    expect(await syncs(page)).toBe(before + 2);
    await expect(errorsHeader.getAttribute("aria-expanded")).resolves.toBe("true");
    const warningsHeader = page.getByRole("button", { name: /^警告（\d+）$/ });
    await expect(warningsHeader.getAttribute("aria-expanded")).resolves.toBe("false");
    await warningsHeader.click();
    await expect(warningsHeader.getAttribute("aria-expanded")).resolves.toBe("true");
    const finding = page.getByRole("button", { name: `在 Excel 中选中 台账!${malformed}`, exact: true });
    await expect(finding.textContent()).resolves.toContain("1月填的是文字“10家”");
    await page
      .getByText(/编号 2\.4 · 3月 · 台账!X\d+/)
      .first()
      .waitFor();
    await expect(page.getByText(/滞后：完成率 0%/).count()).resolves.toBeGreaterThan(0);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "taskpane-validate-zh.png"), fullPage: false });

    await finding.click();
    await page.waitForFunction(
      (cell) => (window as unknown as Harness).__fakeExcel.snapshot().selection === cell,
      malformed,
    );
    expect((await snapshot(page)).activeSheet).toBe("台账");

    before = await syncs(page);
    await page.getByRole("button", { name: "应用全部安全修正（1 处）" }).click();
    await page.getByText(/^已修正 1 处（2 次同步）/).waitFor();
    expect(await syncs(page)).toBe(before + 2 + 1); // compare + write, then the check again (sheets known)
    const after = await snapshot(page);
    const ledger = after.sheets.find((s) => s.name === "台账")!;
    expect(ledger.cells[malformed]!.value).toBe(10);
    expect(ledger.protected).toBe(true);
    await expect(
      page.getByRole("button", { name: `在 Excel 中选中 台账!${malformed}`, exact: true }).count(),
    ).resolves.toBe(0);

    await page.getByRole("button", { name: "重新检查" }).click();
    await page.getByText(/^已修正 1 处/).waitFor({ state: "detached" });
    await page.getByText(/^3月报告：/).waitFor();
    await expect(page.getByRole("button", { name: /^应用全部安全修正/ }).count()).resolves.toBe(0);
    await page.close();
    expect(errors).toEqual([]);
  });
});
