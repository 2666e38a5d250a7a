import { enUS } from "../../../src/i18n/enUS";
import { zhCN } from "../../../src/i18n/zhCN";
import { format, messageKeys, resolveLocale, translator } from "../../../src/i18n";

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe("message catalogs", () => {
  it("translate every key with the same placeholders", () => {
    for (const key of messageKeys()) {
      expect(enUS[key].length).toBeGreaterThan(0);
      expect([key, placeholders(enUS[key])]).toEqual([key, placeholders(zhCN[key])]);
    }
  });

  it("default to Chinese and pick English for en-* tags", () => {
    expect(resolveLocale(undefined)).toBe("zh-CN");
    expect(resolveLocale("zh-TW")).toBe("zh-CN");
    expect(resolveLocale("fr-FR")).toBe("zh-CN");
    expect(resolveLocale("en-GB")).toBe("en-US");
  });

  it("fill placeholders and leave unknown ones visible", () => {
    expect(format("{a} {b}", { a: 1 })).toBe("1 {b}");
    expect(translator("en-US")("cli.badLang", { value: "fr" })).toBe("--lang must be zh or en, got “fr”.");
  });
});
