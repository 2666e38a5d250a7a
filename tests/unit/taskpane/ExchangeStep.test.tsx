/** @jest-environment jsdom */
import "../../support/jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { applyMerge } from "../../../src/domain/exchange/applyMerge";
import { shortfallsByDepartment } from "../../../src/domain/exchange/behind";
import { analyzeReturn, previewMerge } from "../../../src/domain/exchange/mergePreview";
import { PlanLedgerError } from "../../../src/domain/errors";
import type { MergeProgress } from "../../../src/domain/exchange/mergeFiles";
import type { ExchangeActions, MergeCheck, PickedFile, SentOut } from "../../../src/taskpane/exchangeActions";
import type { LedgerPort } from "../../../src/excel/ledgerPort";
import { App } from "../../../src/taskpane/App";
import { ExchangeStep } from "../../../src/taskpane/ExchangeStep";
import { I18nProvider } from "../../../src/taskpane/i18nContext";
import {
  copyGrids,
  masterState,
  MERGED_AT,
  plan2011WithDepartments,
  setMonth,
  type Grid,
} from "../../support/exchange";

const master = masterState(plan2011WithDepartments());
const copies = copyGrids(master);

/** A preview of 市金融办 returning 2.1's June figure 7, and one refused file. */
function previewCheck(): MergeCheck {
  const grid = JSON.parse(JSON.stringify(copies.get("市金融办"))) as Grid;
  setMonth(grid, "2.1", 6, 7);
  const preview = previewMerge(master, [
    analyzeReturn(master, "金融办.xlsx", grid),
    { file: "坏文件.xlsx", code: "not-xlsx", params: { file: "坏文件.xlsx", reason: "zip" }, findings: [] },
  ]);
  const behind = shortfallsByDepartment(applyMerge(master, preview.changes, MERGED_AT).state);
  return { master, preview, behind, syncs: 1 };
}

const SENT: SentOut = {
  copies: [
    { department: "市金融办", fileName: "工作台账-2011-市金融办-6月.xlsx", targets: 3, xlsx: new Uint8Array([80, 75]) },
    { department: "市应急办", fileName: "工作台账-2011-市应急办-6月.xlsx", targets: 2, xlsx: new Uint8Array([80, 75]) },
  ],
  unassigned: ["9.1"],
  syncs: 2,
  year: 2011,
  reportMonth: 6,
};

function stubActions(overrides: Partial<ExchangeActions> = {}): jest.Mocked<ExchangeActions> {
  return {
    canOpenWorkbooks: true,
    sendOut: jest.fn(async () => SENT),
    openCopies: jest.fn(async (c) => c.length),
    zipCopies: jest.fn(async () => new Uint8Array([80, 75, 3, 4])),
    checkReturns: jest.fn(async () => previewCheck()),
    apply: jest.fn(async () => ({
      stale: false as const,
      report: { sheets: ["台账", "变更记录"], skipped: [], syncs: 2 },
      added: 1,
      readSyncs: 1,
    })),
    ...overrides,
  } as jest.Mocked<ExchangeActions>;
}

function show(actions: ExchangeActions, locale: "zh-CN" | "en-US" = "zh-CN") {
  const download = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>
        <ExchangeStep actions={actions} download={download} />
      </I18nProvider>
    </FluentProvider>,
  );
  return { download, user: userEvent.setup() };
}

const files = () => [new File(["PK"], "金融办.xlsx"), new File(["坏"], "坏文件.xlsx")];

