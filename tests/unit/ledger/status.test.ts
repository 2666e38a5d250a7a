import {
  computeRow,
  deadlineMonthIndex,
  excelRound,
  expectedProgress,
  type LedgerSettings,
  type LedgerStatus,
  type MonthlyValue,
} from "../../../src/domain/ledger/status";
import type { Target } from "../../../src/domain/plan/types";
import { makeTarget } from "../../support/builders";

const settings = (reportMonth: number, extra: Partial<LedgerSettings> = {}): LedgerSettings => ({
  year: 2011,
  reportMonth,
  yellow: 10,
  red: 30,
  ...extra,
});

const cumulative = makeTarget({ kind: "cumulative", comparator: ">=", value: 12 });
const exceeding = makeTarget({ kind: "exceeding", comparator: ">", value: 100 });
const range = makeTarget({ kind: "range", comparator: "range", value: 2, max: 3 });
const balance = makeTarget({ kind: "balance-increase", comparator: ">=", value: 900, unit: "亿元" });
const cap = makeTarget({ kind: "cap", comparator: "<=", value: 10 });
const rate = makeTarget({ kind: "rate", comparator: ">=", value: 98, unit: "%" });
const rateCap = makeTarget({ kind: "rate", comparator: "<=", value: 4, unit: "%" });
const milestone = makeTarget({ kind: "milestone", comparator: "=", value: null, unit: "" });
const midYear = makeTarget({ kind: "cumulative", value: 12, deadline: "2011-06-30" });
const milestoneJune = makeTarget({ kind: "milestone", comparator: "=", value: null, deadline: "2011-06-30" });

const cases: Array<[string, Target, MonthlyValue[], number, LedgerStatus]> = [
  // cumulative: 序时 at month 6 is 50%
  ["cumulative on pace", cumulative, [1, 1, 1, 1, 1, 1], 6, "onTrack"],
  ["cumulative exactly 10 points behind is still on track", cumulative, [1, 1, 1, 1, 0.8], 6, "onTrack"],
  ["cumulative 10.83 points behind", cumulative, [1, 1, 1, 1, 0.7], 6, "behind"],
  ["cumulative more than 30 points behind", cumulative, [1, 1], 6, "seriouslyBehind"],
  ["cumulative met early", cumulative, [6, 6], 3, "done"],
  ["cumulative with nothing reported in month 1", cumulative, [], 1, "notStarted"],
  ["cumulative with nothing reported by month 6", cumulative, [], 6, "seriouslyBehind"],
  ["cumulative ignores text and months after the report month", cumulative, ["10家", 1, 1, 1, 1, 1, 99], 6, "onTrack"],
  ["cumulative past its June deadline", midYear, [1, 1], 7, "overdue"],
  ["cumulative met before its June deadline", midYear, [12], 7, "done"],
  // exceeding: strictly above
  ["exceeding at exactly the target is not done", exceeding, [100], 12, "onTrack"],
  ["exceeding above the target", exceeding, [100.5], 12, "done"],
  // range: the lower bound counts, above the upper is fine
  ["range at the lower bound", range, [2], 12, "done"],
  ["range above the upper bound", range, [5], 12, "done"],
  ["range below the lower bound in December", range, [1], 12, "seriouslyBehind"],
  // balance increase: the latest figure, not a sum
  ["balance uses the latest figure", balance, [300, 350, 450], 6, "onTrack"],
  ["balance latest figure low", balance, [300, 100], 6, "seriouslyBehind"],
  ["balance met", balance, [500, 950], 6, "done"],
  // cap: sum ≤ cap
  ["cap within pace", cap, [1, 1, 1], 6, "onTrack"],
  ["cap used exactly 10 points ahead of pace", cap, [3, 3], 6, "onTrack"],
  ["cap used too fast", cap, [3, 4], 6, "nearCap"],
  ["cap exceeded", cap, [5, 6], 6, "overCap"],
  ["cap within the limit at the deadline", cap, [5, 5], 12, "done"],
  ["cap with nothing reported", cap, [], 6, "notStarted"],
  // rate: latest figure against the floor, not pro-rated
  ["rate above the floor", rate, [99], 6, "onTrack"],
  ["rate above the floor at the deadline", rate, [99], 12, "done"],
  ["rate just below the floor is behind", rate, [97.5], 6, "behind"],
  ["rate far below the floor", rate, [60], 6, "seriouslyBehind"],
  ["rate not reported", rate, [], 6, "notStarted"],
  ["rate cap above its limit", rateCap, [4.5], 6, "overCap"],
  ["rate cap within its limit", rateCap, [3.9], 6, "onTrack"],
  // milestone: % done, not pro-rated
  ["milestone not started", milestone, [], 6, "notStarted"],
  ["milestone in progress", milestone, [30, 60], 6, "onTrack"],
  ["milestone finished", milestone, [30, 100], 6, "done"],
  ["milestone due in June, unfinished in July", milestoneJune, [80], 7, "overdue"],
  ["milestone due in June, unfinished in June", milestoneJune, [80], 6, "onTrack"],
  ["milestone never started and overdue", milestoneJune, [], 7, "overdue"],
];

