/**
 * The merge preview: per department what would change (target, month, old → new), conflicts, files
 * refused and why, 未报送 departments and who is behind once the changes are in. Messages come from
 * src/i18n/exchangeMessages.ts, shared with the CLI, so both front ends say the same thing.
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { conflictMessage, fieldLabel, refusalMessage } from "../i18n/exchangeMessages";
import type { Change } from "../domain/exchange/mergePreview";
import { ledgerLabels } from "../domain/ledger/layout";
import type { CellValue } from "../domain/workbook/spec";
import type { Locale, MessageKey, Translate } from "../i18n";
import type { MergeCheck } from "./exchangeActions";
import { useLocale, useT } from "./i18nContext";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  heading: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

function shown(value: CellValue, t: Translate): string {
  return value === null || value === "" ? t("cli.merge.blank") : String(value);
}

function changeText(c: Change, locale: Locale, t: Translate): string {
  return t("pane.exchange.in.change", {
    target: c.targetId,
    field: fieldLabel(c, locale, t),
    old: shown(c.old, t),
    new: shown(c.new, t),
  });
}

export function MergePreviewView({ check }: { check: MergeCheck }) {
  const t = useT();
  const locale = useLocale();
  const styles = useStyles();
  const { preview, behind } = check;
  const sep = t("cli.merge.listSeparator");
  const statuses = ledgerLabels(locale).statuses;
  return (
    <section className={styles.column} aria-label={t("pane.exchange.in.preview")}>
      <h3 className={styles.heading}>{t("pane.exchange.in.preview")}</h3>
      <Text>
        {t("cli.merge.summary", {
          files: preview.files.length,
          accepted: preview.reports.length,
          refused: preview.refused.length,
          changes: preview.changes.length,
          conflicts: preview.conflicts.length,
        })}
      </Text>
      {preview.departments.map((d) => (
        <div key={d.department}>
          <Text weight="semibold">
            {t("pane.exchange.in.department", {
              department: d.department,
              files: d.files.join(sep),
              month: d.reportMonth,
            })}
          </Text>
          <ul className={styles.list}>
            {d.changes.map((c) => (
              <li key={`${c.targetId}-${c.month ?? c.narrative}`}>{changeText(c, locale, t)}</li>
            ))}
            {d.changes.length === 0 && <li>{t("pane.exchange.in.noChange")}</li>}
            {d.conflicts.map((c, i) => (
              <li key={`conflict-${i}`} className={styles.warning}>
                {conflictMessage(c, locale, t)}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {preview.refused.length > 0 && (
        <div>
          <Text weight="semibold" className={styles.error}>
            {t("pane.exchange.in.refused", { count: preview.refused.length })}
          </Text>
          <ul className={styles.list}>
            {preview.refused.map((r) => (
              <li key={r.file}>
                {refusalMessage(r, t)}
                {r.findings.length > 0 && (
                  <ul className={styles.list}>
                    {r.findings.map((f) => (
                      <li key={`${f.sheet}!${f.cell}`}>
                        {t("pane.exchange.in.finding", {
                          cell: `${f.sheet}!${f.cell}`,
                          target: f.targetId ?? "",
                          message: t(`finding.${f.code}` as MessageKey, f.params),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.missing.length > 0 && (
        <Text className={styles.warning}>
          {t("cli.merge.missing", { count: preview.missing.length, list: preview.missing.join(sep) })}
        </Text>
      )}
      {behind.length > 0 && (
        <div>
          <Text weight="semibold">{t("pane.exchange.in.behind", { month: check.master.reportMonth })}</Text>
          <ul className={styles.list}>
            {behind.map((d) => (
              <li key={d.department}>
                {t("pane.exchange.in.behindLine", {
                  department: d.department || t("cli.merge.noDepartment"),
                  list: d.targets.map((x) => `${x.targetId} ${statuses[x.status]}`).join(sep),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
