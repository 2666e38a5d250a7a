/**
 * The whole round trip of issue 6 through the real spreadsheet application: the supervision office
 * splits the 2011 master (责任单位 assigned) with `plan-ledger split`; two departments fill their copies
 * in LibreOffice the way a person does (typing figures and text through UNO) and save them as .xlsx;
 * `plan-ledger merge` brings them back; the merged master holds their figures, the change log says who
 * changed what, the 未报送 list names the sixteen departments that sent nothing, and `validate` (and
 * LibreOffice's own 状态 formulas on the merged master) say who is behind.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ValidationReport } from "../../src/cli/commands/validate";
import { FIRST_DATA_ROW, LEDGER_COLUMNS as C, PLAN_COLUMNS, ledgerLabels } from "../../src/domain/ledger/layout";
import type { LedgerStatus } from "../../src/domain/ledger/status";
import { listTargets } from "../../src/domain/plan/types";
import { cellAddress } from "../../src/domain/workbook/address";
import { readXlsxGrid } from "../../src/xlsx/readGrid";
import { runCli } from "../support/cli";
import { DEPARTMENTS_FIXTURE, plan2011WithDepartments } from "../support/exchange";
import { fixturePath } from "../support/planFixtures";
import { describeWithLibreOffice, type Op } from "../support/libreoffice";

const labels = ledgerLabels("zh-CN");
const LEDGER = labels.sheets.ledger;
const plan = plan2011WithDepartments();
const masterRow = (id: string): number => FIRST_DATA_ROW + listTargets(plan).findIndex((r) => r.target.id === id);
const STATUS_BY_LABEL = new Map<string, LedgerStatus>(
  (Object.entries(labels.statuses) as Array<[LedgerStatus, string]>).map(([status, label]) => [label, status]),
);

/** What each department types in its copy: figures January … June by target, and texts. */
const FINANCE = {
  file: "工作台账-2011-市金融办-6月.xlsx",
  ids: ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"],
  figures: { "2.1": [1, 1, 1, 1, 1, 1], "2.4": [1, 0, 0, 0, 0, 0], "2.5": [null, null, null, null, null, 500] },
  texts: { "2.4": { [C.progress]: "已受理 3 家申请", [C.problems]: "审批放缓" } },
};
const EMERGENCY = {
  file: "工作台账-2011-市应急办-6月.xlsx",
  ids: ["4.1", "4.2", "4.3", "4.4"],
  figures: { "4.1": [null, null, null, null, 1], "4.2": [null, null, null, null, null, 20] },
  texts: {},
};

type Copy = typeof FINANCE | typeof EMERGENCY;

/** UNO ops typing a department's entries into its copy (rows in the copy follow its own targets). */
function typing(copy: Copy, source: string, saved: string): Op[] {
  const ops: Op[] = [{ op: "open", path: source }];
  const row = (id: string) => FIRST_DATA_ROW + copy.ids.indexOf(id);
  for (const [id, values] of Object.entries(copy.figures) as Array<[string, Array<number | null>]>) {
    values.forEach((value, i) => {
      if (value !== null)
        ops.push({ op: "setValue", sheet: LEDGER, cell: cellAddress(row(id), C.firstMonth + i), value });
    });
  }
  for (const [id, texts] of Object.entries(copy.texts) as Array<[string, Record<number, string>]>) {
    for (const [column, value] of Object.entries(texts)) {
      ops.push({ op: "setString", sheet: LEDGER, cell: cellAddress(row(id), Number(column)), value });
    }
  }
  ops.push({ op: "calculateAll" }, { op: "saveAs", path: saved }, { op: "close" });
  return ops;
}

