import { isDarkTheme, paneEnvironment } from "../../../src/taskpane/officeEnvironment";

describe("the pane's environment from Office", () => {
  it("follows Office's dark theme flag", () => {
    expect(isDarkTheme({ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" })).toBe(true);
    expect(isDarkTheme({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe(false);
  });

  it("falls back to the body background's luminance on hosts without the flag", () => {
    expect(isDarkTheme({ bodyBackgroundColor: "#262626" })).toBe(true);
    expect(isDarkTheme({ bodyBackgroundColor: "#f3f2f1" })).toBe(false);
    expect(isDarkTheme(undefined)).toBe(false);
  });

  it("speaks Chinese unless Office's display language is English", () => {
    expect(paneEnvironment({ displayLanguage: "en-GB", officeTheme: undefined as never }).locale).toBe("en-US");
    expect(paneEnvironment({ displayLanguage: "zh-TW", officeTheme: undefined as never }).locale).toBe("zh-CN");
    expect(paneEnvironment({ displayLanguage: "fr-FR", officeTheme: undefined as never }).locale).toBe("zh-CN");
  });
});
