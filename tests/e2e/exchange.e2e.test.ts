/**
 * End to end: the send-out and merge step of the production task pane in Debian's headless Chromium,
 * over the harness page whose office.js is the strict fake. Generate the ledger of the 2011 plan with
 * departments, send it out (one Excel.createWorkbook per department), feed back two department files
 * made here with the core and the xlsx writer (one with a changed figure, one refused for text in a
 * number cell), watch the progress and the preview, apply, and check the fake workbook's value and its
 * 变更记录; merging the same file again changes nothing. Waits on conditions only.
 * UPDATE_SCREENSHOTS=1 writes docs/taskpane-merge-zh.png.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import type { WorkbookSnapshot } from "../support/fakeExcel";
import { departmentCopyXlsx } from "../support/departmentCopy";
import { DEPARTMENTS_FIXTURE, masterState, plan2011WithDepartments } from "../support/exchange";
import { paneInChromium, snapshot, syncs } from "./harness/paneInChromium";

const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.resolve(__dirname, "..", "..", "docs") : undefined;
const FIXTURE = path.resolve(__dirname, "..", "fixtures", "plans", DEPARTMENTS_FIXTURE);
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const pane = paneInChromium();

interface Harness {
  __fakeExcel: { snapshot(): WorkbookSnapshot; syncs(): number; created(): number[] };
  __progressSeen: string[];
}

function cellOf(snap: WorkbookSnapshot, sheet: string, address: string): unknown {
  return snap.sheets.find((s) => s.name === sheet)?.cells[address]?.value ?? null;
}

/** Row number of a target on 台账 (by its id in column A). */
function rowOf(snap: WorkbookSnapshot, id: string): string {
  const cells = snap.sheets.find((s) => s.name === "台账")!.cells;
  const hit = Object.entries(cells).find(([a, c]) => /^A\d+$/.test(a) && c.value === id);
  if (!hit) throw new Error(`target ${id} is not on 台账`);
  return hit[0].slice(1);
}

