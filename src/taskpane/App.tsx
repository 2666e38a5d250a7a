/**
 * The task pane: plan → review → generate. Talks to Excel only through the LedgerPort it is given;
 * every string comes from src/i18n; one handler turns every failure into a MessageBar.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useState } from "react";
import type { Plan } from "../domain/plan/types";
import type { LedgerPort } from "../excel/ledgerPort";
import type { ValidationPort } from "../excel/validationPort";
import type { Locale } from "../i18n";
import { ErrorBar } from "./ErrorBar";
import { useAction } from "./useAction";
import type { ExchangeActions } from "./exchangeActions";
import { GenerateStep } from "./GenerateStep";
import { I18nProvider, useT } from "./i18nContext";
import { countTargets } from "./planEdits";
import { decodePlanFile, looksLikePlanJson, parsePlanText, planFromJsonText, planToJson } from "./planFile";
import { PlanStep } from "./PlanStep";

// The check and the send-out/merge tabs (and the Fluent components only they use) load when opened.
const ExchangeStep = lazy(() =>
  import(/* webpackChunkName: "exchangeStep" */ "./ExchangeStep").then((m) => ({ default: m.ExchangeStep })),
);
const ValidateStep = lazy(() =>
  import(/* webpackChunkName: "validateStep" */ "./ValidateStep").then((m) => ({ default: m.ValidateStep })),
);

export interface AppProps {
  port: LedgerPort;
  locale: Locale;
  dark: boolean;
  /** The built-in 2011 plan's text (a separate chunk in the build). */
  loadBuiltinPlan: () => Promise<string>;
  /** The ledger of `plan` as .xlsx bytes (loads the xlsx library on demand). */
  exportXlsx: (plan: Plan, reportMonth: number) => Promise<Uint8Array>;
  /** Offers bytes to the user as a file. */
  download: (content: Uint8Array | string, fileName: string, mime: string) => void;
  /** The month shown first (1–12). */
  initialMonth: number;
  /** Step 3, checking entered progress; without it the step is not shown. */
  validation?: ValidationPort;
  /** Step 4, sending copies out and merging returns; without it the step is not shown. */
  exchange?: ExchangeActions;
}

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  status: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function fileStem(plan: Plan): string {
  return (plan.title || "plan").replace(/[\\/:*?"<>|]/g, "_").slice(0, 60);
}

function Pane(props: AppProps) {
  const t = useT();
  const styles = useStyles();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [tab, setTab] = useState<"plan" | "generate" | "validate" | "exchange">("plan");
  const [month, setMonth] = useState(props.initialMonth);
  const [status, setStatus] = useState(t("pane.status.ready"));
  const { busy, error, dismissError, act } = useAction();
  const [notices, setNotices] = useState<string[]>([]);
  const [savedPlan, setSavedPlan] = useState<string | null>(null);
  const { port } = props;

  useEffect(() => {
    void act(async () => setSavedPlan((await port.readExisting()).savedPlan));
    // Once, at start-up: what the workbook already holds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const planJson = (p: Plan) => planToJson(p, t);

  const accept = (next: Plan) => {
    setPlan(next);
    setNotices([]);
    setStatus(t("pane.status.parsed", { targets: countTargets(next).targets }));
  };
  const readText = async (text: string, file: string) =>
    accept(looksLikePlanJson(text) ? await planFromJsonText(text, file) : await parsePlanText(text));

  return (
    <div className={styles.root}>
      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) =>
          setTab(d.value === "generate" || d.value === "validate" || d.value === "exchange" ? d.value : "plan")
        }
      >
        <Tab value="plan">{t("pane.step.plan")}</Tab>
        <Tab value="generate">{t("pane.step.generate")}</Tab>
        {props.validation && <Tab value="validate">{t("pane.step.validate")}</Tab>}
        {props.exchange && <Tab value="exchange">{t("pane.step.exchange")}</Tab>}
      </TabList>
      <ErrorBar error={error} onDismiss={dismissError} />
      {notices.map((n) => (
        <MessageBar key={n} intent="warning">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      {tab === "exchange" && props.exchange ? (
        <Suspense fallback={<Spinner size="small" />}>
          <ExchangeStep actions={props.exchange} download={props.download} />
        </Suspense>
      ) : tab === "validate" && props.validation ? (
        <Suspense fallback={<Spinner size="small" />}>
          <ValidateStep port={props.validation} />
        </Suspense>
      ) : tab === "plan" ? (
        <PlanStep
          plan={plan}
          busy={busy}
          hasSavedPlan={savedPlan !== null}
          onBuiltin={() =>
            void act(async () => await readText(await props.loadBuiltinPlan(), "qingdao-2011-work-points.txt"))
          }
          onText={(text) => void act(() => readText(text, "(paste)"))}
          onFile={(file) =>
            void act(async () =>
              readText(await decodePlanFile(new Uint8Array(await file.arrayBuffer()), file.name), file.name),
            )
          }
          onSaved={() =>
            void act(async () => {
              if (savedPlan) await readText(savedPlan, "(workbook)");
            })
          }
          onChange={setPlan}
          onSave={() =>
            void act(async () => {
              if (!plan) return;
              const json = await planJson(plan);
              await port.savePlan(json);
              setSavedPlan(json);
              const file = `${fileStem(plan)}.plan.json`;
              props.download(json, file, "application/json");
              setStatus(t("pane.status.saved", { file }));
            })
          }
          onNext={() => setTab("generate")}
        />
      ) : (
        <GenerateStep
          hasPlan={plan !== null}
          hasLedger={savedPlan !== null}
          busy={busy}
          month={month}
          onMonth={setMonth}
          onGenerate={() =>
            void act(async () => {
              if (!plan) return;
              setStatus(t("pane.status.working"));
              const report = await port.generate(plan, { reportMonth: month });
              setSavedPlan(await planJson(plan));
              setNotices(report.skipped.map((s) => t(`pane.skipped.${s}` as const)));
              setStatus(
                report.regenerated
                  ? t("pane.status.regenerated", {
                      targets: report.targets,
                      kept: report.keptCells,
                      archived: report.archived.length,
                    })
                  : t("pane.status.generated", {
                      targets: report.targets,
                      sheets: report.sheets.length,
                      syncs: report.syncs,
                    }),
              );
            })
          }
          onDownload={() =>
            void act(async () => {
              if (!plan) return;
              const file = `${fileStem(plan)}.xlsx`;
              props.download(await props.exportXlsx(plan, month), file, XLSX_MIME);
              setStatus(t("pane.status.downloaded", { file }));
            })
          }
          onOpenNew={
            port.capabilities.createWorkbook
              ? () =>
                  void act(async () => {
                    if (!plan) return;
                    await port.openAsNewWorkbook(await props.exportXlsx(plan, month));
                    setStatus(t("pane.status.opened"));
                  })
              : undefined
          }
        />
      )}
      <div role="status" aria-live="polite" className={styles.status}>
        {status}
      </div>
    </div>
  );
}

export function App(props: AppProps) {
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme}>
      <I18nProvider locale={props.locale}>
        <Pane {...props} />
      </I18nProvider>
    </FluentProvider>
  );
}
