import { finding, type Finding } from "../../../src/domain/progress/findings";
import type { LedgerValidation } from "../../../src/domain/progress/validateLedger";
import { findingViews, groupFindings, safeFixes, where } from "../../../src/taskpane/validationView";

const at = (targetId: string | null, cell: string, month: number | null = 1) => ({
  targetId,
  month,
  sheet: "台账",
  cell,
});

function validation(findings: Finding[], departments: string[]): LedgerValidation {
  return {
    findings,
    departments,
    reportMonth: 3,
    targets: 2,
    counts: { error: 0, warning: 0, info: 0 },
    statuses: {},
    byDepartment: {},
  };
}

const grid = {
  sheets: [
    {
      name: "台账",
      rows: [
        [],
        [],
        [],
        ["1.1", null, null, "市金融办", null, null, null, null, "１０", "", "1,200"],
        ["1.2", null, null, "市商务局", null, null, null, null, "５"],
      ],
    },
  ],
};

describe("the validation view", () => {
  const findings = [
    finding("not-a-number", at("1.1", "I4"), {}, 10),
    finding("not-a-number", at("1.2", "I5"), {}, 5),
    finding("missing-entry", at("1.1", "J4", 2)),
    finding("not-a-number", at("1.1", "K4", 3), {}, 1200),
    finding("layout-changed", at(null, "", null), { what: "metadata-missing" }),
  ];
  const views = findingViews(validation(findings, ["市金融办", "市商务局", "市金融办", "市金融办", ""]), grid);

  it("keeps what each finding's cell held when it was checked (blank as null)", () => {
    expect(views.map((v) => v.seen)).toEqual(["１０", "５", null, "1,200", null]);
  });

  it("groups by severity, errors first, then by department in order of appearance, with counts", () => {
    const groups = groupFindings(views);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ["error", 3],
      ["warning", 2],
    ]);
    expect(groups[0]!.departments.map((d) => [d.department, d.items.map((v) => v.finding.cell)])).toEqual([
      ["市金融办", ["I4", "K4"]],
      ["市商务局", ["I5"]],
    ]);
    expect(groups[1]!.departments.map((d) => [d.department, d.items.length])).toEqual([
      ["市金融办", 1],
      ["", 1],
    ]);
  });

  it("lists every proposed fix once per cell, with the value seen", () => {
    const twice = [...views, ...views];
    expect(safeFixes(twice)).toEqual([
      { sheet: "台账", cell: "I4", value: 10, seen: "１０" },
      { sheet: "台账", cell: "I5", value: 5, seen: "５" },
      { sheet: "台账", cell: "K4", value: 1200, seen: "1,200" },
    ]);
  });

  it("names a cell with its sheet, or the sheet alone", () => {
    expect([where("台账", "I4"), where("台账", "")]).toEqual(["台账!I4", "台账"]);
  });
});
