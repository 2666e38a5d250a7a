import {
  normaliseOrdinal,
  parseChineseNumeral,
  parseNumberToken,
  toHalfWidth,
} from "../../../src/domain/plan/numerals";

describe("parseChineseNumeral", () => {
  it.each([
    ["一", 1],
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十五", 25],
    ["一百", 100],
    ["一百零五", 105],
    ["三千二百", 3200],
    ["〇", 0],
  ])("reads %s as %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(["", "二三", "十十", "百千", "abc"])("refuses %p", (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });
});

describe("parseNumberToken", () => {
  it("reads ASCII, full-width, thousands separators and decimals", () => {
    expect(parseNumberToken("10")).toBe(10);
    expect(parseNumberToken("１０")).toBe(10);
    expect(parseNumberToken("1,200")).toBe(1200);
    expect(parseNumberToken("１，２００")).toBe(1200);
    expect(parseNumberToken("4.5")).toBe(4.5);
    expect(parseNumberToken("９８．５")).toBe(98.5);
    expect(parseNumberToken("二十")).toBe(20);
  });

  it("normalising twice equals normalising once", () => {
    for (const s of ["１０．５％", "abc", "1，000"]) expect(toHalfWidth(toHalfWidth(s))).toBe(toHalfWidth(s));
  });

  it("turns item numbers into Arabic digits", () => {
    expect(normaliseOrdinal("１２")).toBe("12");
    expect(normaliseOrdinal("十二")).toBe("12");
    expect(normaliseOrdinal("A")).toBe("A");
  });
});
