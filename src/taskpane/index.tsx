/**
 * Task-pane entry: waits for Office, reads its language, theme and requirement sets once, and renders
 * the pane with the Office.js LedgerPort. The built-in plan and the xlsx writer load on demand.
 */
import { createRoot } from "react-dom/client";
import type { Plan } from "../domain/plan/types";
import { detectCapabilities, lazyLedgerPort } from "../excel/lazyLedgerPort";
import { lazyValidationPort } from "../excel/lazyValidationPort";
import { lazyMergePort } from "../excel/mergePort";
import { translator, type Locale } from "../i18n";
import { App } from "./App";
import { downloadFile } from "./browserFiles";
import { createExchangeActions } from "./exchangeActions";
import { paneEnvironment } from "./officeEnvironment";
import { planToJson } from "./planFile";

async function ledgerSpec(plan: Plan, reportMonth: number, lang: Locale) {
  const { buildLedger } = await import(/* webpackChunkName: "ledger" */ "../domain/ledger/buildLedger");
  return buildLedger(plan, { lang, reportMonth, generatedAt: new Date().toISOString() });
}

async function exportXlsx(plan: Plan, reportMonth: number, lang: Locale): Promise<Uint8Array> {
  const { writeWorkbookXlsx } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/writeWorkbookXlsx");
  return writeWorkbookXlsx(await ledgerSpec(plan, reportMonth, lang));
}

async function loadBuiltinPlan(): Promise<string> {
  const text = await import(/* webpackChunkName: "builtinPlan" */ "../../assets/plans/qingdao-2011-work-points.txt");
  return text.default;
}

void Office.onReady(() => {
  const { locale, dark } = paneEnvironment(Office.context);
  const capabilities = detectCapabilities(Office.context.requirements);
  const port = lazyLedgerPort(capabilities, async () => {
    const { createOfficeLedgerPort, officeCreateWorkbook, officeRun } = await import(
      /* webpackChunkName: "excel" */ "../excel/officeLedgerPort"
    );
    return createOfficeLedgerPort({
      capabilities,
      buildSpec: (plan, options) => ledgerSpec(plan, options.reportMonth, locale),
      planJson: (plan) => planToJson(plan, translator(locale)),
      run: officeRun,
      createWorkbook: officeCreateWorkbook,
    });
  });
  const validation = lazyValidationPort(async () => {
    const [{ createOfficeValidationPort }, { officeRun }] = await Promise.all([
      import(/* webpackChunkName: "excel" */ "../excel/officeValidationPort"),
      import(/* webpackChunkName: "excel" */ "../excel/officeLedgerPort"),
    ]);
    return createOfficeValidationPort({ run: officeRun });
  });
  const exchange = createExchangeActions({
    ledger: port,
    validation,
    merge: lazyMergePort(async () => {
      const [{ createOfficeMergePort }, { officeRun }] = await Promise.all([
        import(/* webpackChunkName: "excel" */ "../excel/officeMergePort"),
        import(/* webpackChunkName: "excel" */ "../excel/officeLedgerPort"),
      ]);
      return createOfficeMergePort({ capabilities, run: officeRun });
    }),
    masterName: translator(locale)("pane.exchange.master"),
  });
  document.documentElement.lang = locale;
  createRoot(document.getElementById("root")!).render(
    <App
      port={port}
      locale={locale}
      dark={dark}
      loadBuiltinPlan={loadBuiltinPlan}
      exportXlsx={(plan, month) => exportXlsx(plan, month, locale)}
      download={downloadFile}
      initialMonth={new Date().getMonth() + 1}
      validation={validation}
      exchange={exchange}
    />,
  );
});
