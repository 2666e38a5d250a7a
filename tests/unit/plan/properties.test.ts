/** Laws of the parser, checked on generated input (fast-check). */
import fc from "fast-check";
import { parsePlan } from "../../../src/domain/plan/parsePlan";
import { builtinPlanText, targetsOf } from "../../support/planFixtures";

const planAlphabet = fc.constantFrom(
  ..."一二三四五六七八九十两百千0123456789０１２３、.．,，。；;:：（）()《》“”%％-—~至家个次亿元万平方米率不少于超过以内达到其中年内全年月底季度上半年\n\t 新增完成出台市局委办牵头单位责任单位".split(
    "",
  ),
);
const planLike = fc.array(planAlphabet, { maxLength: 400 }).map((chars) => chars.join(""));

describe("parsePlan laws", () => {
  it("never throws on any string, and every source is a substring of the input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), planLike), (text) => {
        const plan = parsePlan(text, { defaultYear: 2024 });
        for (const t of targetsOf(plan)) expect(text).toContain(t.source);
      }),
      { numRuns: 400 },
    );
  });

  it("gives unique target ids and parents that exist", () => {
    fc.assert(
      fc.property(planLike, (text) => {
        const targets = targetsOf(parsePlan(text, { defaultYear: 2024 }));
        const ids = targets.map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const t of targets) if (t.parent !== null) expect(ids).toContain(t.parent);
      }),
      { numRuns: 300 },
    );
  });

  it("reads the built-in plan the same wherever it is cut into lines (CRLF, CR)", () => {
    const text = builtinPlanText();
    const lf = targetsOf(parsePlan(text));
    expect(targetsOf(parsePlan(text.replace(/\n/g, "\r\n")))).toEqual(lf);
    expect(targetsOf(parsePlan(text.replace(/\n/g, "\r")))).toEqual(lf);
  });
});
