/** Builders for test data: a plan or target with only the fields a test cares about. */
import type { Plan, PlanItem, PlanSection, Target } from "../../src/domain/plan/types";

let counter = 0;

export function makeTarget(overrides: Partial<Target> = {}): Target {
  counter++;
  return {
    id: `1.${counter}`,
    metric: "新增项目",
    comparator: ">=",
    value: 12,
    max: null,
    unit: "个",
    kind: "cumulative",
    deadline: "2011-12-31",
    parent: null,
    source: "全年新增项目12个",
    line: 0,
    ...overrides,
  };
}

export function makeItem(overrides: Partial<PlanItem> = {}): PlanItem {
  return {
    no: "1",
    title: "工作事项",
    text: "",
    departments: [],
    partners: [],
    targets: [],
    line: 0,
    ...overrides,
  };
}

/**
 * A plan of one section and one item holding `targets` (ids renumbered 1.1, 1.2 … unless given),
 * or exactly the `sections` passed.
 */
export function makePlan(
  options: {
    title?: string;
    year?: number;
    targets?: Array<Partial<Target>>;
    sections?: PlanSection[];
    departments?: string[];
  } = {},
): Plan {
  const targets = (options.targets ?? [{}]).map((t, i) => makeTarget({ id: `1.${i + 1}`, ...t }));
  const sections = options.sections ?? [
    {
      no: "一",
      title: "第一部分",
      line: 0,
      items: [makeItem({ targets, departments: options.departments ?? [] })],
    },
  ];
  return { title: options.title ?? "测试计划", year: options.year ?? 2011, sections, diagnostics: [] };
}
