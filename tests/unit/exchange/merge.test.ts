import { applyMerge } from "../../../src/domain/exchange/applyMerge";
import { shortfallsByDepartment } from "../../../src/domain/exchange/behind";
import { readLedgerState } from "../../../src/domain/exchange/ledgerState";
import {
  analyzeReturn,
  previewMerge,
  type FileReport,
  type MergePreview,
  type Refusal,
} from "../../../src/domain/exchange/mergePreview";
import { valuesOfSpec } from "../../../src/domain/workbook/specGrid";
import { translator, type MessageKey } from "../../../src/i18n";
import { conflictMessage, refusalMessage } from "../../../src/i18n/exchangeMessages";
import { makePlan } from "../../support/builders";
import {
  assign,
  copyGrids,
  masterGrid,
  masterState,
  MERGED_AT,
  plan2011WithDepartments,
  setMonth,
  setNarrative,
  sheetOf,
  type Grid,
} from "../../support/exchange";

const plan = plan2011WithDepartments();
const t = translator("zh-CN");
const MONTHLY = { "2.1": [1, 1, null] };
const master = masterState(plan, { monthly: MONTHLY });
const copies = copyGrids(master);

/** A fresh copy of a department's workbook (the map's grids are shared between tests). */
function copyOf(department: string): Grid {
  return structuredClone(copies.get(department)!);
}

function preview(files: Array<[string, Grid]>, into = master): MergePreview {
  return previewMerge(
    into,
    files.map(([file, grid]) => analyzeReturn(into, file, grid)),
  );
}

function refusalOf(file: string, grid: Grid, into = master): Refusal {
  const result = analyzeReturn(into, file, grid);
  if (!("code" in result)) throw new Error(`${file} was accepted`);
  return result;
}

describe("merge preview", () => {
  it("lists a department's changes: a late entry, the report month, a narrative", () => {
    const grid = copyOf("市金融办");
    setMonth(grid, "2.1", 3, 2);
    setMonth(grid, "2.1", 6, 3);
    setNarrative(grid, "2.1", "problems", "人手不足");
    const p = preview([["金融办.xlsx", grid]]);
    const base = { file: "金融办.xlsx", department: "市金融办", targetId: "2.1" };
    expect(p.departments).toEqual([
      {
        department: "市金融办",
        files: ["金融办.xlsx"],
        reportMonth: 6,
        changes: [
          { ...base, month: 3, narrative: null, old: null, new: 2 },
          { ...base, month: 6, narrative: null, old: null, new: 3 },
          { ...base, month: null, narrative: "problems", old: null, new: "人手不足" },
        ],
        conflicts: [],
      },
    ]);
    expect(p.refused).toEqual([]);
  });

  it("holds back a change to a closed month (before the report month, already reported)", () => {
    const grid = copyOf("市金融办");
    setMonth(grid, "2.1", 1, 5);
    const p = preview([["金融办.xlsx", grid]]);
    expect(p.changes).toEqual([]);
    expect(p.conflicts.map((c) => conflictMessage(c, "zh-CN", t))).toEqual([
      "金融办.xlsx：2.1 1月 已报送过（1），改为 5 未采用。确需更正时请在主台账中直接修改。",
    ]);
  });

  it("holds back changes to rows that are not the department's own", () => {
    const grid = masterGrid(plan, { monthly: MONTHLY });
    assign(grid, "2.1", "市会展办");
    const reassigned = readLedgerState(grid, "主台账.xlsx");
    const copy = copyOf("市金融办");
    setMonth(copy, "2.1", 6, 3);
    setMonth(copy, "2.2", 6, 1);
    const p = preview([["金融办.xlsx", copy]], reassigned);
    expect(p.changes.map((c) => [c.targetId, c.month, c.new])).toEqual([["2.2", 6, 1]]);
    expect(p.conflicts.map((c) => conflictMessage(c, "zh-CN", t))).toEqual([
      "金融办.xlsx：2.1 不是“市金融办”的目标（责任单位为“市会展办”），6月 的修改未采用：（空） → 3",
    ]);
  });

  it("never erases a master value with a blank cell", () => {
    const withJune = masterState(plan, { monthly: { "2.1": [1, 1, null, null, null, 4] } });
    const grid = structuredClone(copyGrids(withJune).get("市金融办")!);
    setMonth(grid, "2.1", 6, null);
    expect(preview([["金融办.xlsx", grid]], withJune).changes).toEqual([]);
  });

  it("takes neither of two different files of one department, and one of two identical files", () => {
    const a = copyOf("市金融办");
    const b = copyOf("市金融办");
    setMonth(a, "2.1", 6, 3);
    setMonth(b, "2.1", 6, 4);
    const different = preview([
      ["a.xlsx", a],
      ["b.xlsx", b],
    ]);
    expect(different.changes).toEqual([]);
    expect(different.conflicts.map((c) => conflictMessage(c, "zh-CN", t))).toEqual([
      "“市金融办”报送了多个内容不同的文件（a.xlsx、b.xlsx），均未采用。请确认哪一份有效，只汇总那一份。",
    ]);
    const same = preview([
      ["a.xlsx", a],
      ["a-副本.xlsx", structuredClone(a)],
    ]);
    expect(same.conflicts).toEqual([]);
    expect(same.changes.map((c) => [c.file, c.targetId, c.month, c.new])).toEqual([["a.xlsx", "2.1", 6, 3]]);
  });

  it("lists the departments that sent nothing (未报送)", () => {
    const p = preview([["金融办.xlsx", copyOf("市金融办")]]);
    expect(p.missing).toHaveLength(17);
    expect(p.missing.slice(0, 3)).toEqual(["市政府督查室", "市会展办", "市应急办"]);
    expect(p.missing).not.toContain("市金融办");
  });

  it("merges a copy whose columns were inserted and rows re-ordered, and reports it", () => {
    const grid = copyOf("市金融办");
    setMonth(grid, "2.2", 6, 1);
    const ledger = sheetOf(grid, "台账");
    for (const row of ledger.rows) row.splice(2, 0, "备注");
    ledger.rows.push(...ledger.rows.splice(3).reverse());
    const p = preview([["金融办.xlsx", grid]]);
    expect(p.changes.map((c) => [c.targetId, c.month, c.new])).toEqual([["2.2", 6, 1]]);
    const layout = (p.reports[0] as FileReport).layout.map((f) => f.params.what);
    expect(layout).toEqual(["columns-moved"]);
  });

  it("does not refuse a file for rows behind schedule", () => {
    const grid = copyOf("市金融办");
    setMonth(grid, "2.3", 6, 0);
    expect(preview([["金融办.xlsx", grid]]).refused).toEqual([]);
  });
});

