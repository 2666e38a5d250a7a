/** plan-ledger split and merge, in-process, on real .xlsx files in a temporary folder. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readLedgerState } from "../../../src/domain/exchange/ledgerState";
import { splitMaster } from "../../../src/domain/exchange/split";
import { LEDGER_COLUMNS } from "../../../src/domain/ledger/layout";
import type { WorkbookSpec } from "../../../src/domain/workbook/spec";
import { readXlsxGrid } from "../../../src/xlsx/readGrid";
import { readWorkbookXlsx, UNKNOWN_PASSWORD } from "../../../src/xlsx/readWorkbookXlsx";
import { writeWorkbookXlsx } from "../../../src/xlsx/writeWorkbookXlsx";
import { toPlanJson } from "../../../src/domain/plan/planJson";
import { makePlan } from "../../support/builders";
import { runCli } from "../../support/cli";
import { DEPARTMENTS_FIXTURE, GENERATED_AT } from "../../support/exchange";
import { fixturePath } from "../../support/planFixtures";

jest.setTimeout(60_000);

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "plan-ledger-exchange-"));
}

/** Types a figure into a copy's spec, as a department would in its spreadsheet. */
function type(spec: WorkbookSpec, id: string, month: number, value: number | string): void {
  const ledger = spec.sheets[2]!;
  const row = ledger.rows.find((r) => r[0]?.value === id)!;
  row[LEDGER_COLUMNS.firstMonth + month - 1] = { value, style: "input" };
}

async function masterIn(dir: string): Promise<string> {
  const r = await runCli(["generate", fixturePath(DEPARTMENTS_FIXTURE), "--month", "6", "-o", "master.xlsx"], {
    cwd: dir,
  });
  expect(r.code).toBe(0);
  return path.join(dir, "master.xlsx");
}

/** A department copy of the master with figures typed in, written to `name`. */
async function filledCopy(
  dir: string,
  department: string,
  name: string,
  typed: Array<[string, number, number | string]>,
) {
  const state = readLedgerState(await readXlsxGrid(fs.readFileSync(path.join(dir, "master.xlsx")), "m"), "m");
  const copy = splitMaster(state, GENERATED_AT).copies.find((c) => c.department === department)!;
  for (const [id, month, value] of typed) type(copy.spec, id, month, value);
  fs.writeFileSync(path.join(dir, name), await writeWorkbookXlsx(copy.spec));
}

