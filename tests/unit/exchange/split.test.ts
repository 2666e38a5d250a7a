import { PlanLedgerError } from "../../../src/domain/errors";
import { findEmbeddedPlan, readLedgerState } from "../../../src/domain/exchange/ledgerState";
import { safeFileNamePart, splitMaster } from "../../../src/domain/exchange/split";
import { buildLedger } from "../../../src/domain/ledger/buildLedger";
import { PLAN_JSON_CHUNK } from "../../../src/domain/ledger/coverSheets";
import { planFingerprint } from "../../../src/domain/ledger/fingerprint";
import { listTargets } from "../../../src/domain/plan/types";
import { readLedger } from "../../../src/domain/progress/readLedger";
import { valuesOfSpec } from "../../../src/domain/workbook/specGrid";
import { translator } from "../../../src/i18n";
import { makePlan } from "../../support/builders";
import { assign, GENERATED_AT, masterGrid, plan2011WithDepartments, setMonth, sheetOf } from "../../support/exchange";

const plan = plan2011WithDepartments();
const t = translator("zh-CN");

function ids(grid: ReturnType<typeof valuesOfSpec>, sheet = "台账"): unknown[] {
  return sheetOf(grid, sheet)
    .rows.slice(3)
    .map((r) => r[0]);
}

describe("the plan embedded in _meta", () => {
  it("comes back equal to the plan the ledger was built from (diagnostics left out)", () => {
    expect(findEmbeddedPlan(masterGrid(plan), "a.xlsx")).toEqual({ ...plan, diagnostics: [] });
  });

  it("is cut into parts of at most 30,000 characters that join back", () => {
    const long = makePlan({
      targets: Array.from({ length: 400 }, (_, i) => ({ source: `第${i}项`.padEnd(200, "长") })),
    });
    const meta = sheetOf(masterGrid(long), "_meta");
    const parts = meta.rows.filter((r) => /^planJson\.\d+$/.test(String(r[5] ?? "")));
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.every((r) => String(r[6]).length <= PLAN_JSON_CHUNK)).toBe(true);
    expect(findEmbeddedPlan(masterGrid(long), "a.xlsx")).toEqual(long);
  });

  it("is absent from a ledger whose _meta lost it, and the master is refused with a message", () => {
    const grid = masterGrid(plan);
    const meta = sheetOf(grid, "_meta");
    meta.rows = meta.rows.map((r) => r.slice(0, 4));
    expect(findEmbeddedPlan(grid, "a.xlsx")).toBeNull();
    let error: unknown;
    try {
      readLedgerState(grid, "旧台账.xlsx");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanLedgerError);
    const e = error as PlanLedgerError;
    expect(t(`error.${e.code}` as "error.exchange-no-plan", e.params)).toBe(
      "“旧台账.xlsx”中没有保存计划（_meta 缺少 planJson），无法拆分或汇总。请用本版本的 plan-ledger generate 重新生成主台账，把已填数据复制过去。",
    );
  });
});

