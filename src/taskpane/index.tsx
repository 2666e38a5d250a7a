/** Task-pane entry: waits for Office, then renders the pane. */
import { createRoot } from "react-dom/client";
import { translator, resolveLocale } from "../i18n";

Office.onReady(() => {
  const t = translator(resolveLocale(Office.context.displayLanguage));
  const root = createRoot(document.getElementById("root")!);
  root.render(<p>{t("app.name")}</p>);
});
