import { listTargets } from "../../../src/domain/plan/types";
import { addTarget, dropTarget, setDepartments, updateTarget } from "../../../src/taskpane/planEdits";
import { makePlan, makeTarget } from "../../support/ledgerSpec";

describe("plan corrections in the pane", () => {
  it("updates one target and leaves the plan it came from alone", () => {
    const plan = makePlan(["1.1", "2.1"]);
    const next = updateTarget(plan, "2.1", { value: 99, unit: "项" });
    expect(listTargets(next).map((r) => [r.target.id, r.target.value, r.target.unit])).toEqual([
      ["1.1", 10, "家"],
      ["2.1", 99, "项"],
    ]);
    expect(listTargets(plan)[1]!.target.value).toBe(10);
  });

  it("drops a target together with its 其中 sub-targets", () => {
    const plan = makePlan(["1.1"]);
    plan.sections[0]!.items[0]!.targets.push(makeTarget("1.2", { parent: "1.1" }), makeTarget("1.3"));
    expect(listTargets(dropTarget(plan, "1.1")).map((r) => r.target.id)).toEqual(["1.3"]);
  });

  it("adds a target with the next free id of the item", () => {
    const plan = makePlan(["1.1"]);
    plan.sections[0]!.items[0]!.no = "1";
    const next = addTarget(plan, "1.1", "新目标");
    expect(listTargets(next).map((r) => [r.target.id, r.target.metric, r.target.deadline])).toEqual([
      ["1.1", "指标1.1", "2011-12-31"],
      ["1.2", "新目标", "2011-12-31"],
    ]);
  });

  it("reads a typed list of responsible units", () => {
    const next = setDepartments(makePlan(["1.1"]), "1.1", "市财政局、 市发改委,市商务局");
    expect(next.sections[0]!.items[0]!.departments).toEqual(["市财政局", "市发改委", "市商务局"]);
  });
});
