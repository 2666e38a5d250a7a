/** @jest-environment jsdom */
import "../../support/jsdomShims";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { LedgerPort } from "../../../src/excel/ledgerPort";
import type { ValidationPort } from "../../../src/excel/validationPort";
import { App } from "../../../src/taskpane/App";
import { generateIntoFake, validationPortOver } from "../../support/fakeLedger";
import { parseBuiltinPlan } from "../../support/planFixtures";

const ledgerPort: LedgerPort = {
  capabilities: { dataValidation: true, createWorkbook: true },
  readExisting: async () => ({ sheets: [], savedPlan: null }),
  generate: async () => Promise.reject(new Error("not in this test")),
  savePlan: async () => undefined,
  openAsNewWorkbook: async () => undefined,
};

function showApp(validation?: ValidationPort) {
  render(
    <App
      port={ledgerPort}
      locale="zh-CN"
      dark={false}
      loadBuiltinPlan={async () => ""}
      exportXlsx={async () => new Uint8Array()}
      download={() => undefined}
      initialMonth={3}
      validation={validation}
    />,
  );
  return userEvent.setup();
}

describe("the pane's validation tab", () => {
  it("is there when the pane has a validation port, and checks the open workbook", async () => {
    const ctx = await generateIntoFake(parseBuiltinPlan());
    const user = showApp(validationPortOver(ctx));
    await user.click(screen.getByRole("tab", { name: "3. 检查进度" }));
    await user.click(screen.getByRole("button", { name: "检查台账" }));
    expect(await screen.findByText(/^3月报告：52 个目标/)).toBeTruthy();
    expect(screen.getByRole("tab", { name: "3. 检查进度" }).getAttribute("aria-selected")).toBe("true");
  });

  it("is not offered without one", () => {
    showApp();
    expect(screen.getAllByRole("tab")).toHaveLength(2);
    expect(screen.queryByRole("tab", { name: "3. 检查进度" })).toBeNull();
  });
});
