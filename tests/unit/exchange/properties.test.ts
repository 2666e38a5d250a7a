/**
 * The laws of split and merge (issue 6): split then merge without edits gives back the master; merging
 * the same files again changes nothing; no entered value is ever lost (every overwritten value is in
 * the change log). Over random plans, assignments, entries and edits.
 */
import fc from "fast-check";
import { applyMerge } from "../../../src/domain/exchange/applyMerge";
import { readLedgerState, type LedgerState } from "../../../src/domain/exchange/ledgerState";
import { analyzeReturn, previewMerge } from "../../../src/domain/exchange/mergePreview";
import { splitMaster } from "../../../src/domain/exchange/split";
import type { Narrative } from "../../../src/domain/ledger/context";
import type { MonthlyValue } from "../../../src/domain/ledger/status";
import type { Target } from "../../../src/domain/plan/types";
import { valuesOfSpec } from "../../../src/domain/workbook/specGrid";
import { makePlan } from "../../support/builders";
import { GENERATED_AT, masterGrid, MERGED_AT, setMonth, type Grid } from "../../support/exchange";

const DEPARTMENTS = ["市金融办", "市应急办", "市会展办", ""];
const KINDS: Array<Partial<Target>> = [
  { kind: "cumulative", value: 12, unit: "个" },
  { kind: "rate", comparator: ">=", value: 98, unit: "%" },
  { kind: "milestone", comparator: "=", value: null, unit: "" },
  { kind: "cap", comparator: "<=", value: 10, unit: "个" },
];

const value = fc.oneof(fc.constant(null), fc.nat(200), fc.double({ min: 0, max: 100, noNaN: true }));
const scenario = fc
  .record({
    kinds: fc.array(fc.nat(KINDS.length - 1), { minLength: 1, maxLength: 6 }),
    reportMonth: fc.integer({ min: 1, max: 12 }),
    seed: fc.array(fc.tuple(fc.nat(3), fc.array(value, { minLength: 12, maxLength: 12 }), fc.boolean()), {
      minLength: 6,
      maxLength: 6,
    }),
    edits: fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 12 }), fc.nat(300)), { maxLength: 12 }),
  })
  .map(({ kinds, reportMonth, seed, edits }) => {
    const plan = makePlan({ targets: kinds.map((k) => KINDS[k]!) });
    const ids = kinds.map((_, i) => `1.${i + 1}`);
    const assignments: Record<string, string> = {};
    const monthly: Record<string, MonthlyValue[]> = {};
    const narratives: Record<string, Narrative> = {};
    ids.forEach((id, i) => {
      const [dept, values, narrated] = seed[i]!;
      assignments[id] = DEPARTMENTS[dept]!;
      monthly[id] = values;
      if (narrated) narratives[id] = { progress: `进展${i}`, problems: "", nextSteps: `打算${i}` };
    });
    return { plan, ids, reportMonth, assignments, monthly, narratives, edits };
  });

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function master(s: Scenario): Grid {
  return masterGrid(s.plan, {
    reportMonth: s.reportMonth,
    assignments: s.assignments,
    monthly: s.monthly,
    narratives: s.narratives,
  });
}

/** The copies of `state`, each edited as a department would (only its own rows are in its copy). */
function editedCopies(state: LedgerState, s: Scenario): Array<[string, Grid]> {
  return splitMaster(state, GENERATED_AT).copies.map((copy) => {
    const grid = valuesOfSpec(copy.spec);
    for (const [target, month, v] of s.edits) {
      const id = s.ids[target % s.ids.length]!;
      if (copy.targetIds.includes(id)) setMonth(grid, id, month, v);
    }
    return [copy.fileName, grid];
  });
}

function merge(state: LedgerState, files: Array<[string, Grid]>) {
  const preview = previewMerge(
    state,
    files.map(([file, grid]) => analyzeReturn(state, file, grid)),
  );
  return { preview, result: applyMerge(state, preview.changes, MERGED_AT) };
}

describe("split and merge laws", () => {
  it("split then merge without edits gives back the master, every sheet's values", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const grid = master(s);
        const state = readLedgerState(grid, "主台账.xlsx");
        const copies = splitMaster(state, GENERATED_AT).copies.map((c): [string, Grid] => [
          c.fileName,
          valuesOfSpec(c.spec),
        ]);
        const { preview, result } = merge(state, copies);
        expect(preview.changes).toEqual([]);
        expect(preview.refused).toEqual([]);
        expect(valuesOfSpec(result.spec)).toEqual(grid);
      }),
      { numRuns: 25 },
    );
  });

  it("merging the same files again changes nothing", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const state = readLedgerState(master(s), "主台账.xlsx");
        const files = editedCopies(state, s);
        const once = valuesOfSpec(merge(state, files).result.spec);
        const again = merge(readLedgerState(once, "主台账.xlsx"), files);
        expect(again.preview.changes).toEqual([]);
        expect(valuesOfSpec(again.result.spec)).toEqual(once);
      }),
      { numRuns: 25 },
    );
  });

  it("loses no entered value: every value that changed is in the change log with the value it replaced", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const before = readLedgerState(master(s), "主台账.xlsx");
        const merged = merge(before, editedCopies(before, s)).result;
        const after = readLedgerState(valuesOfSpec(merged.spec), "主台账.xlsx");
        for (const id of s.ids) {
          for (let m = 1; m <= 12; m++) {
            const old = before.monthly[id]?.[m - 1] ?? null;
            const now = after.monthly[id]?.[m - 1] ?? null;
            if (old === now) continue;
            expect(after.changeLog).toContainEqual(expect.objectContaining({ targetId: id, month: m, old, new: now }));
          }
        }
        expect(after.changeLog).toHaveLength(merged.added.length);
      }),
      { numRuns: 25 },
    );
  });
});