describe("refused files", () => {
  it("refuses a file with text in a number cell, naming the file and the cell; the others still merge", () => {
    const bad = copyOf("市金融办");
    setMonth(bad, "2.1", 6, "10家");
    const good = copyOf("市应急办");
    setMonth(good, "4.1", 6, 2);
    const p = preview([
      ["金融办.xlsx", bad],
      ["应急办.xlsx", good],
    ]);
    expect(p.refused.map((r) => refusalMessage(r, t))).toEqual([
      "“金融办.xlsx”有 1 处填写错误，整个文件未采用。请报送单位改正后重新报送：",
    ]);
    expect(p.refused[0]!.findings.map((f) => [f.code, f.cell, f.fix?.value])).toEqual([["not-a-number", "N4", 10]]);
    expect(p.changes.map((c) => [c.file, c.targetId, c.new])).toEqual([["应急办.xlsx", "4.1", 2]]);
    expect(p.missing).toContain("市金融办");
  });

  it("does not blame a department for text the master already held", () => {
    const withText = masterState(plan, { monthly: { "2.1": [1, "约2家"] } });
    const grid = structuredClone(copyGrids(withText).get("市金融办")!);
    setMonth(grid, "2.1", 6, 3);
    const p = preview([["金融办.xlsx", grid]], withText);
    expect(p.refused).toEqual([]);
    expect(p.changes.map((c) => [c.targetId, c.month, c.new])).toEqual([["2.1", 6, 3]]);
  });

  it("refuses a negative figure", () => {
    const bad = copyOf("市金融办");
    setMonth(bad, "2.1", 6, -3);
    const r = refusalOf("金融办.xlsx", bad);
    expect([r.code, r.findings.map((f) => f.code)]).toEqual(["exchange-entry-errors", ["negative-value"]]);
  });

  it("refuses a ledger of another year", () => {
    const other = masterState({ ...plan, year: 2012 });
    const grid = structuredClone(copyGrids(other).get("市金融办")!);
    expect(refusalMessage(refusalOf("2012.xlsx", grid), t)).toBe(
      "“2012.xlsx”是 2012 年的台账，主台账是 2011 年，其中的数据均未采用。",
    );
  });

  it("refuses a ledger of another plan", () => {
    const other = masterState(makePlan({ departments: ["市金融办"] }));
    const grid = structuredClone(copyGrids(other).get("市金融办")!);
    const r = refusalOf("别的计划.xlsx", grid);
    expect(r.code).toBe("exchange-other-plan");
    expect(refusalMessage(r, t)).toMatch(
      /^“别的计划.xlsx”不属于本计划（计划指纹 fnv1a64:[0-9a-f]{16}，主台账为 fnv1a64:/,
    );
  });

  it("refuses a workbook without _meta, a master sent back, and a workbook that is no ledger", () => {
    const noMeta = copyOf("市金融办");
    noMeta.sheets = noMeta.sheets.filter((s) => s.name !== "_meta");
    expect(refusalOf("a.xlsx", noMeta).code).toBe("exchange-no-meta");
    expect(refusalMessage(refusalOf("主台账副本.xlsx", masterGrid(plan)), t)).toBe(
      "“主台账副本.xlsx”不是部门台账（元数据中没有责任单位），其中的数据均未采用。请让报送单位使用拆分后发给他们的文件。",
    );
    const r = refusalOf("b.xlsx", { sheets: [{ name: "Sheet1", rows: [["hello"]] }] });
    expect(t(`error.${r.code}` as MessageKey, r.params)).toBe(
      "“b.xlsx”不是工作台账：找不到含“编号”和“1月”…“12月”表头的工作表。请选择由工作台账生成的文件。",
    );
  });
});

