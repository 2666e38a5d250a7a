/** Plans of the same genre written differently: numbering, units in parentheses, tables, no numbering. */
import { parsePlan } from "../../../src/domain/plan/parsePlan";
import { readFixture, targetById, targetsOf } from "../../support/planFixtures";

describe("a plan with 一、/（一）/1、 numbering and units in parentheses", () => {
  const plan = parsePlan(readFixture("sample-parenthesized-units.txt"));

  it("keeps 一、 and （一） as sections and 1、 as items", () => {
    expect(plan.year).toBe(2024);
    expect(plan.sections.map((s) => s.title)).toEqual(["稳增长", "扩大有效投资", "促进消费", "惠民生"]);
    expect(plan.sections.flatMap((s) => s.items.map((i) => i.no))).toEqual(["1", "2", "3", "4", "5", "6"]);
  });

  it("reads responsible and partner units from parentheses and from 责任单位 lines", () => {
    const items = plan.sections.flatMap((s) => s.items);
    expect(items[0]!.departments).toEqual(["市发改委", "财政局"]);
    expect(items[1]!.departments).toEqual(["市工信局"]);
    expect(items[1]!.partners).toEqual(["市住建局", "市通信管理局"]);
    expect(items[2]!.departments).toEqual(["市商务局"]);
    expect(items[0]!.title).not.toContain("市发改委");
  });

  it("reads full-width digits, percent signs, thousands separators and Chinese numerals", () => {
    expect(targetById(plan, "1.1")).toMatchObject({ comparator: ">=", value: 8, unit: "%", kind: "rate" });
    expect(targetById(plan, "1.2")).toMatchObject({ value: 150, unit: "个", source: "新开工亿元以上项目１５０个" });
    expect(targetById(plan, "2.2")).toMatchObject({ value: 1200, unit: "个" });
    expect(targetById(plan, "3.1")).toMatchObject({ comparator: ">=", value: 20, unit: "场" });
  });

  it("reads deadlines written as 上半年 and 年底前", () => {
    expect(targetById(plan, "2.1").deadline).toBe("2024-06-30");
    expect(targetById(plan, "2.2").deadline).toBe("2024-12-31");
  });

  it("reads caps written 控制在…以内 and ranges written 10-15", () => {
    expect(targetById(plan, "5.2")).toMatchObject({ comparator: "<=", value: 5.5, unit: "%", kind: "rate" });
    expect(targetById(plan, "5.1")).toMatchObject({ value: 4.5, unit: "万人", kind: "cumulative" });
    expect(targetById(plan, "6.1")).toMatchObject({
      comparator: "range",
      value: 10,
      max: 15,
      unit: "所",
      kind: "range",
    });
  });

  it("does not take a year inside a book title for a target", () => {
    expect(targetById(plan, "4.1").kind).toBe("milestone");
  });
});

describe("a plan flattened from a table, one cell per line", () => {
  const plan = parsePlan(readFixture("sample-table.txt"));

  it("reads one item per 序号 with its unit and deadline cells", () => {
    const items = plan.sections.flatMap((s) => s.items);
    expect(items.map((i) => i.no)).toEqual(["1", "2", "3"]);
    expect(items[1]!.departments).toEqual(["市林业局", "市自然资源局"]);
    expect(targetById(plan, "1.1")).toMatchObject({ value: 50, unit: "家", deadline: "2023-12-31" });
    expect(targetById(plan, "2.1")).toMatchObject({ value: 3, unit: "万亩", deadline: "2023-06-30" });
    expect(targetById(plan, "3.1")).toMatchObject({ kind: "milestone", deadline: "2023-03-31" });
    expect(plan.diagnostics.filter((d) => d.code === "table-header").length).toBe(4);
  });
});

describe("a tab-separated table pasted from a spreadsheet", () => {
  const plan = parsePlan(readFixture("sample-tsv.txt"));

  it("reads cells by header", () => {
    expect(targetById(plan, "1.1")).toMatchObject({ value: 20, unit: "处", deadline: "2025-09-30" });
    expect(targetById(plan, "2.1")).toMatchObject({ comparator: ">=", value: 60, unit: "个" });
    expect(plan.sections[0]!.items[1]!.departments).toEqual(["市住建局", "各区人民政府"]);
  });
});