describe("computeRow status", () => {
  it.each(cases)("%s", (_name, target, values, month, status) => {
    expect(computeRow(target, values, settings(month)).status).toBe(status);
  });

  it("follows the thresholds: 8.33 points behind is behind with a 5-point yellow threshold, on track with 10", () => {
    expect(computeRow(cumulative, [1, 1, 1, 1, 1], settings(6)).status).toBe("onTrack");
    expect(computeRow(cumulative, [1, 1, 1, 1, 1], settings(6, { yellow: 5 })).status).toBe("behind");
  });
});

describe("computeRow values", () => {
  it("gives year-to-date, completion and expected progress as the formulas round them", () => {
    expect(computeRow(cumulative, [1, 2, 0.5], settings(3))).toEqual({
      count: 3,
      ytd: 3.5,
      completion: 0.2917,
      expected: 0.25,
      deadlineMonth: 12,
      status: "onTrack",
    });
  });

  it("adds floating-point figures to 6 places, as ROUND(SUM(…),6) does", () => {
    expect(computeRow(cumulative, [0.1, 0.2], settings(2)).ytd).toBe(0.3);
  });

  it("leaves year-to-date and completion blank when nothing is reported", () => {
    const row = computeRow(cumulative, [null, "约10"], settings(2));
    expect([row.count, row.ytd, row.completion]).toEqual([0, null, null]);
  });

  it("measures milestones against 100 and rates against the target", () => {
    expect(computeRow(milestone, [40], settings(1)).completion).toBe(0.4);
    expect(computeRow(rate, [49], settings(1)).completion).toBe(0.5);
  });
});

describe("helpers", () => {
  it("rounds half away from zero on the decimal value, like Excel", () => {
    expect([excelRound(2.675, 2), excelRound(-2.675, 2), excelRound(0.83335, 4), excelRound(1 / 3, 4)]).toEqual([
      2.68, -2.68, 0.8334, 0.3333,
    ]);
  });

  it("counts deadline months from January of the plan year, at least 1", () => {
    expect([
      deadlineMonthIndex("2011-12-31", 2011),
      deadlineMonthIndex("2011-03-15", 2011),
      deadlineMonthIndex("2012-06-30", 2011),
      deadlineMonthIndex("2010-12-31", 2011),
    ]).toEqual([12, 3, 18, 1]);
  });

  it("does not pro-rate rates and milestones", () => {
    expect([
      expectedProgress("rate", 3, 12),
      expectedProgress("milestone", 3, 12),
      expectedProgress("milestone", 12, 12),
      expectedProgress("cumulative", 5, 12),
      expectedProgress("cumulative", 5, 3),
    ]).toEqual([1, 0, 1, 0.4167, 1]);
  });
});
