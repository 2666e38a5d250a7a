import fc from "fast-check";
import {
  computeRow,
  LEDGER_STATUSES,
  type LedgerSettings,
  type LedgerStatus,
  type MonthlyValue,
} from "../../../src/domain/ledger/status";
import type { Target, TargetKind } from "../../../src/domain/plan/types";
import { makeTarget } from "../../support/builders";

const figure = fc.oneof(
  fc.constant(null),
  fc.constantFrom("10家", "约5", ""),
  fc.double({ min: 0, max: 500, noNaN: true }),
  fc.integer({ min: 0, max: 100 }),
);
const months = fc.array(figure, { minLength: 0, maxLength: 12 });
const settings = fc.record<LedgerSettings>({
  year: fc.constant(2011),
  reportMonth: fc.integer({ min: 1, max: 12 }),
  yellow: fc.integer({ min: 0, max: 50 }),
  red: fc.integer({ min: 0, max: 100 }),
});
const deadline = fc.constantFrom("2011-03-31", "2011-06-30", "2011-12-31", "2012-06-30");

function target(kind: TargetKind, value: number, date: string): Target {
  const comparator = kind === "cap" ? "<=" : kind === "exceeding" ? ">" : kind === "range" ? "range" : ">=";
  return makeTarget({ kind, comparator, value: kind === "milestone" ? null : value, deadline: date });
}

/** How good a status is for a target that should reach its value (higher is better). */
const RANK: Record<LedgerStatus, number> = {
  overdue: 0,
  seriouslyBehind: 0,
  behind: 1,
  notStarted: 2,
  onTrack: 2,
  done: 3,
  nearCap: -1,
  overCap: -1,
};

describe("computeRow laws", () => {
  it("always gives a status of the closed set, an expected progress within 0 … 1 and a blank completion exactly when nothing is reported", () => {
    const kinds = fc.constantFrom<TargetKind>(
      "cumulative",
      "balance-increase",
      "rate",
      "cap",
      "range",
      "exceeding",
      "milestone",
    );
    fc.assert(
      fc.property(
        kinds,
        fc.integer({ min: 1, max: 1000 }),
        deadline,
        months,
        settings,
        (kind, value, date, values, s) => {
          const row = computeRow(target(kind, value, date), values, s);
          expect(LEDGER_STATUSES).toContain(row.status);
          expect(row.expected).toBeGreaterThanOrEqual(0);
          expect(row.expected).toBeLessThanOrEqual(1);
          expect(row.completion === null).toBe(row.ytd === null);
          expect(row.ytd === null).toBe(row.count === 0);
        },
      ),
    );
  });

  it("never makes a cumulative, range or exceeding row look worse when a month's figure goes up", () => {
    const kinds = fc.constantFrom<TargetKind>("cumulative", "range", "exceeding");
    fc.assert(
      fc.property(
        kinds,
        fc.integer({ min: 1, max: 100 }),
        deadline,
        months,
        settings,
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 50 }),
        (kind, value, date, values, s, month, extra) => {
          const t = target(kind, value, date);
          const before = computeRow(t, values, s);
          const raised: MonthlyValue[] = Array.from({ length: 12 }, (_, i) => values[i] ?? null);
          const old = raised[month];
          raised[month] = (typeof old === "number" ? old : 0) + extra;
          const after = computeRow(t, raised, s);
          expect(RANK[after.status]).toBeGreaterThanOrEqual(RANK[before.status]);
        },
      ),
    );
  });

  it("keeps a cap that is over its limit over it when more is used", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), deadline, months, settings, (value, date, values, s) => {
        const t = target("cap", value, date);
        const raised = Array.from({ length: 12 }, (_, i): MonthlyValue => {
          const v = values[i];
          return typeof v === "number" ? v + 1 : (v ?? null);
        });
        if (computeRow(t, values, s).status === "overCap") expect(computeRow(t, raised, s).status).toBe("overCap");
      }),
    );
  });
});
