import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { buildLedger } from "../../../src/domain/ledger/buildLedger";
import type { MonthlyValue } from "../../../src/domain/ledger/status";
import { writeWorkbookXlsx } from "../../../src/xlsx/writeWorkbookXlsx";
import type { ValidationReport } from "../../../src/cli/commands/validate";
import { runCli } from "../../support/cli";
import { parseBuiltinPlan } from "../../support/planFixtures";

const dir = mkdtempSync(path.join(tmpdir(), "plan-ledger-validate-"));
const plan = parseBuiltinPlan();

async function ledgerFile(
  name: string,
  monthly: Record<string, readonly MonthlyValue[]>,
  reportMonth = 3,
): Promise<string> {
  const spec = buildLedger(plan, { lang: "zh-CN", reportMonth, generatedAt: "2011-04-05T08:00:00.000Z", monthly });
  const file = path.join(dir, name);
  writeFileSync(file, await writeWorkbookXlsx(spec));
  return file;
}

/** Every quantitative target filled on pace (a quarter of the year after 3 months), milestones started. */
function onPace(): Record<string, MonthlyValue[]> {
  const monthly: Record<string, MonthlyValue[]> = {};
  for (const section of plan.sections) {
    for (const item of section.items) {
      for (const t of item.targets) {
        if (t.kind === "milestone") monthly[t.id] = [10, 20, 30];
        else if (t.kind === "rate") monthly[t.id] = [t.value, t.value, t.value];
        else if (t.kind === "cap") monthly[t.id] = [0.5, 0.5, 0.5];
        else if (t.kind === "balance-increase") monthly[t.id] = [80, 160, 240];
        else monthly[t.id] = [(t.value ?? 1) / 12, (t.value ?? 1) / 12, (t.value ?? 1) / 12 + 1];
      }
    }
  }
  return monthly;
}

describe("plan-ledger validate", () => {
  it("exits 0 on a ledger filled on pace", async () => {
    const file = await ledgerFile("ok.xlsx", onPace());
    const { code, stdout, stderr } = await runCli(["validate", file, "--json"]);
    const report = JSON.parse(stdout) as ValidationReport;
    expect([code, stderr, report.findings.filter((f) => f.severity === "error")]).toEqual([0, "", []]);
    expect(report.summary).toMatchObject({ reportMonth: 3, errors: 0 });
  });

  it("exits 1 and lists errors with cells, messages and safe fixes", async () => {
    const monthly = onPace();
    monthly["2.1"] = [1, "２家", 1];
    monthly["8.1"] = [5, 6, 1];
    monthly["20.1"] = [0.99, 98, 98];
    const file = await ledgerFile("bad.xlsx", monthly);
    const { code, stdout } = await runCli(["validate", file, "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as ValidationReport;
    const pick = (id: string) =>
      report.findings.filter((f) => f.targetId === id).map((f) => [f.code, f.cell, f.fix?.value ?? null]);
    const row21 = report.findings.find((f) => f.targetId === "2.1")!;
    expect(row21).toMatchObject({ code: "not-a-number", severity: "error", month: 2, sheet: "台账" });
    expect(row21.message).toBe("2月填的是文字“２家”，不计入累计。请只填数字（单位：家）。");
    expect(pick("2.1")).toEqual([["not-a-number", row21.cell, 2]]);
    expect(pick("8.1").map((f) => f[0])).toEqual(["cap-exceeded", "narrative-missing"]);
    expect(pick("20.1").map((f) => [f[0], f[2]])).toEqual([["percent-scale", 99]]);
  });

  it("uses --month instead of the report month in 设置", async () => {
    const file = await ledgerFile("month.xlsx", onPace());
    const { stdout } = await runCli(["validate", file, "--json", "--month", "5"]);
    const report = JSON.parse(stdout) as ValidationReport;
    expect(report.summary.reportMonth).toBe(5);
    expect(report.findings.some((f) => f.code === "missing-entry" && f.month === 5)).toBe(true);
  });

  it("prints a readable report in English", async () => {
    const monthly = onPace();
    monthly["2.1"] = [1, "２家", 1];
    const file = await ledgerFile("en.xlsx", monthly);
    const { stdout } = await runCli(["--lang", "en", "validate", file]);
    expect(stdout).toContain("[error] 台账!");
    expect(stdout).toContain(
      "Month 2 holds the text “２家”, which does not count. Type a number only (unit: 家). (suggested: 2)",
    );
  });

  it("exits 2 on a file that is no .xlsx, no ledger, or missing", async () => {
    const text = path.join(dir, "plan.xlsx");
    writeFileSync(text, "not a zip");
    expect((await runCli(["validate", text])).code).toBe(2);
    expect((await runCli(["validate", text])).stderr).toContain("不是可读取的 .xlsx 工作簿");
    expect((await runCli(["validate", path.join(dir, "none.xlsx")])).stderr).toContain("找不到文件");
    expect((await runCli(["validate"])).stderr).toContain("请指定要检查的台账文件");
    expect((await runCli(["validate", text, "--month", "13"])).code).toBe(2);
  });
});