describe("applyMerge", () => {
  const grid = copyOf("市金融办");
  setMonth(grid, "2.1", 6, 3);
  setNarrative(grid, "2.1", "progress", "新设机构 3 家");
  const p = preview([["金融办.xlsx", grid]]);
  const merged = applyMerge(master, p.changes, MERGED_AT);
  const values = valuesOfSpec(merged.spec);

  it("writes the changes into the rebuilt master", () => {
    const row = sheetOf(values, "台账").rows.find((r) => r[0] === "2.1")!;
    expect(row.slice(8, 14)).toEqual([1, 1, null, null, null, 3]);
    expect(row[24]).toBe("新设机构 3 家");
    expect(row[20]).toBe(5);
  });

  it("adds a 变更记录 sheet before _meta with one line per change", () => {
    expect(merged.spec.sheets.map((s) => s.name)).toEqual([
      "说明",
      "计划",
      "台账",
      "汇总",
      "设置",
      "变更记录",
      "_meta",
    ]);
    const log = sheetOf(values, "变更记录");
    expect(log.rows[2]).toEqual(["时间", "文件", "责任单位", "编号", "月份", "原值", "新值"]);
    expect(log.rows.slice(3)).toEqual([
      [MERGED_AT, "金融办.xlsx", "市金融办", "2.1", 6, null, 3],
      [MERGED_AT, "金融办.xlsx", "市金融办", "2.1", "进展情况", null, "新设机构 3 家"],
    ]);
  });

  it("keeps earlier log lines and adds nothing when the same file is merged again", () => {
    const again = readLedgerState(values, "主台账.xlsx");
    const second = preview([["金融办.xlsx", grid]], again);
    expect(second.changes).toEqual([]);
    const next = applyMerge(again, second.changes, "2011-07-07T00:00:00.000Z");
    expect(valuesOfSpec(next.spec)).toEqual(values);
    expect(next.state.changeLog).toHaveLength(2);
  });

  it("leaves the master without a change log when nothing changed", () => {
    expect(applyMerge(master, [], MERGED_AT).spec.sheets.map((s) => s.name)).not.toContain("变更记录");
  });
});

describe("shortfallsByDepartment", () => {
  it("lists each department's red rows, then its yellow ones, from the merged figures", () => {
    const state = masterState(plan, {
      reportMonth: 6,
      monthly: { "2.1": [1, 1, 1, 1, 1, 1], "2.4": [3], "4.1": [1], "4.2": [null, null, null, null, null, 20] },
    });
    const byDepartment = Object.fromEntries(
      shortfallsByDepartment(state).map((d) => [d.department, d.targets.map((x) => `${x.targetId} ${x.status}`)]),
    );
    expect(byDepartment["市金融办"]).toEqual([
      "2.2 seriouslyBehind",
      "2.3 seriouslyBehind",
      "2.5 seriouslyBehind",
      "2.4 behind",
    ]);
    expect(byDepartment["市应急办"]).toEqual(["4.3 seriouslyBehind", "4.2 behind"]);
  });
});
