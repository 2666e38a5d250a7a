/** @jest-environment jsdom */
import "../../support/jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { validateLedgerGrid } from "../../../src/domain/progress/validateLedger";
import type { ValidationPort } from "../../../src/excel/validationPort";
import type { Locale } from "../../../src/i18n";
import { I18nProvider } from "../../../src/taskpane/i18nContext";
import { ValidateStep } from "../../../src/taskpane/ValidateStep";
import { findCell } from "../../../src/domain/workbook/address";
import { FakeExcelContext, getCell, snapshotWorkbook } from "../../support/fakeExcel";
import {
  cumulativeRows,
  generateIntoFake,
  ledgerValue,
  typeIntoLedger,
  validationPortOver,
} from "../../support/fakeLedger";
import { parseBuiltinPlan } from "../../support/planFixtures";

function show(port: ValidationPort, locale: Locale = "zh-CN") {
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>
        <ValidateStep port={port} />
      </I18nProvider>
    </FluentProvider>,
  );
  return userEvent.setup();
}

/** A built-in ledger (report month 3) with "１０" typed in January of the first cumulative target. */
async function filledLedger() {
  const ctx = await generateIntoFake(parseBuiltinPlan());
  const rows = await cumulativeRows(ctx);
  const [first, second] = rows as [(typeof rows)[0], (typeof rows)[0]];
  await typeIntoLedger(ctx, { [first.jan]: "１０", [second.jan]: "５" });
  return { ctx, first, second, port: validationPortOver(ctx) };
}

/** What the core finds, read through a port of its own (the pane's port remembers its reads). */
async function expected(ctx: FakeExcelContext) {
  return validateLedgerGrid((await validationPortOver(ctx).readLedgerGrid()).grid, "x");
}