/** Every text the progress line showed, and whether the progress bar appeared (a MutationObserver). */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as Harness).__progressSeen = seen;
    new MutationObserver(() => {
      if (document.querySelector('[role="progressbar"]')) seen.push("progressbar");
      for (const el of document.querySelectorAll("span")) {
        const text = el.textContent ?? "";
        if (/^读取 \d+\/\d+：/.test(text) && !seen.includes(text)) seen.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

describe("the send-out and merge step in Chromium", () => {
  it("sends the ledger out, previews two returns with progress, applies one and logs it, and a second merge changes nothing", async () => {
    const page = await pane.browser().newPage({ viewport: { width: 420, height: 1100 }, locale: "zh-CN" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
      errors.push(`external request: ${route.request().url()}`);
      return route.abort();
    });
    await page.goto(`${pane.served().url}/harness.html?lang=zh-CN`);

    // The master: the 2011 plan with a 责任单位 on every item, June's ledger.
    await page.getByTestId("plan-file").setInputFiles(FIXTURE);
    await page.getByRole("table", { name: /核对目标/ }).waitFor();
    await page.getByRole("tab", { name: "2. 生成台账" }).click();
    await page.getByRole("combobox", { name: "报告月份" }).selectOption("6");
    await page.getByRole("button", { name: "生成台账" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^已生成台账/ })
      .waitFor();

    // Out: one workbook per department, each opened with Excel.createWorkbook (no sync).
    await page.getByRole("tab", { name: "4. 分发与汇总" }).click();
    let before = await syncs(page);
    await page.getByRole("button", { name: "生成各单位工作簿" }).click();
    const list = page.getByRole("list", { name: "各单位工作簿" });
    await list.waitFor();
    const departments = await list.getByRole("listitem").count();
    expect(departments).toBeGreaterThan(1);
    await expect(list.getByRole("listitem").first().textContent()).resolves.toMatch(
      /^.+：\d+ 个目标，工作台账-2011-.+-6月\.xlsx$/,
    );
    expect(await syncs(page)).toBe(before + 2); // the validation port's read: list the sheets, read them all
    await page.getByRole("button", { name: `在 Excel 中打开（${departments} 个新工作簿）` }).click();
    await page.getByText(`已在 Excel 中打开 ${departments} 个工作簿。`, { exact: false }).waitFor();
    const created = await page.evaluate(() => (window as unknown as Harness).__fakeExcel.created());
    expect(created).toHaveLength(departments);
    expect(created.every((size) => size > 1000)).toBe(true);

    // In: 市金融办 reports June's figure of 2.1; 市应急办 typed text into a number cell and is refused.
    const master = masterState(plan2011WithDepartments());
    const good = await departmentCopyXlsx(master, "市金融办", { "2.1": { 6: 7 } });
    const bad = await departmentCopyXlsx(master, "市应急办", { "4.1": { 6: "约10" } });
    const returns = [
      { name: good.fileName, mimeType: XLSX_MIME, buffer: Buffer.from(good.bytes) },
      { name: bad.fileName, mimeType: XLSX_MIME, buffer: Buffer.from(bad.bytes) },
    ];
    await watchProgress(page);
    await page.getByLabel("选择报送文件…").setInputFiles(returns);
    const preview = page.getByRole("region", { name: "汇总预览" });
    await preview.waitFor();
    const progressSeen = await page.evaluate(() => (window as unknown as Harness).__progressSeen);
    expect(progressSeen).toContain("progressbar");
    expect(progressSeen).toContain(`读取 0/2：${good.fileName}`);
    await expect(page.getByRole("progressbar").count()).resolves.toBe(0);

    await preview.getByText(`【市金融办】${good.fileName}（报告月份 6 月）`).waitFor();
    await preview.getByText("2.1 6月：（空） → 7", { exact: true }).waitFor();
    await preview.getByText(/^未采用的文件（1 个/).waitFor();
    await expect(preview.getByText(new RegExp(bad.fileName.replace(/[.]/g, "\\."))).count()).resolves.toBeGreaterThan(
      0,
    );
    await preview.getByText(/^未报送（\d+ 个单位）：/).waitFor();
    await preview.getByText(/^共 2 个文件：采用 1 个，未采用 1 个；1 处修改/).waitFor();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "taskpane-merge-zh.png"), fullPage: true });

    // Apply: a 1-sync check that nothing changed since, then the writer (read the sheets, write all).
    before = await syncs(page);
    await page.getByRole("button", { name: "应用 1 处变更" }).click();
    const applied = page.getByText(/^已写入 1 处变更，变更记录新增 1 条（(\d+) 次同步）。$/);
    await applied.waitFor();
    const reported = Number((await applied.textContent())!.match(/（(\d+) 次同步）/)![1]);
    expect(await syncs(page)).toBe(before + reported);
    expect(reported).toBe(3);

    const snap = await snapshot(page);
    const june = `N${rowOf(snap, "2.1")}`;
    expect(cellOf(snap, "台账", june)).toBe(7);
    const log = snap.sheets.find((s) => s.name === "变更记录");
    expect(log).toBeDefined();
    const logValues = Object.values(log!.cells).map((c) => c.value);
    expect(logValues).toEqual(expect.arrayContaining([good.fileName, "市金融办", "2.1", 7]));
    expect(logValues).not.toContain(bad.fileName);

    // The same file again: nothing to apply.
    await page.getByLabel("选择报送文件…").setInputFiles(returns.slice(0, 1));
    await page.getByText(/没有可应用的变更/).waitFor();
    await expect(page.getByRole("button", { name: "应用 0 处变更" }).isDisabled()).resolves.toBe(true);
    await page.close();
    expect(errors).toEqual([]);
  });

  it("without ExcelApi 1.8 sends the department workbooks out as one .zip download", async () => {
    const page = await pane.browser().newPage({
      viewport: { width: 420, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${pane.served().url}/harness.html?lang=zh-CN&api=7`);
    await page.getByTestId("plan-file").setInputFiles(FIXTURE);
    await page.getByRole("table", { name: /核对目标/ }).waitFor();
    await page.getByRole("tab", { name: "2. 生成台账" }).click();
    await page.getByRole("combobox", { name: "报告月份" }).selectOption("6");
    await page.getByRole("button", { name: "生成台账" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^已生成台账/ })
      .waitFor();

    await page.getByRole("tab", { name: "4. 分发与汇总" }).click();
    await page.getByRole("button", { name: "生成各单位工作簿" }).click();
    const items = page.getByRole("list", { name: "各单位工作簿" }).getByRole("listitem");
    await items.first().waitFor();
    await page.getByText(/需要 ExcelApi 1\.8/).waitFor();
    await expect(page.getByRole("button", { name: /在 Excel 中打开/ }).count()).resolves.toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "全部下载为一个 .zip" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("工作台账-2011-6月-各单位.zip");
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    const names = Object.keys(zip.files).sort();
    const listed = (await items.allTextContents()).map((t) => t.replace(/^.+，/, "")).sort();
    expect(names).toEqual(listed);
    const first = await zip.file(names[0]!)!.async("uint8array");
    expect(Buffer.from(first.subarray(0, 2)).toString("latin1")).toBe("PK");
    const created = await page.evaluate(() => (window as unknown as Harness).__fakeExcel.created());
    expect(created).toEqual([]);
    await page.close();
    expect(errors).toEqual([]);
  });
});
