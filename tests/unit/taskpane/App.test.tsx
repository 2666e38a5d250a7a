/** @jest-environment jsdom */
import "../../support/jsdomShims";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildLedger } from "../../../src/domain/ledger/buildLedger";
import { AddinError } from "../../../src/excel/errors";
import type { Plan } from "../../../src/domain/plan/types";
import type { LedgerPort } from "../../../src/excel/ledgerPort";
import { createOfficeLedgerPort } from "../../../src/excel/officeLedgerPort";
import { PLAN_SETTING } from "../../../src/excel/readWorkbook";
import type { Locale } from "../../../src/i18n";
import { translator } from "../../../src/i18n";
import { App } from "../../../src/taskpane/App";
import { planToJson } from "../../../src/taskpane/planFile";
import { FakeExcelContext, snapshotWorkbook } from "../../support/fakeExcel";

const PLAN_TEXT = fs.readFileSync(path.join(__dirname, "../../../assets/plans/qingdao-2011-work-points.txt"), "utf8");

function setup(options: { locale?: Locale; apiVersion?: number; port?: LedgerPort } = {}) {
  const createWorkbook = jest.fn(async (_base64: string) => undefined);
  const locale = options.locale ?? "zh-CN";
  const ctx = new FakeExcelContext({ apiVersion: options.apiVersion ?? 20 });
  const dv = (options.apiVersion ?? 20) >= 8;
  const port =
    options.port ??
    createOfficeLedgerPort({
      capabilities: { dataValidation: dv, createWorkbook: dv },
      buildSpec: (plan, o) =>
        buildLedger(plan, { lang: locale, reportMonth: o.reportMonth, generatedAt: "2011-04-01T00:00:00Z" }),
      planJson: (plan) => planToJson(plan, translator(locale)),
      run: (batch) => batch(ctx),
      createWorkbook,
    });
  const download = jest.fn();
  const exportXlsx = jest.fn(async (_plan: Plan, _month: number) => new Uint8Array([80, 75]));
  render(
    <App
      port={port}
      locale={locale}
      dark={false}
      loadBuiltinPlan={async () => PLAN_TEXT}
      exportXlsx={exportXlsx}
      download={download}
      initialMonth={3}
    />,
  );
  return { ctx, download, exportXlsx, createWorkbook, user: userEvent.setup() };
}

function ledgerRow(ctx: FakeExcelContext, id: string): Record<string, unknown> | undefined {
  const ledger = snapshotWorkbook(ctx.state).sheets.find((s) => s.name === "台账");
  const cells = ledger?.cells ?? {};
  const idCell = Object.entries(cells).find(([a, c]) => /^A\d+$/.test(a) && c.value === id);
  if (!idCell) return undefined;
  const row = idCell[0].slice(1);
  return Object.fromEntries(
    Object.entries(cells)
      .filter(([a]) => a.replace(/^[A-Z]+/, "") === row)
      .map(([a, c]) => [a.replace(/\d+$/, ""), c.value]),
  );
}

/** Waits for the status line; on failure, shows the error bar's text instead of the whole DOM. */
async function waitForStatus(pattern: RegExp): Promise<void> {
  await waitFor(
    () => {
      const status = screen.getByRole("status").textContent ?? "";
      if (!pattern.test(status)) {
        const bar = document.querySelector(".fui-MessageBar")?.textContent ?? "";
        throw new Error(`status "${status}" does not match ${pattern}; message bar: "${bar}"`);
      }
    },
    { timeout: 20_000 },
  );
}

async function loadBuiltin(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: /使用内置示例/ }));
  await screen.findByRole("table", { name: /核对目标/ });
}