describeWithLibreOffice("split, fill in LibreOffice, merge back", (lo) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-ledger-exchange-lo-"));
  const returned = [path.join(dir, "returned", "金融办.xlsx"), path.join(dir, "returned", "应急办.xlsx")];
  let merge: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    const generated = await runCli(
      ["generate", fixturePath(DEPARTMENTS_FIXTURE), "--month", "6", "-o", "master.xlsx"],
      { cwd: dir },
    );
    expect(generated.code).toBe(0);
    expect((await runCli(["split", "master.xlsx", "--out", "out"], { cwd: dir })).code).toBe(0);
    fs.mkdirSync(path.join(dir, "returned"));
    await lo().run(typing(FINANCE, path.join(dir, "out", FINANCE.file), returned[0]!));
    await lo().run(typing(EMERGENCY, path.join(dir, "out", EMERGENCY.file), returned[1]!));
    merge = await runCli(["merge", "master.xlsx", ...returned, "-o", "merged.xlsx"], { cwd: dir });
  });

  it("merges both LibreOffice-saved copies and prints their changes", () => {
    expect(merge.code).toBe(0);
    const lines = merge.stdout.split("\n");
    expect(lines[0]).toBe(`【市金融办】${returned[0]}（报告月份 6 月）`);
    expect(lines).toContain("  2.4 存在问题：（空） → 审批放缓");
    expect(lines).toContain("  2.5 6月：（空） → 500");
    expect(lines).toContain(`【市应急办】${returned[1]}（报告月份 6 月）`);
    expect(lines).toContain("  4.2 6月：（空） → 20");
    expect(merge.stdout).toContain("共 2 个文件：采用 2 个，未采用 0 个；17 处修改，0 处冲突。");
    expect(lines).toContain("  市金融办：2.2 严重滞后、2.3 严重滞后、2.4 严重滞后");
    expect(lines).toContain("  市应急办：4.3 严重滞后、4.2 滞后");
  });

  it("names the sixteen departments that sent nothing (未报送)", () => {
    const line = merge.stdout.split("\n").find((l) => l.startsWith("未报送"))!;
    expect(line).toMatch(/^未报送（16 个单位）：市政府督查室、市会展办、市食品安全办、/);
    expect(line).not.toContain("市金融办");
    expect(line).not.toContain("市应急办");
  });

  it("puts the typed figures and texts into the master, and every change into 变更记录", async () => {
    const grid = await readXlsxGrid(fs.readFileSync(path.join(dir, "merged.xlsx")), "merged.xlsx");
    const ledger = grid.sheets.find((s) => s.name === LEDGER)!;
    const months = (id: string) => ledger.rows[masterRow(id)]!.slice(C.firstMonth, C.firstMonth + 6);
    expect(months("2.1")).toEqual([1, 1, 1, 1, 1, 1]);
    expect(months("2.4")).toEqual([1, 0, 0, 0, 0, 0]);
    expect(months("4.2")).toEqual([null, null, null, null, null, 20]);
    expect(ledger.rows[masterRow("2.4")]!.slice(C.progress, C.problems + 1)).toEqual(["已受理 3 家申请", "审批放缓"]);
    const log = grid.sheets.find((s) => s.name === "变更记录")!;
    const entries = log.rows.slice(3).map((r) => r.slice(1));
    expect(entries).toHaveLength(17);
    expect(entries).toContainEqual(["金融办.xlsx", "市金融办", "2.5", 6, null, 500]);
    expect(entries).toContainEqual(["金融办.xlsx", "市金融办", "2.4", "存在问题", null, "审批放缓"]);
    expect(entries).toContainEqual(["应急办.xlsx", "市应急办", "4.1", 5, null, 1]);
  });

  it("shows who is behind: validate and LibreOffice's own 状态 agree on the merged master", async () => {
    const merged = path.join(dir, "merged.xlsx");
    const validate = await runCli(["validate", merged, "--json"]);
    const report = JSON.parse(validate.stdout) as ValidationReport;
    const behind = (id: string) =>
      report.findings.filter((f) => f.targetId === id && ["seriously-behind", "below-threshold"].includes(f.code));
    expect(behind("2.4").map((f) => f.code)).toEqual(["seriously-behind"]);
    expect(behind("4.2").map((f) => f.code)).toEqual(["below-threshold"]);
    expect(behind("4.3").map((f) => f.code)).toEqual(["seriously-behind"]);
    expect(behind("2.1")).toEqual([]);
    const ids = ["2.1", "2.4", "2.5", "4.1", "4.2", "4.3"];
    const ops: Op[] = [{ op: "open", path: merged }];
    for (const id of ids) ops.push({ op: "getCell", sheet: LEDGER, cell: cellAddress(masterRow(id), C.status) });
    const [, ...cells] = (await lo().run(ops)) as [unknown, ...Array<{ text: string }>];
    expect(Object.fromEntries(ids.map((id, i) => [id, STATUS_BY_LABEL.get(cells[i]!.text)]))).toEqual({
      "2.1": "onTrack",
      "2.4": "seriouslyBehind",
      "2.5": "onTrack",
      "4.1": "done",
      "4.2": "behind",
      "4.3": "seriouslyBehind",
    });
    expect(report.summary.statuses.done).toBeGreaterThanOrEqual(1);
  });

  it("splits a master the supervisor edited and saved in LibreOffice, following the 责任单位 picked on 计划", async () => {
    const edited = path.join(dir, "master-lo.xlsx");
    const planSheet = labels.sheets.plan;
    await lo().run([
      { op: "open", path: path.join(dir, "master.xlsx") },
      {
        op: "setString",
        sheet: planSheet,
        cell: cellAddress(masterRow("2.7"), PLAN_COLUMNS.department),
        value: "市应急办",
      },
      { op: "saveAs", path: edited },
      { op: "close" },
    ]);
    const r = await runCli(["split", "master-lo.xlsx", "--out", "lo-out"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("：市金融办，6 个目标\n");
    expect(r.stdout).toContain("：市应急办，5 个目标\n");
    const copy = await readXlsxGrid(fs.readFileSync(path.join(dir, "lo-out", EMERGENCY.file)), "copy");
    const ids = copy.sheets
      .find((s) => s.name === LEDGER)!
      .rows.slice(FIRST_DATA_ROW)
      .map((row) => row[0]);
    expect(ids).toEqual(["2.7", "4.1", "4.2", "4.3", "4.4"]);
  });
});
