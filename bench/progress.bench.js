"use strict";
// Evaluation of a 5,000-target ledger with 12 months filled: core time of checkRow over every row.
const { checkRow } = require("../build/domain/progress/checkRow");
const { evaluate } = require("../build/domain/progress/evaluate");
const { medianMs, report } = require("./support");

const kinds = ["cumulative", "rate", "cap", "balance-increase", "milestone", "range", "exceeding"];
const targets = Array.from({ length: 5000 }, (_, i) => {
  const kind = kinds[i % kinds.length];
  return {
    id: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
    metric: "指标",
    comparator: kind === "cap" ? "<=" : kind === "range" ? "range" : kind === "exceeding" ? ">" : ">=",
    value: kind === "milestone" ? null : kind === "rate" ? 98 : 120,
    max: kind === "range" ? 150 : null,
    unit: kind === "rate" ? "%" : "个",
    kind,
    deadline: "2024-12-31",
    parent: null,
    source: "",
    line: 0,
  };
});
const months = (i) => Array.from({ length: 12 }, (_, m) => (i % 13 === 0 && m === 4 ? "10个" : ((i + m) % 9) + 1));
const rows = targets.map((target, i) => ({
  target,
  months: months(i),
  problems: i % 2 ? "" : "资金未到位",
  department: `部门${i % 60}`,
  sheet: "台账",
  monthCell: (m) => `R${i + 4}C${8 + m}`,
  statusCell: `X${i + 4}`,
  problemsCell: `Z${i + 4}`,
}));
const settings = { year: 2024, reportMonth: 12, yellow: 10, red: 30 };
let findings = 0;
report(
  "checkRow 5,000 targets x 12 months",
  medianMs(() => {
    findings = 0;
    for (const row of rows) findings += checkRow(row, settings).length;
  }, 5),
  "ms",
);
report("findings on the 5,000-target ledger", findings, "findings");
const plan = {
  title: "",
  year: 2024,
  diagnostics: [],
  sections: [
    {
      no: "一",
      title: "",
      line: 0,
      items: [{ no: "1", title: "", text: "", departments: [], partners: [], line: 0, targets }],
    },
  ],
};
const entries = new Map(rows.map((r) => [r.target.id, r.months]));
report(
  "evaluate 5,000 targets, month by month to 12",
  medianMs(() => evaluate(plan, entries, settings), 5),
  "ms",
);
