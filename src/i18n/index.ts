import { enUS } from "./enUS";
import { zhCN, type MessageKey } from "./zhCN";

export type { MessageKey } from "./zhCN";

export type Locale = "zh-CN" | "en-US";

export type MessageVars = Record<string, string | number>;

/** A translator bound to one locale. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

const catalogs: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, "en-US": enUS };

/** Picks zh-CN or en-US from a language tag ("zh", "zh-TW", "en-GB", "fr" …); Chinese is the default. */
export function resolveLocale(tag: string | undefined | null): Locale {
  return tag && /^en\b/i.test(tag) ? "en-US" : "zh-CN";
}

export function format(template: string, vars: MessageVars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, vars) => format(catalog[key], vars);
}

export function messageKeys(): MessageKey[] {
  return Object.keys(zhCN) as MessageKey[];
}
