import { PlanLedgerError } from "../../../src/domain/errors";
import { planFromJson, toPlanJson, isPlanJsonText } from "../../../src/domain/plan/planJson";
import { parseBuiltinPlan } from "../../support/planFixtures";

const plan = parseBuiltinPlan();
const json = (): Record<string, unknown> => JSON.parse(JSON.stringify(toPlanJson(plan, (d) => d.code)));

function errorOf(fn: () => unknown): PlanLedgerError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PlanLedgerError) return error;
    throw error;
  }
  throw new Error("expected a PlanLedgerError");
}

describe("plan JSON", () => {
  it("round-trips the built-in plan", () => {
    const text = JSON.stringify(json());
    expect(isPlanJsonText(text)).toBe(true);
    expect(planFromJson(text, "plan.json")).toEqual(plan);
  });

  it("carries a format name, a version and rendered diagnostic messages", () => {
    const j = json();
    expect(j.format).toBe("plan-ledger/plan");
    expect(j.version).toBe(1);
    expect((j.diagnostics as Array<{ message: string }>)[0]!.message).toBe("preamble");
  });

  it("accepts a hand-corrected target and filled-in departments", () => {
    const j = json() as {
      sections: Array<{ items: Array<{ departments: string[]; targets: Array<{ value: number }> }> }>;
    };
    j.sections[0]!.items[1]!.departments = ["市金融办"];
    j.sections[0]!.items[1]!.targets[0]!.value = 12;
    const loaded = planFromJson(JSON.stringify(j), "plan.json");
    expect(loaded.sections[0]!.items[1]!.departments).toEqual(["市金融办"]);
    expect(loaded.sections[0]!.items[1]!.targets[0]!.value).toBe(12);
  });

  it("names the field that is wrong", () => {
    const j = json() as { sections: Array<{ items: Array<{ targets: Array<Record<string, unknown>> }> }> };
    j.sections[0]!.items[1]!.targets[0]!.comparator = "about";
    const error = errorOf(() => planFromJson(JSON.stringify(j), "mine.json"));
    expect(error.code).toBe("plan-json-invalid");
    expect(error.params.field).toBe("sections[0].items[1].targets[0].comparator");
    expect(error.params.file).toBe("mine.json");
  });

  it("refuses duplicate ids, unknown parents and upside-down ranges", () => {
    const dup = json() as { sections: Array<{ items: Array<{ targets: Array<Record<string, unknown>> }> }> };
    dup.sections[0]!.items[1]!.targets[1]!.id = "2.1";
    expect(errorOf(() => planFromJson(JSON.stringify(dup), "p.json")).params.field).toBe(
      "sections[0].items[1].targets[1].id",
    );

    const orphan = json() as typeof dup;
    orphan.sections[0]!.items[1]!.targets[1]!.parent = "99.9";
    expect(errorOf(() => planFromJson(JSON.stringify(orphan), "p.json")).params.field).toBe(
      "sections[0].items[1].targets[1].parent",
    );
  });

  it("says when the JSON is not JSON, or of another version", () => {
    expect(errorOf(() => planFromJson("{ nope", "p.json")).code).toBe("plan-json-syntax");
    const future = { ...json(), version: 9 };
    expect(errorOf(() => planFromJson(JSON.stringify(future), "p.json"))).toMatchObject({
      code: "plan-json-version",
      params: { version: "9", supported: 1 },
    });
  });
});
