/** Corrections a reviewer makes to a parsed plan in the pane. Pure: a plan in, a new plan out. */
import type { Plan, PlanItem, Target } from "../domain/plan/types";

export type TargetPatch = Partial<
  Pick<Target, "comparator" | "value" | "max" | "unit" | "kind" | "deadline" | "metric">
>;

function mapItems(plan: Plan, fn: (item: PlanItem) => PlanItem): Plan {
  return { ...plan, sections: plan.sections.map((s) => ({ ...s, items: s.items.map(fn) })) };
}

export function updateTarget(plan: Plan, id: string, patch: TargetPatch): Plan {
  return mapItems(plan, (item) =>
    item.targets.some((t) => t.id === id)
      ? { ...item, targets: item.targets.map((t) => (t.id === id ? { ...t, ...patch } : t)) }
      : item,
  );
}

/** Drops a target and its 其中 sub-targets. */
export function dropTarget(plan: Plan, id: string): Plan {
  return mapItems(plan, (item) => ({
    ...item,
    targets: item.targets.filter((t) => t.id !== id && t.parent !== id),
  }));
}

/** Adds a blank quantitative target at the end of the item that holds `besideId`. */
export function addTarget(plan: Plan, besideId: string, metric: string): Plan {
  return mapItems(plan, (item) => {
    const beside = item.targets.find((t) => t.id === besideId);
    if (!beside) return item;
    const used = new Set(item.targets.map((t) => t.id));
    let n = item.targets.length + 1;
    while (used.has(`${item.no}.${n}`)) n++;
    const target: Target = {
      id: `${item.no}.${n}`,
      metric,
      comparator: ">=",
      value: 1,
      max: null,
      unit: beside.unit,
      kind: "cumulative",
      deadline: beside.deadline,
      parent: null,
      source: "",
      line: 0,
    };
    return { ...item, targets: [...item.targets, target] };
  });
}

/** Sets the 责任单位 of the item holding target `id` (a list typed with 、 or commas). */
export function setDepartments(plan: Plan, id: string, text: string): Plan {
  const departments = text
    .split(/[、,，;；\s]+/)
    .map((d) => d.trim())
    .filter((d) => d.length > 0);
  return mapItems(plan, (item) => (item.targets.some((t) => t.id === id) ? { ...item, departments } : item));
}

export function countTargets(plan: Plan): { items: number; targets: number } {
  let items = 0;
  let targets = 0;
  for (const s of plan.sections) {
    items += s.items.length;
    for (const item of s.items) targets += item.targets.length;
  }
  return { items, targets };
}
