/** Reading plan fixtures and the built-in plan in tests. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parsePlan } from "../../src/domain/plan/parsePlan";
import { listTargets, type Plan, type Target } from "../../src/domain/plan/types";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const BUILTIN_PLAN_FILE = path.join(REPO_ROOT, "assets", "plans", "qingdao-2011-work-points.txt");

export function fixturePath(name: string): string {
  return path.join(REPO_ROOT, "tests", "fixtures", "plans", name);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), "utf8");
}

export function builtinPlanText(): string {
  return readFileSync(BUILTIN_PLAN_FILE, "utf8");
}

export function parseBuiltinPlan(): Plan {
  return parsePlan(builtinPlanText());
}

export function targetsOf(plan: Plan): Target[] {
  return listTargets(plan).map((row) => row.target);
}

export function targetById(plan: Plan, id: string): Target {
  const found = targetsOf(plan).find((t) => t.id === id);
  if (!found)
    throw new Error(
      `no target ${id}; have ${targetsOf(plan)
        .map((t) => t.id)
        .join(", ")}`,
    );
  return found;
}
