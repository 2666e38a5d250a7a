/**
 * End to end: the production task pane in Debian's headless Chromium (playwright-core, no browser
 * download), over a harness page whose office.js is the strict fake. Plan → review → generate, then
 * the fake workbook is checked. Waits on conditions only. Fails when Chromium is missing.
 * UPDATE_SCREENSHOTS=1 writes the pane's screenshots to docs/ (zh-CN and en-US).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import type { WorkbookSnapshot } from "../support/fakeExcel";
import { validateManifestFile } from "../support/manifestValidator";
import { DEPLOY_URL } from "./harness/harnessServer";
import { paneInChromium, snapshot } from "./harness/paneInChromium";

const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.resolve(__dirname, "..", "..", "docs") : undefined;

const pane = paneInChromium();

const pageErrors = new Map<Page, string[]>();

/** Closes the page after checking it threw nothing and asked nothing of the internet. */
async function closePane(page: Page): Promise<void> {
  const errors = pageErrors.get(page) ?? [];
  await page.close();
  expect(errors).toEqual([]);
}

async function openPane(query: string, locale = "zh-CN"): Promise<Page> {
  const page = await pane.browser().newPage({ viewport: { width: 420, height: 900 }, acceptDownloads: true, locale });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // The pane must not reach the internet: everything comes from the local server.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    errors.push(`external request: ${route.request().url()}`);
    return route.abort();
  });
  pageErrors.set(page, errors);
  await page.goto(`${pane.served().url}/harness.html${query}`);
  return page;
}

function cellsOfRow(snap: WorkbookSnapshot, sheet: string, id: string): Record<string, unknown> {
  const cells = snap.sheets.find((s) => s.name === sheet)?.cells ?? {};
  const row = Object.entries(cells)
    .find(([a, c]) => /^A\d+$/.test(a) && c.value === id)?.[0]
    .slice(1);
  return Object.fromEntries(
    Object.entries(cells)
      .filter(([a]) => row !== undefined && a.replace(/^[A-Z]+/, "") === row)
      .map(([a, c]) => [a.replace(/\d+$/, ""), c.value]),
  );
}

describe("the production build", () => {
  it("has a manifest with the deployment URL that validates offline", () => {
    const manifest = path.join(pane.served().dir, "manifest.xml");
    const xml = fs.readFileSync(manifest, "utf8");
    expect(xml).toContain(`<SourceLocation DefaultValue="${DEPLOY_URL}taskpane.html"/>`);
    expect(xml).toContain("<AppDomain>https://intranet.example.gov.cn</AppDomain>");
    expect(xml).not.toContain("localhost");
    expect(validateManifestFile(manifest).status).toBe(0);
    expect(fs.existsSync(path.join(pane.served().dir, "assets", "icons", "icon-80.png"))).toBe(true);
  });
});

describe("the task pane in Chromium", () => {
  it("goes plan → review → generate in Chinese and fills the workbook", async () => {
    const page = await openPane("?lang=zh-CN");
    await page.getByRole("button", { name: /使用内置示例/ }).click();
    await page.getByRole("table", { name: /核对目标/ }).waitFor();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "addin-pane-zh-CN.png"), fullPage: false });
    await page.getByRole("spinbutton", { name: "目标值 3.1" }).fill("45");
    await page.getByRole("button", { name: "删除目标 1.1" }).click();
    await expect(page.getByRole("spinbutton", { name: "目标值 1.1" }).count()).resolves.toBe(0);

    await page.getByRole("button", { name: "下一步：生成台账" }).click();
    await page.getByRole("combobox", { name: "报告月份" }).selectOption("3");
    await page.getByRole("button", { name: "生成台账" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^已生成台账/ })
      .waitFor();

    const snap = await snapshot(page);
    expect(snap.sheets.map((s) => [s.name, s.state])).toEqual([
      ["说明", "visible"],
      ["计划", "visible"],
      ["台账", "visible"],
      ["汇总", "visible"],
      ["设置", "visible"],
      ["_meta", "veryHidden"],
      ["Sheet1", "visible"],
    ]);
    expect(snap.activeSheet).toBe("台账");
    expect(cellsOfRow(snap, "台账", "3.1")).toMatchObject({ A: "3.1", E: 45 });
    expect(cellsOfRow(snap, "台账", "1.1")).toEqual({});
    expect(snap.sheets.find((s) => s.name === "台账")!.protected).toBe(true);
    const syncs = await page.evaluate(() =>
      (window as unknown as { __fakeExcel: { syncs(): number } }).__fakeExcel.syncs(),
    );
    expect(syncs).toBe(1 + 2); // readExisting at start-up, then generate: read sheets + write all

    await page.getByRole("button", { name: "在新工作簿中打开" }).click();
    await page.getByRole("status").filter({ hasText: "已在新工作簿中打开台账。" }).waitFor();
    const created = await page.evaluate(() =>
      (window as unknown as { __fakeExcel: { created(): number[] } }).__fakeExcel.created(),
    );
    expect(created).toHaveLength(1);
    expect(created[0]).toBeGreaterThan(10_000);
    await closePane(page);
  });

  it("loads the xlsx writer only when the user downloads the ledger", async () => {
    const page = await openPane("?lang=zh-CN");
    await page.getByRole("button", { name: /使用内置示例/ }).click();
    await page.getByRole("table", { name: /核对目标/ }).waitFor();
    await page.getByRole("tab", { name: "2. 生成台账" }).click();
    const before = pane.served().requests.filter((r) => /^\/xlsx\./.test(r)).length;
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载为 .xlsx 文件" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("市政府办公厅2011年工作要点.xlsx");
    const bytes = fs.readFileSync((await file.path())!);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(pane.served().requests.filter((r) => /^\/xlsx\./.test(r)).length).toBe(before + 1);
    await closePane(page);
  });

  it("speaks English, follows the dark theme, and reports what ExcelApi 1.7 could not do", async () => {
    const page = await openPane("?lang=en-US&dark=1&api=7", "en-US");
    await page.getByRole("button", { name: /Use the built-in example/ }).click();
    await page.getByRole("table", { name: /Review the targets/ }).waitFor();
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor,
    );
    expect(background).not.toBe("rgb(255, 255, 255)");
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "addin-pane-en-US.png"), fullPage: false });
    await page.getByRole("tab", { name: "2. Generate ledger" }).click();
    await page.getByRole("button", { name: "Generate ledger" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^Ledger generated/ })
      .waitFor();
    await page.getByText(/This Excel has no data validation/).waitFor();
    const snap = await snapshot(page);
    expect(snap.sheets.map((s) => s.name)).toContain("Ledger");
    expect(snap.sheets.flatMap((s) => s.validations)).toEqual([]);
    await closePane(page);
  });
});
