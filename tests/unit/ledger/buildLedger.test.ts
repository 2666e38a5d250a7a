import { PlanLedgerError } from "../../../src/domain/errors";
import { buildLedger, sectionLabel, type LedgerOptions } from "../../../src/domain/ledger/buildLedger";
import { planFingerprint } from "../../../src/domain/ledger/fingerprint";
import {
  FIRST_DATA_ROW,
  HEADER_ROW,
  LEDGER_COLUMNS,
  ledgerLabels,
  META_SHEET,
} from "../../../src/domain/ledger/layout";
import { computeRow } from "../../../src/domain/ledger/status";
import { META_MAP_HEADER_ROW } from "../../../src/domain/ledger/coverSheets";
import { listTargets, type Plan } from "../../../src/domain/plan/types";
import { columnLetter } from "../../../src/domain/workbook/address";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../../src/domain/workbook/spec";
import { makePlan } from "../../support/builders";
import { parseBuiltinPlan } from "../../support/planFixtures";

const plan2011 = parseBuiltinPlan();
const OPTIONS: LedgerOptions = { lang: "zh-CN", reportMonth: 6, generatedAt: "2011-07-05T08:00:00.000Z" };

function sheet(spec: WorkbookSpec, name: string): SheetSpec {
  const found = spec.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function cell(s: SheetSpec, row: number, column: number): CellSpec | null {
  return s.rows[row]?.[column] ?? null;
}

function formulas(s: SheetSpec): string[] {
  return s.rows.flatMap((r) => r.flatMap((c) => (c?.formula ? [c.formula] : [])));
}

describe("buildLedger on the 2011 plan", () => {
  const spec = buildLedger(plan2011, OPTIONS);
  const ledger = sheet(spec, "台账");
  const targets = listTargets(plan2011);

  it("has the six sheets, the metadata one very hidden, the ledger shown first", () => {
    expect(spec.sheets.map((s) => [s.name, s.state])).toEqual([
      ["说明", "visible"],
      ["计划", "visible"],
      ["台账", "visible"],
      ["汇总", "visible"],
      ["设置", "visible"],
      ["_meta", "veryHidden"],
    ]);
    expect(spec.activeSheet).toBe(2);
    expect(spec.fullCalcOnLoad).toBe(true);
  });

  it("has one ledger row per target, in plan order", () => {
    expect(targets).toHaveLength(52);
    expect(ledger.rows.length - FIRST_DATA_ROW).toBe(52);
    expect(ledger.rows.slice(FIRST_DATA_ROW).map((r) => r[LEDGER_COLUMNS.id]?.value)).toEqual(
      targets.map((t) => t.target.id),
    );
  });

  it("keeps the layout contract: 编号 and 1月 … 12月 in the header row, month m at column I+m-1", () => {
    const header = ledger.rows[HEADER_ROW]!.map((c) => c?.value);
    expect(header[LEDGER_COLUMNS.id]).toBe("编号");
    expect(header.slice(LEDGER_COLUMNS.firstMonth, LEDGER_COLUMNS.firstMonth + 12)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
    );
    expect(header.slice(LEDGER_COLUMNS.ytd)).toEqual([
      "累计完成",
      "完成率",
      "序时进度",
      "状态",
      "进展情况",
      "存在问题",
      "下步打算",
    ]);
  });

  it("defines the settings names on 设置 and the formulas read them by name only", () => {
    expect(spec.definedNames).toEqual([
      { name: "计划年度", ref: "'设置'!$B$3" },
      { name: "报告月份", ref: "'设置'!$B$4" },
      { name: "黄灯阈值", ref: "'设置'!$B$5" },
      { name: "红灯阈值", ref: "'设置'!$B$6" },
      { name: "序时方法", ref: "'设置'!$B$7" },
      { name: "部门列表", ref: "'设置'!$E$3:$E$22" },
    ]);
    const settings = sheet(spec, "设置");
    expect([2, 3, 4, 5].map((r) => cell(settings, r, 1)?.value)).toEqual([2011, 6, 10, 30]);
    const all = formulas(ledger).join("\n");
    expect(all).not.toContain("'设置'!");
    expect(all).toContain("报告月份");
    expect(all).toContain("黄灯阈值");
    expect(all).toContain("红灯阈值");
  });

  it("writes monthly input rules per range, never per cell, covering each data row once", () => {
    const ranges = ledger.validations.map((v) => v.range);
    expect(ranges.length).toBeLessThan(targets.length);
    const covered: number[] = [];
    for (const range of ranges) {
      const m = /^I(\d+):T(\d+)$/.exec(range);
      expect(m).not.toBeNull();
      for (let r = Number(m![1]); r <= Number(m![2]); r++) covered.push(r);
    }
    expect(covered).toEqual(targets.map((_, i) => FIRST_DATA_ROW + 1 + i));
  });

  it("limits percent rows to 0–100 with a Chinese prompt and other rows to numbers ≥ 0", () => {
    const rateRow = FIRST_DATA_ROW + 1 + targets.findIndex((t) => t.target.id === "20.1");
    const countRow = FIRST_DATA_ROW + 1 + targets.findIndex((t) => t.target.id === "2.1");
    const ruleAt = (row: number) =>
      ledger.validations.find((v) => {
        const [a, b] = v.range.replace(/[A-Z]/g, "").split(":").map(Number);
        return a! <= row && row <= b!;
      })!;
    expect(ruleAt(rateRow).rule).toEqual({ type: "decimal", operator: "between", formula1: 0, formula2: 100 });
    expect(ruleAt(rateRow).prompt?.title).toBe("比率（%）");
    expect(ruleAt(countRow).rule).toEqual({ type: "decimal", operator: "greaterThanOrEqual", formula1: 0 });
    expect(ruleAt(countRow).error).toEqual({
      style: "stop",
      title: "输入有误",
      message: "请填写不小于 0 的数字，不要带单位或文字。",
    });
  });

  it("orders highlight rules red, yellow, green, each testing the anchored 状态 cell", () => {
    expect(ledger.conditionalFormats.map((cf) => cf.range)).toEqual(["A4:A55", "U4:X55"]);
    const rules = ledger.conditionalFormats[1]!.rules;
    expect(rules.map((r) => [r.formula, r.style.fill, r.stopIfTrue])).toEqual([
      ['OR($X4="严重滞后",$X4="超限",$X4="逾期")', "FFC7CE", true],
      ['OR($X4="滞后",$X4="预警")', "FFEB9C", true],
      ['$X4="已完成"', "C6EFCE", true],
    ]);
  });

  it("locks everything but input cells and protects every sheet without a password", () => {
    for (const s of spec.sheets)
      expect(s.protection).toEqual({
        allowFormatColumns: true,
        allowFormatRows: true,
        allowSort: false,
        allowAutoFilter: true,
      });
    const unlocked = new Set<number>();
    ledger.rows[FIRST_DATA_ROW]!.forEach((c, i) => {
      if (c?.style && spec.styles[c.style]?.locked === false) unlocked.add(i);
    });
    const months = Array.from({ length: 12 }, (_, i) => LEDGER_COLUMNS.firstMonth + i);
    expect([...unlocked]).toEqual([
      ...months,
      LEDGER_COLUMNS.progress,
      LEDGER_COLUMNS.problems,
      LEDGER_COLUMNS.nextSteps,
    ]);
  });

  it("never gives a formula cell the Text format, which would turn the formula into text in Excel", () => {
    for (const s of spec.sheets) {
      for (const row of s.rows) {
        for (const c of row)
          if (c?.formula && c.style) expect([s.name, spec.styles[c.style]?.numberFormat]).not.toEqual([s.name, "@"]);
      }
    }
  });

  it("sets a password only when asked", () => {
    const locked = buildLedger(plan2011, { ...OPTIONS, password: "s3cret" });
    expect(locked.sheets.every((s) => s.protection?.password === "s3cret")).toBe(true);
  });

  it("prints A4 landscape, one page wide, header rows repeated", () => {
    expect(ledger.print).toEqual({
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: "1:3",
    });
  });

  it("records fingerprint, generation time and the row ↔ target map in the metadata sheet", () => {
    const meta = sheet(spec, META_SHEET);
    const facts = Object.fromEntries(
      meta.rows.slice(0, META_MAP_HEADER_ROW - 1).map((r) => [r[0]?.value, r[1]?.value]),
    );
    expect(facts).toMatchObject({
      schemaVersion: 1,
      planFingerprint: planFingerprint(plan2011),
      generatedAt: "2011-07-05T08:00:00.000Z",
      firstDataRow: 4,
      targetCount: 52,
    });
    expect(meta.rows[META_MAP_HEADER_ROW]!.map((c) => c?.value)).toEqual(["row", "targetId", "parentId", "kind"]);
    expect(meta.rows[META_MAP_HEADER_ROW + 2]!.map((c) => c?.value)).toEqual([5, "2.1", "", "cumulative"]);
    expect(meta.rows[META_MAP_HEADER_ROW + 3]!.map((c) => c?.value)).toEqual([6, "2.2", "2.1", "cumulative"]);
  });
});

describe("cached values", () => {
  const monthly = { "2.1": [1, 2, 1, null, 1, 0], "8.1": [3, 4], "20.1": [97], "2.6": [100] };
  const spec = buildLedger(plan2011, { ...OPTIONS, monthly });
  const ledger = sheet(spec, "台账");
  const targets = listTargets(plan2011);
  const settings = { year: 2011, reportMonth: 6, yellow: 10, red: 30 };
  const labels = ledgerLabels("zh-CN");

  it("are what computeRow gives, for every row", () => {
    targets.forEach(({ target }, i) => {
      const row = ledger.rows[FIRST_DATA_ROW + i]!;
      const expected = computeRow(target, monthly[target.id as keyof typeof monthly] ?? [], settings);
      expect([
        row[LEDGER_COLUMNS.ytd]?.value,
        row[LEDGER_COLUMNS.completion]?.value,
        row[LEDGER_COLUMNS.expected]?.value,
        row[LEDGER_COLUMNS.status]?.value,
      ]).toEqual([expected.ytd ?? "", expected.completion ?? "", expected.expected, labels.statuses[expected.status]]);
    });
  });

  it("show the figures typed in and the statuses they lead to", () => {
    const status = (id: string) =>
      ledger.rows[FIRST_DATA_ROW + targets.findIndex((t) => t.target.id === id)]![LEDGER_COLUMNS.status]!.value;
    expect([status("2.1"), status("8.1"), status("20.1"), status("2.6"), status("2.2")]).toEqual([
      "正常",
      "预警",
      "滞后",
      "已完成",
      "严重滞后",
    ]);
  });

  it("add up on 汇总: the total row counts every target once", () => {
    const summary = sheet(spec, "汇总");
    const total = summary.rows.find((r) => r[0]?.value === "合计")!;
    const counts = total.slice(1, 10).map((c) => c?.value as number);
    expect(counts[0]).toBe(52);
    expect(counts.slice(1).reduce((a, b) => a + b, 0)).toBe(52);
    expect(total[1]?.formula).toMatch(/^SUM\(B5:B\d+\)$/);
  });
});

describe("buildLedger on small plans", () => {
  it("writes plan text that looks like a formula as text", () => {
    const plan = makePlan({
      targets: [
        { source: "=1+1", metric: "+SUM(A1)" },
        { source: "@cmd", kind: "milestone" },
      ],
    });
    const spec = buildLedger(plan, OPTIONS);
    const ledger = sheet(spec, "台账");
    const task = cell(ledger, FIRST_DATA_ROW, LEDGER_COLUMNS.task)!;
    expect(task).toEqual({ value: "=1+1", style: "text" });
    expect(spec.styles.text?.numberFormat).toBe("@");
    expect(cell(sheet(spec, "计划"), FIRST_DATA_ROW, 4)).toEqual({ value: "+SUM(A1)", style: "text" });
    expect(cell(ledger, FIRST_DATA_ROW + 1, LEDGER_COLUMNS.task)?.value).toBe("@cmd");
  });

  it("uses English sheet names, headers, names and statuses with en-US", () => {
    const spec = buildLedger(makePlan(), { ...OPTIONS, lang: "en-US", reportMonth: 1 });
    expect(spec.sheets.map((s) => s.name)).toEqual(["Guide", "Plan", "Ledger", "Summary", "Settings", "_meta"]);
    const ledger = sheet(spec, "Ledger");
    expect(
      ledger.rows[HEADER_ROW]!.slice(0, 1)
        .concat(ledger.rows[HEADER_ROW]!.slice(8, 10))
        .map((c) => c?.value),
    ).toEqual(["ID", "M1", "M2"]);
    expect(spec.definedNames.map((n) => n.name)).toContain("ReportMonth");
    expect(cell(ledger, FIRST_DATA_ROW, LEDGER_COLUMNS.status)?.value).toBe("Not started");
  });

  it("offers the plan's departments in the 责任单位 list and assigns the first to each target", () => {
    const plan = makePlan({ departments: ["市金融办", "市财政局"] });
    const spec = buildLedger(plan, { ...OPTIONS, departments: ["市商务局", "市金融办"] });
    const settings = sheet(spec, "设置");
    expect([2, 3, 4, 5].map((r) => cell(settings, r, 4)?.value ?? null)).toEqual([
      "市金融办",
      "市财政局",
      "市商务局",
      null,
    ]);
    const planSheet = sheet(spec, "计划");
    expect([cell(planSheet, FIRST_DATA_ROW, 11)?.value, cell(planSheet, FIRST_DATA_ROW, 12)?.value]).toEqual([
      "市金融办",
      "市财政局",
    ]);
    expect(planSheet.validations[0]).toMatchObject({ range: "L4:L4", rule: { type: "list", source: "部门列表" } });
    const ledger = sheet(spec, "台账");
    expect(cell(ledger, FIRST_DATA_ROW, LEDGER_COLUMNS.department)).toMatchObject({
      value: "市金融办",
      formula: `IF('计划'!$${columnLetter(11)}4="","",'计划'!$L4)`,
    });
  });

  it("refuses a report month outside 1 … 12", () => {
    for (const reportMonth of [0, 13, 2.5]) {
      expect(() => buildLedger(makePlan(), { ...OPTIONS, reportMonth })).toThrow(
        new PlanLedgerError("bad-month", { value: String(reportMonth) }),
      );
    }
  });

  it("builds an empty ledger for a plan without targets", () => {
    const plan: Plan = makePlan({ targets: [] });
    const spec = buildLedger(plan, OPTIONS);
    const ledger = sheet(spec, "台账");
    expect(ledger.rows).toHaveLength(FIRST_DATA_ROW);
    expect(ledger.validations).toEqual([]);
    expect(ledger.conditionalFormats).toEqual([]);
  });
});

describe("sectionLabel", () => {
  it("numbers sections as written and falls back to the plan title for an unsectioned plan", () => {
    expect([
      sectionLabel("一", "发展", "计划"),
      sectionLabel("2", "发展", "计划"),
      sectionLabel("", "", "计划"),
    ]).toEqual(["一、发展", "2. 发展", "计划"]);
  });

  it("keeps COUNTIFS criteria literal and short", () => {
    expect(sectionLabel("", "<10*项?~", "")).toBe("＜10＊项？～");
    expect(sectionLabel("一", "长".repeat(300), "")).toHaveLength(100);
  });
});

describe("planFingerprint", () => {
  it("is stable for the same targets and changes when a target value changes", () => {
    const a = makePlan({ targets: [{ value: 10 }] });
    const b = makePlan({ targets: [{ value: 10 }], title: "另一个标题" });
    const c = makePlan({ targets: [{ value: 11 }] });
    expect(planFingerprint(a)).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    expect(planFingerprint(a)).toBe(planFingerprint(b));
    expect(planFingerprint(a)).not.toBe(planFingerprint(c));
  });
});