describe("odd input", () => {
  it("reports an empty plan instead of throwing", () => {
    const plan = parsePlan("  \n\n ", { defaultYear: 2030 });
    expect(plan.sections).toEqual([]);
    expect(plan.diagnostics.map((d) => d.code)).toEqual(["empty-input"]);
  });

  it("reports binary input", () => {
    const plan = parsePlan("\u0000\u0001\u0002PK\u0003\u0004".repeat(50));
    expect(plan.diagnostics.map((d) => d.code)).toEqual(["binary-input"]);
  });

  it("turns paragraphs into items when there is no numbering", () => {
    const plan = parsePlan("2020年工作安排\n全年新增绿地面积50公顷。\n组织培训不少于3期。\n", { defaultYear: 2030 });
    expect(plan.diagnostics.map((d) => d.code)).toContain("no-numbering");
    expect(targetsOf(plan).map((t) => [t.id, t.value, t.unit])).toEqual([
      ["1.1", 50, "公顷"],
      ["2.1", 3, "期"],
    ]);
  });

  it("warns about gaps and repeats in the numbering", () => {
    const plan = parsePlan("一、任务\n1. 新增10家。\n3. 新增5家。\n3. 新增2家。\n", { defaultYear: 2030 });
    expect(plan.diagnostics.filter((d) => d.severity === "warning").map((d) => [d.code, d.line])).toEqual([
      ["year-not-found", 0],
      ["numbering-gap", 3],
      ["numbering-duplicate", 4],
    ]);
  });

  it("gives section-qualified ids when item numbers restart in each section", () => {
    const plan = parsePlan("2021年工作要点\n一、甲\n1. 新增10家。\n二、乙\n1. 新增5家。\n");
    expect(targetsOf(plan).map((t) => t.id)).toEqual(["1.1.1", "2.1.1"]);
  });

  it("warns about a number without a unit after a comparator word", () => {
    const plan = parsePlan("2021年工作要点\n1. 满意度不低于90。\n");
    expect(plan.diagnostics.find((d) => d.code === "number-without-unit")).toMatchObject({
      line: 2,
      params: { text: "不低于90" },
    });
  });

  it("uses the default year and says so when the text has none", () => {
    const plan = parsePlan("1. 新增10家。", { defaultYear: 2026 });
    expect(plan.year).toBe(2026);
    expect(targetById(plan, "1.1").deadline).toBe("2026-12-31");
  });

  it("reads 一季度 and explicit dates as deadlines", () => {
    const plan = parsePlan("2021年工作要点\n1. 一季度完成调研3次，9月30日前新建公园2个。\n");
    expect(targetsOf(plan).map((t) => t.deadline)).toEqual(["2021-03-31", "2021-09-30"]);
  });

  it("gives the same ids for the same text", () => {
    const text = readFixture("sample-parenthesized-units.txt");
    expect(parsePlan(text)).toEqual(parsePlan(text));
  });
});

describe("a plan without title or numbering", () => {
  it("keeps its first sentence as an item, not as a title", () => {
    const plan = parsePlan("全年新增绿地面积50公顷。\n组织培训不少于3期。", { defaultYear: 2030 });
    expect(plan.title).toBe("");
    expect(targetsOf(plan).map((t) => t.value)).toEqual([50, 3]);
  });
});

describe("a task breakdown of a government work report (1． numbering, 亿美元, compound units)", () => {
  const plan = parsePlan(readFixture("sample-work-report-2023.txt"));

  it("reads growth rates, currencies, caps and compound units", () => {
    const rows = targetsOf(plan)
      .filter((t) => t.kind !== "milestone")
      .map((t) => [t.id, t.metric, t.comparator, t.value, t.unit, t.kind, t.deadline]);
    expect(rows).toEqual([
      ["1.1", "全市地区生产总值增长", ">=", 6, "%", "rate", "2023-12-31"],
      ["1.2", "一般公共预算收入增长", ">=", 5, "%", "rate", "2023-12-31"],
      ["2.1", "实际使用外资", ">=", 5, "亿美元", "cumulative", "2023-12-31"],
      ["2.2", "进出口总额", ">", 1500, "亿元", "exceeding", "2023-12-31"],
      ["3.1", "单位GDP能耗下降", ">=", 3, "%", "rate", "2023-12-31"],
      ["4.1", "新增城镇就业", ">=", 6, "万人", "cumulative", "2023-12-31"],
      ["4.2", "城镇登记失业率", "<=", 3.5, "%", "rate", "2023-12-31"],
      ["5.1", "建成公共充电桩", ">=", 2000, "个", "cumulative", "2023-12-31"],
      ["5.2", "新改建农村公路", ">=", 300, "公里", "cumulative", "2023-12-31"],
      ["6.1", "新增标准化厂房", ">=", 50, "万平方米", "cumulative", "2023-06-30"],
      ["6.2", "完成老旧小区改造", ">=", 120, "个", "cumulative", "2023-09-30"],
      ["7.1", "新建、改扩建中小学和幼儿园", ">=", 20, "所", "cumulative", "2023-12-31"],
      ["7.2", "新增学位", ">=", 1.2, "万个", "cumulative", "2023-12-31"],
      ["8.1", "新增养老床位", ">=", 1000, "张", "cumulative", "2023-12-31"],
      ["8.2", "城乡居民医保参保率", ">=", 95, "%", "rate", "2023-12-31"],
      ["9.1", "空气质量优良天数比例", ">=", 85, "%", "rate", "2023-12-31"],
      ["9.2", "PM2.5平均浓度", "<=", 32, "微克/立方米", "cap", "2023-12-31"],
    ]);
    expect(plan.sections[0]!.items[0]!.departments).toEqual(["市发展改革委", "市财政局"]);
  });
});

