import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { CliIo } from "../../../src/cli/context";
import { defaultReportMonth } from "../../../src/cli/commands/generate";
import { run } from "../../../src/cli/main";
import { readWorkbookXlsx } from "../../../src/xlsx/readWorkbookXlsx";

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], cwd: string): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => new Uint8Array(),
    cwd,
  };
  const code = await run(argv, io, {});
  return { code, stdout, stderr };
}

describe("plan-ledger generate", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "plan-ledger-generate-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the built-in 2011 ledger as 工作台账-2011.xlsx in the working directory", async () => {
    const result = await cli(["generate", "--month", "6"], dir);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^已生成 工作台账-2011\.xlsx：52 个目标，报告月份 6 月，\d+ KB。\n$/);
    const spec = await readWorkbookXlsx(readFileSync(path.join(dir, "工作台账-2011.xlsx")));
    expect(spec.sheets.map((s) => s.name)).toEqual(["说明", "计划", "台账", "汇总", "设置", "_meta"]);
    const settings = spec.sheets[4]!;
    expect(settings.rows[3]![1]!.value).toBe(6);
  });

  it("writes an English workbook to -o with --lang en", async () => {
    const result = await cli(["generate", "-o", "out.xlsx", "--lang", "en", "--month", "3"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote out\.xlsx: 52 targets, report month 3, \d+ KB\.\n$/);
    const spec = await readWorkbookXlsx(readFileSync(path.join(dir, "out.xlsx")));
    expect(spec.sheets[2]!.name).toBe("Ledger");
  });

  it("reads a plan text given as PLAN", async () => {
    writeFileSync(path.join(dir, "plan.txt"), "某局2012年工作要点\n一、发展\n1. 全年新增企业20家。\n");
    const result = await cli(["generate", "plan.txt", "--month", "1"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("工作台账-2012.xlsx：1 个目标");
  });

  it("refuses to overwrite an existing file, and overwrites it with --force", async () => {
    const file = path.join(dir, "a.xlsx");
    writeFileSync(file, "keep me");
    const refused = await cli(["generate", "-o", "a.xlsx", "--month", "2"], dir);
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr: "文件“a.xlsx”已存在。如要覆盖，请加 --force；或用 -o 指定其他文件名。\n",
    });
    expect(readFileSync(file, "utf8")).toBe("keep me");
    const forced = await cli(["generate", "-o", "a.xlsx", "--month", "2", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(10000);
  });

  it.each([["13"], ["0"], ["六"], ["1.5"]])("rejects --month %s with exit 2 and a message", async (month) => {
    const result = await cli(["generate", "--month", month], dir);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `报告月份“${month}”无效：应为 1–12 之间的整数（如 --month 6）。\n`,
    });
  });

  it("reports an unreadable plan with exit 2", async () => {
    const result = await cli(["generate", "missing.txt", "--month", "1"], dir);
    expect(result).toEqual({ code: 2, stdout: "", stderr: "找不到文件“missing.txt”。请检查路径。\n" });
  });

  it("reports an unwritable path with exit 2", async () => {
    mkdirSync(path.join(dir, "sub"));
    const intoDir = await cli(["generate", "-o", "sub", "--month", "1", "--force"], dir);
    expect(intoDir.code).toBe(2);
    expect(intoDir.stderr).toBe(
      "无法写入“sub”：EISDIR。请检查目录是否存在、是否有写权限，或文件是否正被 Excel/WPS 打开。\n",
    );
    const noFolder = await cli(["generate", "-o", "nope/x.xlsx", "--month", "1", "--lang", "en"], dir);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain("Cannot write “nope/x.xlsx”: ENOENT.");
  });

  it("protects the sheets with --password", async () => {
    expect((await cli(["generate", "-o", "p.xlsx", "--month", "1", "--password", "pw"], dir)).code).toBe(0);
    const spec = await readWorkbookXlsx(readFileSync(path.join(dir, "p.xlsx")));
    expect(spec.sheets.every((s) => s.protection?.password !== undefined)).toBe(true);
  });
});

describe("defaultReportMonth", () => {
  it("is December for a past plan year, January for a future one, else the current month", () => {
    const now = new Date(2026, 10, 27);
    expect([defaultReportMonth(2011, now), defaultReportMonth(2030, now), defaultReportMonth(2026, now)]).toEqual([
      12, 1, 11,
    ]);
  });
});
