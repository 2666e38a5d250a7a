import type { Target } from "../../../src/domain/plan/types";
import { checkRow, type LedgerRowInput } from "../../../src/domain/progress/checkRow";
import { readEntry, percentScaleFix } from "../../../src/domain/progress/entries";
import type { LedgerSettings } from "../../../src/domain/ledger/status";
import { evaluate } from "../../../src/domain/progress/evaluate";
import { parseBuiltinPlan } from "../../support/planFixtures";

function makeTarget(overrides: Partial<Target> = {}): Target {
  return {
    id: "2.1",
    metric: "新增金融机构",
    comparator: ">=",
    value: 12,
    max: null,
    unit: "家",
    kind: "cumulative",
    deadline: "2011-12-31",
    parent: null,
    source: "年内新增金融机构12家",
    line: 17,
    ...overrides,
  };
}

const settings = (reportMonth: number): LedgerSettings => ({ year: 2011, reportMonth, yellow: 10, red: 30 });

function makeRow(target: Target, months: unknown[], problems = ""): LedgerRowInput {
  return {
    target,
    months,
    problems,
    department: "市金融办",
    sheet: "台账",
    monthCell: (m) => `${String.fromCharCode(72 + m)}4`,
    statusCell: "X4",
    problemsCell: "Z4",
  };
}

const codes = (row: LedgerRowInput, month: number) =>
  checkRow(row, settings(month)).map((f) => [f.code, f.month, f.cell]);

describe("readEntry", () => {
  const count = { unit: "家", kind: "cumulative" as const };
  const percent = { unit: "%", kind: "rate" as const };
  it.each([
    ["１０", count, 10],
    ["10家", count, 10],
    ["十家", count, 10],
    ["1,200", count, 1200],
    [" 3 ", count, 3],
    ["98%", percent, 98],
    ["９８％", percent, 98],
  ])("proposes a number for %p", (raw, target, proposed) => {
    expect(readEntry(raw, target)).toEqual({ kind: "text", text: raw, proposed });
  });

  it.each([
    ["约10", count],
    ["10左右", count],
    ["10个", count],
    ["98%", count],
    ["见附件", count],
  ])("proposes nothing for the ambiguous %p", (raw, target) => {
    expect(readEntry(raw, target)).toEqual({ kind: "text", text: raw, proposed: null });
  });

  it("reads 已完成 in a milestone row as 100 % done", () => {
    expect(readEntry("已完成", { unit: "", kind: "milestone" })).toEqual({
      kind: "text",
      text: "已完成",
      proposed: 100,
    });
  });

  it("treats empty strings as blank and numbers as numbers", () => {
    expect(readEntry("  ", count)).toEqual({ kind: "blank" });
    expect(readEntry(null, count)).toEqual({ kind: "blank" });
    expect(readEntry(4, count)).toEqual({ kind: "number", value: 4 });
  });

  it("rescales percentages typed on the wrong scale", () => {
    expect(percentScaleFix(0.98, { unit: "%", value: 98, kind: "rate" })).toBe(98);
    expect(percentScaleFix(9800, { unit: "%", value: 98, kind: "rate" })).toBe(98);
    expect(percentScaleFix(97, { unit: "%", value: 98, kind: "rate" })).toBeNull();
    expect(percentScaleFix(0.5, { unit: "家", value: 10, kind: "cumulative" })).toBeNull();
  });
});

