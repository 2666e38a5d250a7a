import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { runCli } from "../../support/cli";
import { fixturePath, REPO_ROOT } from "../../support/planFixtures";

interface PlanJsonOut {
  format: string;
  title: string;
  year: number;
  sections: Array<{ no: string; title: string; items: Array<{ no: string; targets: Array<Record<string, unknown>> }> }>;
  diagnostics: Array<{ line: number; code: string; message: string }>;
}

describe("plan-ledger parse", () => {
  it("prints the built-in plan as JSON by default file", async () => {
    const { code, stdout, stderr } = await runCli(["parse", "--json"]);
    expect([code, stderr]).toEqual([0, ""]);
    const json = JSON.parse(stdout) as PlanJsonOut;
    expect(json.format).toBe("plan-ledger/plan");
    expect(json.year).toBe(2011);
    const target = json.sections[0]!.items[1]!.targets[0]!;
    expect(target).toMatchObject({ id: "2.1", comparator: ">=", value: 10, unit: "家", kind: "cumulative" });
    expect(Object.keys(target).sort()).toEqual(
      ["comparator", "deadline", "id", "kind", "line", "max", "metric", "parent", "source", "unit", "value"].sort(),
    );
    expect(json.diagnostics[0]).toEqual({
      line: 1,
      code: "preamble",
      severity: "info",
      params: expect.any(Object),
      message: expect.stringContaining("第 1 行是编号前的导语"),
    });
  });

  it("prints a readable table with a summary", async () => {
    const { code, stdout } = await runCli(["parse", fixturePath("sample-tsv.txt")]);
    expect(code).toBe(0);
    expect(stdout).toContain("    1.1\t新建社区食堂\t>=\t20\t处\t累计\t2025-09-30\t新建社区食堂20处");
    expect(stdout).toContain("共 1 个部分、2 项工作、2 个目标（其中量化目标 2 个）。");
  });

  it("reads standard input with -", async () => {
    const { code, stdout } = await runCli(["parse", "-", "--json"], { stdin: "2019年工作要点\n1. 新增10家。" });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as PlanJsonOut).sections[0]!.items[0]!.targets[0]).toMatchObject({ value: 10 });
  });

  it("reads a GBK file", async () => {
    const { code, stdout } = await runCli(["parse", fixturePath("sample-gbk.txt")]);
    expect(code).toBe(0);
    expect(stdout).toContain("新增就业岗位");
  });

  it("takes back the JSON it printed, with corrections", async () => {
    const first = JSON.parse((await runCli(["parse", "--json"])).stdout) as PlanJsonOut;
    first.sections[0]!.items[1]!.targets[0]!.value = 11;
    const second = await runCli(["parse", "-", "--json"], { stdin: JSON.stringify(first) });
    expect(second.code).toBe(0);
    expect((JSON.parse(second.stdout) as PlanJsonOut).sections[0]!.items[1]!.targets[0]!.value).toBe(11);
  });

  it("exits 2 with a message naming the file when it is missing or binary", async () => {
    expect(await runCli(["parse", "nope.txt"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "找不到文件“nope.txt”。请检查路径。\n",
    });
    const binary = await runCli(["--lang", "en", "parse", "-"], { stdin: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]) });
    expect(binary).toEqual({
      code: 2,
      stdout: "",
      stderr: "File “stdin” is not a text file. Give a UTF-8 or GBK plan text, or a plan JSON.\n",
    });
  });

  it("exits 2 on a broken plan JSON, naming the field", async () => {
    const bad = JSON.stringify({
      format: "plan-ledger/plan",
      version: 1,
      title: "t",
      year: 2011,
      sections: [{ no: "1" }],
    });
    const { code, stderr } = await runCli(["parse", "-"], { stdin: bad });
    expect(code).toBe(2);
    expect(stderr).toContain("sections[0].title");
  });

  it("exits 0 with diagnostics on an empty file", async () => {
    const { code, stdout } = await runCli(["parse", "-"], { stdin: "" });
    expect(code).toBe(0);
    expect(stdout).toContain("输入为空");
  });

  it("exits 2 on unknown options, commands and bad values", async () => {
    expect((await runCli(["parse", "--jsn"])).code).toBe(2);
    expect((await runCli(["parse", "--year", "11"])).stderr).toBe("--year 的值“11”不是有效年份（1900–2100）。\n");
    expect((await runCli(["frobnicate"])).stderr).toContain("未知命令“frobnicate”");
    expect((await runCli(["--lang", "fr", "parse"])).code).toBe(2);
    expect((await runCli(["parse", "a", "b"])).stderr).toContain("多余的参数“b”");
  });

  it("speaks English with --lang en or PLAN_LEDGER_LANG=en", async () => {
    expect((await runCli(["parse", "x.txt", "--lang=en"])).stderr).toBe(
      "File “x.txt” was not found. Check the path.\n",
    );
    expect((await runCli(["parse", "x.txt"], { env: { PLAN_LEDGER_LANG: "en" } })).stderr).toContain("was not found");
  });

  it("prints help", async () => {
    const { code, stdout } = await runCli(["help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("plan-ledger <命令>");
  });
});

describe("the installed bin", () => {
  const bin = path.join(REPO_ROOT, "bin", "plan-ledger.js");

  beforeAll(() => {
    execFileSync("npm", ["run", "-s", "build:cli"], { cwd: REPO_ROOT, stdio: "pipe" });
  });

  it("runs as a package bin with the built-in plan", () => {
    const out = execFileSync("node", [bin, "parse", "--json"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect((JSON.parse(out) as PlanJsonOut).title).toBe("市政府办公厅2011年工作要点");
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin["plan-ledger"]).toBe("bin/plan-ledger.js");
  });

  it("sets the exit code", () => {
    const result = spawnSync("node", [bin, "parse", "missing.txt"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing.txt");
  });
});