describe("the send-out and merge step", () => {
  it("lists one workbook per department, warns about rows with no 责任单位, opens them in Excel", async () => {
    const actions = stubActions();
    const { user } = show(actions);
    await user.click(screen.getByRole("button", { name: "生成各单位工作簿" }));
    const list = await screen.findByRole("list", { name: "各单位工作簿" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "市金融办：3 个目标，工作台账-2011-市金融办-6月.xlsx",
      "市应急办：2 个目标，工作台账-2011-市应急办-6月.xlsx",
    ]);
    expect(screen.getByText(/1 个目标没有责任单位，不会发给任何单位：9\.1。请在“计划”表/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "在 Excel 中打开（2 个新工作簿）" }));
    expect(actions.openCopies).toHaveBeenCalledWith(SENT.copies);
    expect(await screen.findByText("已在 Excel 中打开 2 个工作簿。请逐个保存，再发给各单位。")).toBeTruthy();
  });

  it("without ExcelApi 1.8 offers downloads only: one by one, or one .zip", async () => {
    const actions = stubActions({ canOpenWorkbooks: false });
    const { user, download } = show(actions);
    await user.click(screen.getByRole("button", { name: "生成各单位工作簿" }));
    await screen.findByRole("list", { name: "各单位工作簿" });
    expect(screen.queryByRole("button", { name: /在 Excel 中打开/ })).toBeNull();
    expect(screen.getByText(/需要 ExcelApi 1\.8/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "逐个下载" }));
    expect(download.mock.calls.map((c) => c[1])).toEqual(SENT.copies.map((c) => c.fileName));
    await user.click(screen.getByRole("button", { name: "全部下载为一个 .zip" }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(3));
    expect(download.mock.calls[2]!.slice(1)).toEqual(["工作台账-2011-6月-各单位.zip", "application/zip"]);
  });

  it("shows progress while the returned files are read, then the preview, and applies on click", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const actions = stubActions({
      checkReturns: jest.fn(async (picked: readonly PickedFile[], onProgress: (p: MergeProgress) => void) => {
        expect(picked.map((p) => p.name)).toEqual(["金融办.xlsx", "坏文件.xlsx"]);
        expect(await picked[0]!.bytes()).toEqual(new Uint8Array([80, 75]));
        onProgress({ done: 1, total: 2, file: "金融办.xlsx" });
        await gate;
        return previewCheck();
      }),
    });
    const { user } = show(actions);
    await user.upload(screen.getByLabelText("选择报送文件…"), files());
    const bar = await screen.findByRole("progressbar", { name: "读取报送文件" });
    expect(bar.getAttribute("aria-valuenow")).toBe("0.5");
    expect(screen.getByText("读取 1/2：金融办.xlsx")).toBeTruthy();
    release();

    const preview = await screen.findByRole("region", { name: "汇总预览" });
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(within(preview).getByText("2.1 6月：（空） → 7")).toBeTruthy();
    expect(within(preview).getByText(/未采用的文件（1 个/)).toBeTruthy();
    expect(within(preview).getByText(/坏文件\.xlsx/)).toBeTruthy();
    expect(within(preview).getByText(/^未报送（\d+ 个单位）：/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "应用 1 处变更" }));
    expect(actions.apply).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("已写入 1 处变更，变更记录新增 1 条（3 次同步）。")).toBeTruthy();
    expect(screen.queryByRole("region", { name: "汇总预览" })).toBeNull();
  });

  it("writes nothing and says so when the workbook changed after the preview", async () => {
    const actions = stubActions({ apply: jest.fn(async () => ({ stale: true as const, readSyncs: 1 })) });
    const { user } = show(actions);
    await user.upload(screen.getByLabelText("选择报送文件…"), files());
    await user.click(await screen.findByRole("button", { name: "应用 1 处变更" }));
    expect(await screen.findByText(/预览之后工作簿又被修改过，未写入任何内容/)).toBeTruthy();
  });

  it("cannot apply a preview without changes (the same file merged twice)", async () => {
    const check = previewCheck();
    const actions = stubActions({
      checkReturns: jest.fn(async () => ({ ...check, preview: { ...check.preview, changes: [] } })),
    });
    const { user } = show(actions);
    await user.upload(screen.getByLabelText("选择报送文件…"), files());
    expect((await screen.findByRole("button", { name: "应用 0 处变更" })).hasAttribute("disabled")).toBe(true);
    expect(screen.getByText(/没有可应用的变更/)).toBeTruthy();
  });

  it("shows a failure in the message bar in the user's language", async () => {
    const actions = stubActions({
      sendOut: jest.fn(async () => {
        throw new PlanLedgerError("exchange-not-master", { file: "当前工作簿", department: "市金融办" });
      }),
    });
    const { user } = show(actions, "en-US");
    await user.click(screen.getByRole("button", { name: "Make department workbooks" }));
    expect(await screen.findByText(/当前工作簿.*市金融办/)).toBeTruthy();
  });
});

describe("the pane's send-out and merge tab", () => {
  const ledgerPort: LedgerPort = {
    capabilities: { dataValidation: true, createWorkbook: true },
    readExisting: async () => ({ sheets: [], savedPlan: null }),
    generate: async () => Promise.reject(new Error("not in this test")),
    savePlan: async () => undefined,
    openAsNewWorkbook: async () => undefined,
  };
  const showApp = (exchange?: ExchangeActions) =>
    render(
      <App
        port={ledgerPort}
        locale="zh-CN"
        dark={false}
        loadBuiltinPlan={async () => ""}
        exportXlsx={async () => new Uint8Array()}
        download={() => undefined}
        initialMonth={6}
        exchange={exchange}
      />,
    );

  it("is the 4th tab when the pane has exchange actions, and shows the step", async () => {
    showApp(stubActions());
    const user = userEvent.setup();
    await user.click(screen.getByRole("tab", { name: "4. 分发与汇总" }));
    expect(screen.getByRole("heading", { name: "分发" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "汇总" })).toBeTruthy();
  });

  it("is absent without them", () => {
    showApp();
    expect(screen.queryByRole("tab", { name: "4. 分发与汇总" })).toBeNull();
  });
});
