/**
 * Step 4: send the ledger out to the departments and merge their returns. Out: one workbook per 责任单位,
 * opened in Excel (ExcelApi 1.8), downloaded one by one, or in one .zip. In: the returned files are
 * read one at a time with a progress bar, previewed, and applied to the open workbook all at once
 * only when the user clicks.
 */
import { Button, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { MergeProgress } from "../domain/exchange/mergeFiles";
import { useAction } from "./useAction";
import type { ExchangeActions, MergeCheck, SentOut } from "./exchangeActions";
import { useT } from "./i18nContext";
import { MergePreviewView } from "./MergePreviewView";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  hidden: { display: "none" },
});

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface ExchangeStepProps {
  actions: ExchangeActions;
  /** Offers bytes to the user as a file. */
  download: (content: Uint8Array, fileName: string, mime: string) => void;
}

export function ExchangeStep({ actions, download }: ExchangeStepProps) {
  const t = useT();
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  const { busy, error, act: run } = useAction();
  const [done, setDone] = useState<{ text: string; intent: "success" | "warning" } | null>(null);
  const [sent, setSent] = useState<SentOut | null>(null);
  const [progress, setProgress] = useState<MergeProgress | null>(null);
  const [check, setCheck] = useState<MergeCheck | null>(null);
  const sep = t("cli.merge.listSeparator");

  const act = (work: () => Promise<void>): Promise<void> => {
    setDone(null);
    return run(work);
  };

  const pickFiles = (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (picker.current) picker.current.value = "";
    if (files.length === 0) return;
    void act(async () => {
      setCheck(null);
      setProgress({ done: 0, total: files.length, file: files[0]!.name });
      try {
        const picked = files.map((f) => ({ name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) }));
        setCheck(await actions.checkReturns(picked, setProgress));
      } finally {
        setProgress(null);
      }
    });
  };

  return (
    <div className={styles.column}>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.column} aria-labelledby="exchange-out">
        <h2 id="exchange-out" className={styles.heading}>
          {t("pane.exchange.out.title")}
        </h2>
        <Text>{t("pane.exchange.out.intro")}</Text>
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void act(async () => setSent(await actions.sendOut()))}
          >
            {t("pane.exchange.out.run")}
          </Button>
        </div>
        {sent && (
          <>
            <Text>
              {t("pane.exchange.out.made", {
                count: sent.copies.length,
                year: sent.year,
                month: sent.reportMonth,
                syncs: sent.syncs,
              })}
            </Text>
            <ul className={styles.list} aria-label={t("pane.exchange.out.list")}>
              {sent.copies.map((c) => (
                <li key={c.department}>
                  {t("pane.exchange.out.copy", { department: c.department, targets: c.targets, file: c.fileName })}
                </li>
              ))}
            </ul>
            {sent.unassigned.length > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>
                  {t("pane.exchange.out.unassigned", {
                    count: sent.unassigned.length,
                    list: sent.unassigned.join(sep),
                  })}
                </MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.row}>
              {actions.canOpenWorkbooks && (
                <Button
                  disabled={busy || sent.copies.length === 0}
                  onClick={() =>
                    void act(async () => {
                      const count = await actions.openCopies(sent.copies);
                      setDone({ text: t("pane.exchange.out.opened", { count }), intent: "success" });
                    })
                  }
                >
                  {t("pane.exchange.out.open", { count: sent.copies.length })}
                </Button>
              )}
              <Button
                disabled={busy || sent.copies.length === 0}
                onClick={() =>
                  void act(async () => {
                    for (const c of sent.copies) download(c.xlsx, c.fileName, XLSX_MIME);
                    setDone({
                      text: t("pane.exchange.out.downloaded", { count: sent.copies.length }),
                      intent: "success",
                    });
                  })
                }
              >
                {t("pane.exchange.out.download")}
              </Button>
              <Button
                disabled={busy || sent.copies.length === 0}
                onClick={() =>
                  void act(async () => {
                    const file = t("pane.exchange.zipName", { year: sent.year, month: sent.reportMonth });
                    download(await actions.zipCopies(sent.copies), file, "application/zip");
                    setDone({ text: t("pane.exchange.out.zipped", { file }), intent: "success" });
                  })
                }
              >
                {t("pane.exchange.out.zip")}
              </Button>
            </div>
            {!actions.canOpenWorkbooks && <Text>{t("pane.exchange.out.noCreate")}</Text>}
          </>
        )}
      </section>

      <section className={styles.column} aria-labelledby="exchange-in">
        <h2 id="exchange-in" className={styles.heading}>
          {t("pane.exchange.in.title")}
        </h2>
        <Text>{t("pane.exchange.in.intro")}</Text>
        <input
          ref={picker}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.hidden}
          aria-label={t("pane.exchange.in.pick")}
          onChange={(e) => pickFiles(e.target.files)}
        />
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy} onClick={() => picker.current?.click()}>
            {t("pane.exchange.in.pick")}
          </Button>
        </div>
        {progress && (
          <div className={styles.column}>
            <ProgressBar
              value={progress.total === 0 ? 0 : progress.done / progress.total}
              max={1}
              aria-label={t("pane.exchange.in.progressLabel")}
            />
            <Text>{t("pane.exchange.in.progress", { ...progress })}</Text>
          </div>
        )}
        {check && (
          <>
            <MergePreviewView check={check} />
            <div className={styles.row}>
              <Button
                appearance="primary"
                disabled={busy || check.preview.changes.length === 0}
                onClick={() =>
                  void act(async () => {
                    const applied = await actions.apply(check);
                    setCheck(null);
                    setDone(
                      applied.stale
                        ? { text: t("pane.exchange.in.stale"), intent: "warning" }
                        : {
                            text: t("pane.exchange.in.applied", {
                              count: check.preview.changes.length,
                              added: applied.added,
                              syncs: applied.readSyncs + applied.report.syncs,
                            }),
                            intent: "success",
                          },
                    );
                  })
                }
              >
                {t("pane.exchange.in.apply", { count: check.preview.changes.length })}
              </Button>
            </div>
            {check.preview.changes.length === 0 && <Text>{t("pane.exchange.in.nothing")}</Text>}
          </>
        )}
      </section>
      {done && (
        <MessageBar intent={done.intent}>
          <MessageBarBody>{done.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