describe("plan-ledger split", () => {
  it("writes one copy per 责任单位 and lists them", async () => {
    const dir = tempDir();
    await masterIn(dir);
    const r = await runCli(["split", "master.xlsx", "--out", "out"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toBe(
      `  ${path.join("out", "工作台账-2011-市金融办-6月.xlsx")}：市金融办，7 个目标`,
    );
    expect(r.stdout).toContain("已拆分为 18 个部门台账，存放在 out。\n");
    expect(fs.readdirSync(path.join(dir, "out"))).toHaveLength(18);
  });

  it("never overwrites a copy without --force", async () => {
    const dir = tempDir();
    await masterIn(dir);
    await runCli(["split", "master.xlsx", "--out", "out"], { cwd: dir });
    const again = await runCli(["split", "master.xlsx", "--out", "out"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^文件“out\/工作台账-2011-.+-6月\.xlsx”已存在。如要覆盖，请加 --force/);
    expect((await runCli(["split", "master.xlsx", "--out", "out", "--force"], { cwd: dir })).code).toBe(0);
  });

  it("reports the rows nobody is responsible for (exit 1)", async () => {
    const dir = tempDir();
    await runCli(["generate", "--month", "6", "-o", "plain.xlsx"], { cwd: dir });
    const r = await runCli(["split", "plain.xlsx", "--out", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^已拆分为 0 个部门台账，存放在 out。\n以下 52 个目标没有责任单位，未分发：1\.1、2\.1、/);
  });

  it("asks for --out, and refuses a file that is not a ledger (exit 2)", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "notes.xlsx"), "hello");
    expect(await runCli(["split", "notes.xlsx"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "请用 --out 指定存放部门台账的目录。\n",
    });
    const r = await runCli(["split", "notes.xlsx", "--out", "o"], { cwd: dir });
    expect(r).toMatchObject({ code: 2 });
    expect(r.stderr).toBe(
      "“notes.xlsx”不是可读取的 .xlsx 工作簿（not a zip package）。请用 Excel、WPS 或 LibreOffice 另存为 .xlsx 后再试。\n",
    );
  });
});

describe("plan-ledger merge", () => {
  it("gives back the master when the copies come back unedited (values of every sheet)", async () => {
    const dir = tempDir();
    const master = await masterIn(dir);
    await runCli(["split", "master.xlsx", "--out", "out"], { cwd: dir });
    const files = fs.readdirSync(path.join(dir, "out")).map((f) => path.join("out", f));
    const r = await runCli(["merge", "master.xlsx", ...files, "-o", "merged.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("共 18 个文件：采用 18 个，未采用 0 个；0 处修改，0 处冲突。");
    const before = await readXlsxGrid(fs.readFileSync(master), "m");
    const after = await readXlsxGrid(fs.readFileSync(path.join(dir, "merged.xlsx")), "m");
    expect(after).toEqual(before);
  });

  it("prints the changes per department and 未报送, writes the master with its change log", async () => {
    const dir = tempDir();
    await masterIn(dir);
    await filledCopy(dir, "市金融办", "金融办.xlsx", [
      ["2.1", 6, 5],
      ["2.2", 6, 1],
    ]);
    const r = await runCli(["merge", "master.xlsx", "金融办.xlsx", "-o", "merged.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "【市金融办】金融办.xlsx（报告月份 6 月）",
      "  2.1 6月：（空） → 5",
      "  2.2 6月：（空） → 1",
    ]);
    expect(r.stdout).toContain("未报送（17 个单位）：市政府督查室、市会展办、市应急办、");
    expect(r.stdout).toContain(
      "进度落后（合并后，截至 6 月）：\n  市金融办：2.3 严重滞后、2.4 严重滞后、2.5 严重滞后\n",
    );
    expect(r.stdout).toContain("已写入 merged.xlsx（变更记录共 2 条）。\n");
    expect(r.stderr).toBe("读取报送文件 1/1：金融办.xlsx\n");
    const grid = await readXlsxGrid(fs.readFileSync(path.join(dir, "merged.xlsx")), "m");
    const log = grid.sheets.find((s) => s.name === "变更记录")!;
    expect(log.rows.slice(3).map((row) => row.slice(1))).toEqual([
      ["金融办.xlsx", "市金融办", "2.1", 6, null, 5],
      ["金融办.xlsx", "市金融办", "2.2", 6, null, 1],
    ]);
    const again = await runCli(["merge", "merged.xlsx", "金融办.xlsx", "-o", "merged2.xlsx"], { cwd: dir });
    expect(again.stdout).toContain("【市金融办】金融办.xlsx（报告月份 6 月）\n  无变化");
    expect(await readXlsxGrid(fs.readFileSync(path.join(dir, "merged2.xlsx")), "m")).toEqual(grid);
  });

  it("refuses bad files one by one, naming each, and still merges the good one (exit 1)", async () => {
    const dir = tempDir();
    await masterIn(dir);
    await filledCopy(dir, "市金融办", "金融办.xlsx", [["2.1", 6, 5]]);
    await filledCopy(dir, "市应急办", "应急办.xlsx", [["4.1", 6, "3次"]]);
    fs.writeFileSync(path.join(dir, "会展办.xlsx"), "not a workbook");
    const whole = fs.readFileSync(path.join(dir, "金融办.xlsx"));
    fs.writeFileSync(path.join(dir, "截断.xlsx"), whole.subarray(0, 2000));
    const r = await runCli(
      [
        "merge",
        "master.xlsx",
        "金融办.xlsx",
        "应急办.xlsx",
        "会展办.xlsx",
        "截断.xlsx",
        "无此文件.xlsx",
        "-o",
        "m.xlsx",
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("  2.1 6月：（空） → 5");
    expect(r.stdout).toContain("未采用的文件（4 个）：\n");
    expect(r.stdout).toContain(
      "  “应急办.xlsx”有 1 处填写错误，整个文件未采用。请报送单位改正后重新报送：\n    台账!N4 4.1 6月填的是文字“3次”，不计入累计。请只填数字（单位：期）。\n",
    );
    expect(r.stdout).toContain("  “会展办.xlsx”不是可读取的 .xlsx 工作簿（not a zip package）。");
    expect(r.stdout).toContain("  “截断.xlsx”已损坏或不完整（end of the zip directory not found），无法读取。");
    expect(r.stdout).toContain("  找不到文件“无此文件.xlsx”。请检查路径。");
    expect(r.stdout).toContain("共 5 个文件：采用 1 个，未采用 4 个；1 处修改，0 处冲突。");
    expect(r.stderr.split("\n")).toHaveLength(6);
  });

  it("previews without writing (--dry-run), as JSON (--json)", async () => {
    const dir = tempDir();
    await masterIn(dir);
    await filledCopy(dir, "市金融办", "金融办.xlsx", [["2.1", 6, 5]]);
    const r = await runCli(["merge", "master.xlsx", "金融办.xlsx", "--dry-run", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      departments: Array<{ department: string; changes: unknown[] }>;
      missing: string[];
      summary: Record<string, number>;
      output: string | null;
    };
    expect(json.departments[0]!.changes).toEqual([
      { file: "金融办.xlsx", department: "市金融办", targetId: "2.1", month: 6, narrative: null, old: null, new: 5 },
    ]);
    expect(json.summary).toEqual({ files: 1, accepted: 1, refused: 0, changes: 1, conflicts: 0 });
    expect(json.missing).toHaveLength(17);
    expect(json.output).toBeNull();
    expect(fs.readdirSync(dir).sort()).toEqual(["master.xlsx", "金融办.xlsx"]);
  });

  it("needs files and -o, and a usable master (exit 2)", async () => {
    const dir = tempDir();
    await masterIn(dir);
    expect((await runCli(["merge", "master.xlsx"], { cwd: dir })).stderr).toBe(
      "请指定主台账和至少一个报送文件：plan-ledger merge 主台账.xlsx 文件… -o 输出.xlsx\n",
    );
    expect(await runCli(["merge", "master.xlsx", "a.xlsx"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "请用 -o 指定汇总后的主台账文件（或加 --dry-run 只预览）。\n",
    });
    const r = await runCli(["merge", "nothing.xlsx", "a.xlsx", "-o", "x.xlsx", "--lang", "en"], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stderr: "File “nothing.xlsx” was not found. Check the path.\n" });
  });

  it("speaks English with --lang en", async () => {
    const dir = tempDir();
    await masterIn(dir);
    await filledCopy(dir, "市金融办", "finance.xlsx", [["2.1", 1, 2]]);
    const r = await runCli(["merge", "master.xlsx", "finance.xlsx", "--dry-run", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 2)).toEqual([
      "[市金融办] finance.xlsx (report month 6)",
      "  2.1 M1: (blank) → 2",
    ]);
    expect(r.stdout).toContain("Not returned (17 departments): 市政府督查室, ");
    expect(r.stdout).toContain(
      "Files: 1; taken: 1, not taken: 0; changes: 1, conflicts: 0.\n\nBehind (after the merge, up to month 6):\n  市金融办: 2.2 Seriously behind, 2.3 Seriously behind, 2.4 Seriously behind, 2.5 Seriously behind, 2.1 Behind\n",
    );
    expect(r.stderr).toBe("Reading returned files 1/1: finance.xlsx\n");
  });

  it("protects the copies and the merged master with --password", async () => {
    // A one-department plan: hashing a password costs ≈ 0.4 s per sheet in ExcelJS.
    const dir = tempDir();
    const plan = toPlanJson(makePlan({ departments: ["市金融办"] }), () => "");
    fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify(plan));
    await runCli(["generate", "plan.json", "--month", "6", "-o", "master.xlsx"], { cwd: dir });
    await runCli(["split", "master.xlsx", "--out", "out", "--password", "督查"], { cwd: dir });
    const copy = path.join("out", "工作台账-2011-市金融办-6月.xlsx");
    const r = await runCli(["merge", "master.xlsx", copy, "-o", "m.xlsx", "--password", "督查"], { cwd: dir });
    expect(r.code).toBe(0);
    for (const file of [copy, "m.xlsx"]) {
      const spec = await readWorkbookXlsx(fs.readFileSync(path.join(dir, file)));
      expect(spec.sheets.every((s) => s.protection?.password === UNKNOWN_PASSWORD)).toBe(true);
    }
  });
});
