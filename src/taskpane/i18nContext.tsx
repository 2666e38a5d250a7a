/** The translator of the pane's language, for every component. */
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { translator, type Locale, type Translate } from "../i18n";

const TranslateContext = createContext<{ t: Translate; locale: Locale }>({ t: translator("zh-CN"), locale: "zh-CN" });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ t: translator(locale), locale }), [locale]);
  return <TranslateContext.Provider value={value}>{children}</TranslateContext.Provider>;
}

export function useT(): Translate {
  return useContext(TranslateContext).t;
}

export function useLocale(): Locale {
  return useContext(TranslateContext).locale;
}