describe("splitMaster", () => {
  const master = readLedgerState(masterGrid(plan, { monthly: { "2.1": [1, 2, 3] } }), "主台账.xlsx");
  const result = splitMaster(master, GENERATED_AT);
  const finance = result.copies.find((c) => c.department === "市金融办")!;

  it("makes one copy per 责任单位, in plan order, and sends every row out", () => {
    expect(result.copies.map((c) => [c.department, c.targetIds.length]).slice(0, 4)).toEqual([
      ["市政府督查室", 4],
      ["市金融办", 7],
      ["市会展办", 5],
      ["市应急办", 4],
    ]);
    expect(result.copies).toHaveLength(18);
    expect(result.unassigned).toEqual([]);
    expect(result.copies.reduce((n, c) => n + c.targetIds.length, 0)).toBe(listTargets(plan).length);
  });

  it("names the file after year, department and report month", () => {
    expect(finance.fileName).toBe("工作台账-2011-市金融办-6月.xlsx");
    const en = splitMaster(readLedgerState(masterGrid(plan, { lang: "en-US" }), "m.xlsx"), GENERATED_AT);
    expect(en.copies[1]!.fileName).toBe("plan-ledger-2011-市金融办-M6.xlsx");
    expect(safeFileNamePart('财政局/国资委:"试点"')).toBe("财政局_国资委__试点_");
  });

  it("gives the copy only the department's rows, with the entries so far", () => {
    const grid = valuesOfSpec(finance.spec);
    expect(ids(grid)).toEqual(["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"]);
    expect(ids(grid, "计划")).toEqual(["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"]);
    expect(sheetOf(grid, "台账").rows[3]!.slice(8, 11)).toEqual([1, 2, 3]);
  });

  it("keeps the sheets, rules, highlights and protection of the master", () => {
    const full = buildLedger(plan, { lang: "zh-CN", reportMonth: 6, generatedAt: GENERATED_AT });
    expect(finance.spec.sheets.map((s) => [s.name, s.state])).toEqual(full.sheets.map((s) => [s.name, s.state]));
    expect(finance.spec.sheets.every((s) => s.protection !== undefined)).toBe(true);
    const ledger = finance.spec.sheets[2]!;
    expect(ledger.validations.map((v) => v.range)).toEqual(["I4:T7", "I8:T8", "I9:T10"]);
    expect(ledger.conditionalFormats.map((c) => c.range)).toEqual(["A4:A10", "U4:X10"]);
    expect(finance.spec.definedNames).toEqual(full.definedNames);
  });

  it("writes the department, the report month and the master's fingerprint into _meta", () => {
    const read = readLedger(valuesOfSpec(finance.spec), finance.fileName);
    expect(read.meta.department).toBe("市金融办");
    expect(read.settings.reportMonth).toBe(6);
    expect(read.meta.planFingerprint).toBe(planFingerprint(plan));
    const meta = sheetOf(valuesOfSpec(finance.spec), "_meta");
    expect(meta.rows[0]!.slice(5, 7)).toEqual(["reportMonth", 6]);
    // The merge uses the master's plan: 60 copies of a large plan need not each carry it.
    expect(findEmbeddedPlan(valuesOfSpec(finance.spec), "copy.xlsx")).toBeNull();
  });

  it("follows the 责任单位 picked on 计划 over the plan's", () => {
    const grid = masterGrid(plan);
    assign(grid, "2.1", "市应急办");
    const copies = splitMaster(readLedgerState(grid, "m.xlsx"), GENERATED_AT).copies;
    expect(copies.find((c) => c.department === "市应急办")!.targetIds).toEqual(["2.1", "4.1", "4.2", "4.3", "4.4"]);
    expect(copies.find((c) => c.department === "市金融办")!.targetIds).not.toContain("2.1");
  });

  it("reports rows with no 责任单位 instead of dropping them silently", () => {
    const grid = masterGrid(plan);
    assign(grid, "1.1", "");
    setMonth(grid, "1.1", 1, 5);
    const split = splitMaster(readLedgerState(grid, "m.xlsx"), GENERATED_AT);
    expect(split.unassigned).toEqual(["1.1"]);
    expect(split.copies.find((c) => c.department === "市政府督查室")!.targetIds).toEqual(["11.1", "21.1", "21.2"]);
  });

  it("refuses to split a department copy", () => {
    const expected = new PlanLedgerError("exchange-not-master", { file: "copy.xlsx", department: "市金融办" });
    expect(() => readLedgerState(valuesOfSpec(finance.spec), "copy.xlsx")).toThrow(expected);
    const generated = buildLedger(plan, {
      lang: "zh-CN",
      reportMonth: 6,
      generatedAt: GENERATED_AT,
      department: "市金融办",
    });
    expect(() => splitMaster(readLedgerState(valuesOfSpec(generated), "copy.xlsx"), GENERATED_AT)).toThrow(expected);
    expect(t("error.exchange-not-master", expected.params)).toBe(
      "“copy.xlsx”是“市金融办”的部门台账，不是主台账。请选择主台账。",
    );
  });
});