describe("the task pane", () => {
  it("loads the built-in plan and lists its targets for review", async () => {
    const { user } = setup();
    await loadBuiltin(user);
    const rows = within(screen.getByRole("table", { name: /核对目标/ })).getAllByRole("row");
    expect(rows.length).toBeGreaterThan(20);
    expect(screen.getByRole("status").textContent).toBe(`已读取计划：${rows.length - 1} 个目标。`);
    expect(screen.getByText(/《市政府办公厅2011年工作要点》/)).toBeTruthy();
  });

  it("generates the ledger into the workbook with a corrected target value and unit", async () => {
    const { user, ctx } = setup();
    await loadBuiltin(user);
    const value = screen.getByRole("spinbutton", { name: "目标值 3.1" });
    await user.clear(value);
    await user.type(value, "123");
    const unit = screen.getByRole("textbox", { name: "单位 3.1" });
    await user.clear(unit);
    await user.type(unit, "项");
    await user.click(screen.getByRole("button", { name: "下一步：生成台账" }));
    await user.click(screen.getByRole("button", { name: "生成台账" }));
    await waitForStatus(/^已生成台账/);
    expect(ledgerRow(ctx, "3.1")).toMatchObject({ E: 123, F: "项" });
    expect(ctx.state.settings.get(PLAN_SETTING)).toContain('"value": 123');
  });

  it("drops and adds targets before generating", async () => {
    const { user, ctx } = setup();
    await loadBuiltin(user);
    await user.click(screen.getByRole("button", { name: "删除目标 1.1" }));
    expect(screen.queryByRole("spinbutton", { name: "目标值 1.1" })).toBeNull();
    await user.click(screen.getAllByRole("button", { name: "在第 3 项下添加目标" })[0]!);
    const metrics = screen.getAllByRole<HTMLInputElement>("textbox", { name: /^指标 3\.\d+$/ });
    expect(metrics.map((m) => m.value)).toContain("新目标");
    await user.click(screen.getByRole("tab", { name: "2. 生成台账" }));
    await user.click(screen.getByRole("button", { name: "生成台账" }));
    await waitForStatus(/^已生成台账/);
    expect(ledgerRow(ctx, "1.1")).toBeUndefined();
    const snap = snapshotWorkbook(ctx.state).sheets.find((s) => s.name === "台账")!;
    expect(Object.values(snap.cells).some((c) => c.value === "新目标")).toBe(true);
  });

  it("regenerates in place, keeping an entry, once a ledger is in the workbook", async () => {
    const { user, ctx } = setup();
    await loadBuiltin(user);
    await user.click(screen.getByRole("tab", { name: "2. 生成台账" }));
    await user.click(screen.getByRole("button", { name: "生成台账" }));
    const update = await screen.findByRole("button", { name: "更新台账（保留已填数据）" });
    const row = Object.keys(snapshotWorkbook(ctx.state).sheets.find((s) => s.name === "台账")!.cells).find(
      (a) =>
        /^A\d+$/.test(a) &&
        snapshotWorkbook(ctx.state).sheets.find((s) => s.name === "台账")!.cells[a]!.value === "3.1",
    )!;
    ctx.workbook.worksheets.getItemOrNullObject("台账").getRange(`I${row.slice(1)}`).formulas = [[7]];
    await ctx.sync();
    await user.click(update);
    await waitForStatus(/^已更新台账.*保留 1 个已填单元格/);
    expect(ledgerRow(ctx, "3.1")).toMatchObject({ I: 7 });
  });

  it("says what it skipped on Excel without data validation (ExcelApi 1.7)", async () => {
    const { user } = setup({ apiVersion: 7 });
    await loadBuiltin(user);
    await user.click(screen.getByRole("tab", { name: "2. 生成台账" }));
    await user.click(screen.getByRole("button", { name: "生成台账" }));
    expect(await screen.findByText(/此版本 Excel 不支持数据验证/)).toBeTruthy();
  });

  it("reads a pasted plan", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("textbox", { name: "或粘贴工作要点全文" }));
    await user.paste("2012年工作要点\n一、经济\n1.新增企业50家。\n2.全年组织培训10次。");
    await user.click(screen.getByRole("button", { name: "读取粘贴的文本" }));
    expect((await screen.findByRole<HTMLInputElement>("spinbutton", { name: "目标值 1.1" })).value).toBe("50");
    expect(screen.getByRole("status").textContent).toBe("已读取计划：2 个目标。");
  });

  it("saves the plan JSON to the workbook and as a download, and opens it again", async () => {
    const { user, download, ctx } = setup();
    await loadBuiltin(user);
    await user.click(screen.getByRole("button", { name: "保存计划 JSON" }));
    await waitFor(() => expect(download).toHaveBeenCalled());
    const [json, file] = download.mock.calls[0] as [string, string];
    expect(file).toBe("市政府办公厅2011年工作要点.plan.json");
    expect(JSON.parse(json)).toMatchObject({ format: "plan-ledger/plan", version: 1 });
    expect(ctx.state.settings.get(PLAN_SETTING)).toBe(json);
    await user.upload(
      screen.getByTestId("plan-file"),
      new File([json], "saved.plan.json", { type: "application/json" }),
    );
    await waitForStatus(/^已读取计划/);
  });

  it("shows a broken plan JSON in a message bar that says what to fix", async () => {
    const { user } = setup();
    await user.upload(
      screen.getByTestId("plan-file"),
      new File(['{"format":"plan-ledger/plan","version":1}'], "bad.json"),
    );
    expect(await screen.findByText(/计划 JSON“bad.json”第 title 项有误/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "关闭" }));
    expect(screen.queryByText(/计划 JSON“bad.json”/)).toBeNull();
  });

  it("turns an Excel timeout into a message that says what to do", async () => {
    const port: LedgerPort = {
      capabilities: { dataValidation: true, createWorkbook: true },
      readExisting: async () => ({ sheets: [], savedPlan: null }),
      generate: async () => {
        throw new AddinError("excel-sync-timeout", { seconds: 120 });
      },
      savePlan: async () => undefined,
      openAsNewWorkbook: async () => undefined,
    };
    const { user } = setup({ port });
    await loadBuiltin(user);
    await user.click(screen.getByRole("tab", { name: "2. 生成台账" }));
    await user.click(screen.getByRole("button", { name: "生成台账" }));
    expect(await screen.findByText(/Excel 在 120 秒内没有响应。请保存工作簿/)).toBeTruthy();
  });

  it("downloads the ledger as .xlsx through the on-demand exporter", async () => {
    const { user, download, exportXlsx } = setup();
    await loadBuiltin(user);
    await user.click(screen.getByRole("tab", { name: "2. 生成台账" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "报告月份" }), "6");
    await user.click(screen.getByRole("button", { name: "下载为 .xlsx 文件" }));
    await waitFor(() => expect(download).toHaveBeenCalled());
    expect(exportXlsx.mock.calls[0]![1]).toBe(6);
    expect(download.mock.calls[0]![1]).toBe("市政府办公厅2011年工作要点.xlsx");
  });

  it("opens the ledger in a new workbook where Excel can (ExcelApi 1.8)", async () => {
    const { user, createWorkbook } = setup();
    await loadBuiltin(user);
    await user.click(screen.getByRole("tab", { name: "2. 生成台账" }));
    await user.click(screen.getByRole("button", { name: "在新工作簿中打开" }));
    await waitForStatus(/^已在新工作簿中打开台账。$/);
    expect(Buffer.from(createWorkbook.mock.calls[0]![0], "base64").toString("latin1")).toBe("PK");
  });

  it("offers the download instead where Excel cannot open a new workbook (ExcelApi 1.7)", async () => {
    const { user } = setup({ apiVersion: 7 });
    await loadBuiltin(user);
    await user.click(screen.getByRole("tab", { name: "2. 生成台账" }));
    expect(screen.queryByRole("button", { name: "在新工作簿中打开" })).toBeNull();
    expect(screen.getByText(/此版本 Excel 不能由加载项打开新工作簿（需 ExcelApi 1.8）/)).toBeTruthy();
  });

  it("speaks English when Office's display language is English", async () => {
    const { user } = setup({ locale: "en-US" });
    await user.click(screen.getByRole("button", { name: /Use the built-in example/ }));
    expect(await screen.findByRole("table", { name: /Review the targets/ })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(/^Plan read: \d+ targets\.$/);
    expect(screen.getByRole("tab", { name: "2. Generate ledger" })).toBeTruthy();
  });
});