describe("a task list numbered （1） under 一、 with short role labels", () => {
  const plan = parsePlan(readFixture("sample-list-1-numbering.txt"));
  const items = plan.sections.flatMap((s) => s.items);

  it("takes （1） as items when there is no 1. level", () => {
    expect(plan.sections.map((s) => s.title)).toEqual(["经济发展", "社会事业"]);
    expect(items.map((i) => i.no)).toEqual(["1", "2", "3"]);
    expect(targetById(plan, "1.1")).toMatchObject({ value: 3, unit: "万户", metric: "新增市场主体" });
  });

  it("reads 牵头：/配合： labels and “X牵头，Y等配合” in parentheses", () => {
    expect([items[0]!.departments, items[0]!.partners]).toEqual([["市市场监管局"], ["各区人民政府"]]);
    expect([items[1]!.departments, items[1]!.partners]).toEqual([["市商务局"], ["市发改委"]]);
  });

  it("reads 1） numbering", () => {
    const list = parsePlan("2022年工作要点\n1）新增就业1万人。\n2）建成公园3个（市园林局负责）。\n");
    expect(targetsOf(list).map((t) => [t.id, t.value, t.unit])).toEqual([
      ["1.1", 1, "万人"],
      ["2.1", 3, "个"],
    ]);
    expect(list.sections[0]!.items[1]!.departments).toEqual(["市园林局"]);
  });
});

describe("a section heading that is itself a task", () => {
  it("keeps its targets as an item of the section", () => {
    const plan = parsePlan(
      "2022年工作要点\n一、稳就业。全年新增城镇就业5万人。\n1. 开展培训20期。\n二、保民生\n2. 新建公园3个。\n",
    );
    expect(targetsOf(plan).map((t) => [t.id, t.value, t.unit])).toEqual([
      ["一.1", 5, "万人"],
      ["1.1", 20, "期"],
      ["2.1", 3, "个"],
    ]);
    expect(plan.sections[0]!.title).toBe("稳就业");
  });
});

describe("an item followed by 责任单位 and 完成时限 lines", () => {
  it("takes the units and the deadline, unless the text names its own", () => {
    const plan = parsePlan(
      "2024年工作要点\n1. 新建口袋公园10个，上半年完成绿道5公里。\n责任单位：市园林局\n完成时限：2024年9月底\n2. 改造燃气管网20公里。\n",
    );
    expect(targetsOf(plan).map((t) => [t.id, t.deadline])).toEqual([
      ["1.1", "2024-09-30"],
      ["1.2", "2024-06-30"],
      ["2.1", "2024-12-31"],
    ]);
    expect(plan.sections[0]!.items[0]!.departments).toEqual(["市园林局"]);
  });
});

describe("a deadline written after the target", () => {
  it("applies to the target before it, not past the next target's clause", () => {
    expect(targetsOf(parsePlan("2024年工作要点\n1. 新建公园10个，6月底前完成")).map((t) => t.deadline)).toEqual([
      "2024-06-30",
    ]);
    expect(
      targetsOf(parsePlan("2024年工作要点\n1. 新建公园10个，9月底前完成；改造道路5公里。")).map((t) => t.deadline),
    ).toEqual(["2024-09-30", "2024-12-31"]);
  });
});