describe("the validation step", () => {
  it("groups the findings by severity and by department, with counts", async () => {
    const { ctx, first, port } = await filledLedger();
    const want = await expected(ctx);
    const user = show(port);
    const before = ctx.syncCount;
    await user.click(screen.getByRole("button", { name: "检查台账" }));
    const errors = await screen.findByRole("button", { name: `错误（${want.counts.error}）` });
    expect(ctx.syncCount - before).toBe(2);
    expect(errors.getAttribute("aria-expanded")).toBe("true");
    const warnings = screen.getByRole("button", { name: `警告（${want.counts.warning}）` });
    expect(warnings.getAttribute("aria-expanded")).toBe("false");
    expect(
      screen.getByText(
        `3月报告：${want.targets} 个目标，${want.counts.error} 个错误，${want.counts.warning} 个警告，${want.counts.info} 个提示（读取用 2 次同步）。`,
      ),
    ).toBeTruthy();

    // The malformed entry sits under its department, with the count of that department's errors.
    const i = want.findings.findIndex((f) => f.code === "not-a-number" && f.cell === first.jan);
    const department = want.departments[i]!;
    const inDepartment = want.findings.filter((f, j) => f.severity === "error" && want.departments[j] === department);
    const list = screen.getByRole("list", { name: `${department || "（未指定责任单位）"}（${inDepartment.length}）` });
    const item = within(list).getByRole("button", { name: `在 Excel 中选中 台账!${first.jan}` });
    expect(item.textContent).toContain("1月填的是文字“１０”，不计入累计。");
    expect(item.textContent).toContain(`编号 ${first.id} · 1月 · 台账!${first.jan}`);
  });

  it("selects the finding's cell in Excel when the finding is clicked", async () => {
    const { ctx, first, port } = await filledLedger();
    const user = show(port);
    await user.click(screen.getByRole("button", { name: "检查台账" }));
    await user.click(await screen.findByRole("button", { name: `在 Excel 中选中 台账!${first.jan}` }));
    await waitFor(() => expect(snapshotWorkbook(ctx.state).selection).toBe(first.jan));
    expect(snapshotWorkbook(ctx.state).activeSheet).toBe("台账");
  });

  it("applies one proposed fix only on click, then checks again and says what changed", async () => {
    const { ctx, first, second, port } = await filledLedger();
    const want = await expected(ctx);
    const user = show(port);
    await user.click(screen.getByRole("button", { name: "检查台账" }));
    const fix = await screen.findByRole("button", { name: `将 台账!${first.jan} 改为 10` });
    expect(ledgerValue(ctx, first.jan)).toBe("１０");
    await user.click(fix);
    await screen.findByText(new RegExp(`^已修正 1 处（2 次同步），重新检查后问题由 ${want.findings.length} 个变为`));
    expect(screen.getByText(`台账!${first.jan}：“１０” → 10`)).toBeTruthy();
    expect(ledgerValue(ctx, first.jan)).toBe(10);
    expect(ledgerValue(ctx, second.jan)).toBe("５");
    expect(screen.queryByRole("button", { name: `将 台账!${first.jan} 改为 10` })).toBeNull();
    expect(screen.getByRole("button", { name: "应用全部安全修正（1 处）" })).toBeTruthy();
  });

  it("applies all safe fixes in one batch but leaves a cell edited since the check", async () => {
    const { ctx, first, second, port } = await filledLedger();
    const user = show(port);
    await user.click(screen.getByRole("button", { name: "检查台账" }));
    const all = await screen.findByRole("button", { name: "应用全部安全修正（2 处）" });
    await typeIntoLedger(ctx, { [second.jan]: 6 }); // someone corrects it meanwhile
    await user.click(all);
    await screen.findByText(`台账!${second.jan} 未修改：检查之后该单元格已被改动（现为“6”）。请重新检查后再修正。`);
    expect([ledgerValue(ctx, first.jan), ledgerValue(ctx, second.jan)]).toEqual([10, 6]);
    expect(ctx.state.sheets.find((s) => s.name === "台账")!.protection).not.toBeNull();
    expect(screen.queryByRole("button", { name: /^应用全部安全修正/ })).toBeNull();
  });

  it("says what to do when the workbook holds no ledger", async () => {
    const user = show(validationPortOver(new FakeExcelContext()));
    await user.click(screen.getByRole("button", { name: "检查台账" }));
    expect(await screen.findByText(/“当前工作簿”不是工作台账/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "关闭" }));
    expect(screen.queryByText(/不是工作台账/)).toBeNull();
  });

  it("says so when a password keeps a locked cell's sheet protected, and changes nothing", async () => {
    const ctx = await generateIntoFake(parseBuiltinPlan(), { password: "secret" });
    const [first] = await cumulativeRows(ctx);
    await typeIntoLedger(ctx, { [first!.jan]: "１０" });
    const at = findCell(first!.jan)!;
    getCell(
      ctx.state.sheets.find((s) => s.name === "台账")!,
      at.row,
      at.column,
    ).locked = true;
    const user = show(validationPortOver(ctx));
    await user.click(screen.getByRole("button", { name: "检查台账" }));
    await user.click(await screen.findByRole("button", { name: `将 台账!${first!.jan} 改为 10` }));
    expect(await screen.findByText(/工作表“台账”的保护未能解除（可能设有密码），未作任何修改/)).toBeTruthy();
    expect(ledgerValue(ctx, first!.jan)).toBe("１０");
  });

  it("speaks English", async () => {
    const ctx = await generateIntoFake(parseBuiltinPlan(), { locale: "en-US" });
    const [first] = await cumulativeRows(ctx);
    await typeIntoLedger(ctx, { [first!.jan]: "１０" }, "Ledger");
    const user = show(validationPortOver(ctx), "en-US");
    await user.click(screen.getByRole("button", { name: "Check ledger" }));
    expect(await screen.findByRole("button", { name: `Change Ledger!${first!.jan} to 10` })).toBeTruthy();
    expect(screen.getByRole("button", { name: /^Errors \(\d+\)$/ })).toBeTruthy();
  });
});