describe("checkRow", () => {
  it("finds nothing in an on-track row", () => {
    expect(codes(makeRow(makeTarget(), [1, 1, 1]), 3)).toEqual([]);
  });

  it("reports text with a proposed fix at its cell", () => {
    const found = checkRow(makeRow(makeTarget(), [1, "１家", 1]), settings(3));
    expect(found).toEqual([
      {
        code: "not-a-number",
        severity: "error",
        targetId: "2.1",
        month: 2,
        sheet: "台账",
        cell: "J4",
        params: { month: 2, text: "１家", unit: "家" },
        fix: { sheet: "台账", cell: "J4", value: 1 },
      },
    ]);
  });

  it("reports missing months up to the report month and entries after it", () => {
    expect(codes(makeRow(makeTarget(), [2, null, 2, 5]), 3)).toEqual([
      ["missing-entry", 2, "J4"],
      ["future-entry", 4, "L4"],
    ]);
  });

  it("reports negative values and outliers", () => {
    expect(codes(makeRow(makeTarget(), [-1, 40, 1]), 3).map((c) => c[0])).toEqual(["negative-value", "outlier"]);
  });

  it("reports a balance that goes down", () => {
    const target = makeTarget({ kind: "balance-increase", value: 900, unit: "亿元" });
    expect(codes(makeRow(target, [100, 180, 150]), 3)).toEqual([["decreasing-cumulative", 3, "K4"]]);
  });

  it("reports a row behind 序时 and a seriously behind row without 存在问题", () => {
    expect(codes(makeRow(makeTarget(), [1, 0, 0, 0, 0, 0]), 6)).toEqual([
      ["seriously-behind", 6, "X4"],
      ["narrative-missing", 6, "Z4"],
    ]);
    expect(codes(makeRow(makeTarget(), [1, 1, 1, 1, 0, 0], "审批未完成"), 6)).toEqual([["behind-schedule", 6, "X4"]]);
  });

  it("reports a cap exceeded and a cap at risk", () => {
    const cap = makeTarget({ id: "8.1", comparator: "<=", value: 10, unit: "个", kind: "cap" });
    expect(codes(makeRow(cap, [5, 6], "超出计划"), 2)).toEqual([["cap-exceeded", 2, "X4"]]);
    expect(codes(makeRow(cap, [4, 2]), 2)).toEqual([["cap-at-risk", 2, "X4"]]);
  });

  it("reports a rate below its threshold and a percent typed as a fraction", () => {
    const rate = makeTarget({ id: "20.1", value: 98, unit: "%", kind: "rate" });
    expect(codes(makeRow(rate, [97]), 1)).toEqual([["below-threshold", 1, "X4"]]);
    expect(codes(makeRow(rate, [0.99], "录入有误"), 1)).toEqual([
      ["percent-scale", 1, "I4"],
      ["below-threshold", 1, "X4"],
    ]);
  });

  it("reports an overdue milestone", () => {
    const milestone = makeTarget({
      id: "3.3",
      kind: "milestone",
      comparator: "=",
      value: null,
      unit: "",
      deadline: "2011-06-30",
    });
    expect(codes(makeRow(milestone, [0, 0, 0, 0, 0, 50, 50], "资金未到位"), 7)).toEqual([
      ["milestone-overdue", 7, "X4"],
    ]);
    expect(codes(makeRow(milestone, [0, 0, 0, 0, 0, 100]), 7)).toEqual([]);
  });
});

describe("evaluate", () => {
  it("gives each target's figures month by month", () => {
    const plan = parseBuiltinPlan();
    const result = evaluate(plan, new Map([["2.1", [1, 1, 1]]]), settings(3));
    const row = result.find((r) => r.targetId === "2.1")!;
    expect(row.months.map((m) => [m.month, m.ytd, m.expected, m.completion, m.status])).toEqual([
      [1, 1, 0.0833, 0.1, "onTrack"],
      [2, 2, 0.1667, 0.2, "onTrack"],
      [3, 3, 0.25, 0.3, "onTrack"],
    ]);
    expect(row.months[2]!.expectedValue).toBeCloseTo(2.5, 10);
    expect(result.find((r) => r.targetId === "8.1")!.status).toBe("notStarted");
    expect(result.length).toBe(
      plan.sections.reduce((a, s) => a + s.items.reduce((b, i) => b + i.targets.length, 0), 0),
    );
  });
});
