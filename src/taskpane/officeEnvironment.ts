/** What the pane learns from Office at start-up: language, theme, optional requirement sets. */
import { resolveLocale, type Locale } from "../i18n";

/** Dark when Office says so, else when its body background is dark (older hosts lack isDarkTheme). */
export function isDarkTheme(theme: Partial<Office.OfficeTheme> | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(theme.bodyBackgroundColor ?? "");
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 128;
}

export interface PaneEnvironment {
  locale: Locale;
  dark: boolean;
}

export function paneEnvironment(context: Pick<Office.Context, "displayLanguage" | "officeTheme">): PaneEnvironment {
  return { locale: resolveLocale(context.displayLanguage), dark: isDarkTheme(context.officeTheme) };
}
