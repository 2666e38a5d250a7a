/**
 * Golden test: every quantitative target of the built-in 2011 Qingdao plan, reviewed by hand against
 * the text (tests/fixtures/plans/qingdao-2011-work-points.expected.json).
 */
import { readFileSync } from "node:fs";
import { fixturePath, parseBuiltinPlan, targetById, targetsOf } from "../../support/planFixtures";

interface Expected {
  title: string;
  year: number;
  sections: number;
  items: number;
  quantitativeTargets: Array<Record<string, unknown>>;
}

const expected = JSON.parse(readFileSync(fixturePath("qingdao-2011-work-points.expected.json"), "utf8")) as Expected;
const plan = parseBuiltinPlan();

describe("the built-in 2011 plan", () => {
  it("has its title, year, six sections and 27 items", () => {
    expect(plan.title).toBe(expected.title);
    expect(plan.year).toBe(2011);
    expect(plan.sections.map((s) => s.no)).toEqual(["一", "二", "三", "四", "五", "六"]);
    expect(plan.sections.flatMap((s) => s.items.map((i) => i.no))).toEqual(
      Array.from({ length: 27 }, (_, i) => String(i + 1)),
    );
  });

  it("yields exactly the reviewed quantitative targets", () => {
    const quantitative = targetsOf(plan)
      .filter((t) => t.kind !== "milestone")
      .map(({ id, metric, comparator, value, max, unit, kind, deadline, parent, source }) => ({
        id,
        metric,
        comparator,
        value,
        max,
        unit,
        kind,
        deadline,
        parent,
        source,
      }));
    expect(quantitative).toEqual(expected.quantitativeTargets);
  });

  it.each([
    ["2.1", ">=", 10, null, "家", "cumulative"],
    ["2.5", ">=", 900, null, "亿元", "balance-increase"],
    ["3.2", ">", 100, null, "万平方米", "exceeding"],
    ["4.2", ">=", 25, null, "%", "rate"],
    ["8.1", "<=", 10, null, "个", "cap"],
    ["8.2", "<=", 55, null, "个", "cap"],
    ["10.1", "range", 1, 2, "项", "range"],
    ["17.1", "range", 2, 3, "个", "range"],
    ["20.1", ">=", 98, null, "%", "rate"],
    ["26.1", ">=", 21, null, "篇", "cumulative"],
  ])("reads target %s as %s %d–%p %s (%s)", (id, comparator, value, max, unit, kind) => {
    const t = targetById(plan, id);
    expect([t.comparator, t.value, t.max, t.unit, t.kind]).toEqual([comparator, value, max, unit, kind]);
  });

  it("links 其中 sub-targets to their parent", () => {
    expect(targetById(plan, "2.2").parent).toBe("2.1");
    expect(targetById(plan, "2.3").parent).toBe("2.1");
    expect(targetById(plan, "2.4").parent).toBeNull();
  });

  it("turns items without numbers into milestone rows, so no item is dropped", () => {
    for (const item of plan.sections.flatMap((s) => s.items)) expect(item.targets.length).toBeGreaterThan(0);
    expect(targetById(plan, "1.1")).toMatchObject({ kind: "milestone", metric: "加大督查协调落实力度", value: null });
    expect(targetById(plan, "3.3")).toMatchObject({
      kind: "milestone",
      source: "出台《会展业发展专项资金管理暂行办法》",
    });
  });

  it("takes no numbers from book titles, years, ordinals or slogans", () => {
    const sources = targetsOf(plan)
      .filter((t) => t.kind !== "milestone")
      .map((t) => t.source);
    for (const text of ["十二五", "2011年", "90周年", "两项待遇", "四项监督", "一类会议一般", "三区五市"]) {
      expect(sources.filter((s) => s.startsWith(text))).toEqual([]);
    }
    expect(targetsOf(plan).filter((t) => t.unit === "项" && t.value === 4)).toEqual([]);
  });

  it("reports page chrome and the notice header as diagnostics with line numbers", () => {
    const ignored = plan.diagnostics.filter((d) => d.code === "ignored-line").map((d) => d.line);
    expect(ignored).toEqual([2, 3, 4, 5, 6, 7, 50, 52]);
    expect(plan.diagnostics.find((d) => d.code === "preamble")?.line).toBe(1);
  });

  it("gives every target's source as a substring of the line it names", () => {
    const lines = readFileSync(fixturePath("qingdao-2011-work-points.txt"), "utf8").split("\n");
    for (const t of targetsOf(plan)) expect(lines[t.line - 1]).toContain(t.source);
  });
});
