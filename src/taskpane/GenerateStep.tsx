/** Step 2: the report month, then generate (or update in place) the ledger, or download it. */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useT } from "./i18nContext";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
});

export interface GenerateStepProps {
  hasPlan: boolean;
  hasLedger: boolean;
  busy: boolean;
  month: number;
  onMonth: (month: number) => void;
  onGenerate: () => void;
  onDownload: () => void;
  /** Absent where Excel cannot open a new workbook (below ExcelApi 1.8). */
  onOpenNew?: () => void;
}

export function GenerateStep(props: GenerateStepProps) {
  const t = useT();
  const styles = useStyles();
  if (!props.hasPlan) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t("pane.generate.needPlan")}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.column}>
      <Field label={t("pane.generate.month")}>
        <Select value={String(props.month)} onChange={(_, d) => props.onMonth(Number(d.value))}>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i + 1} value={String(i + 1)}>
              {t("pane.generate.monthOption", { n: i + 1 })}
            </option>
          ))}
        </Select>
      </Field>
      {props.hasLedger && (
        <MessageBar intent="info">
          <MessageBarBody>{t("pane.generate.existing")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={props.busy} onClick={props.onGenerate}>
          {props.hasLedger ? t("pane.generate.update") : t("pane.generate.create")}
        </Button>
        <Button disabled={props.busy} onClick={props.onDownload}>
          {t("pane.generate.download")}
        </Button>
        {props.onOpenNew && (
          <Button disabled={props.busy} onClick={props.onOpenNew}>
            {t("pane.generate.openNew")}
          </Button>
        )}
      </div>
      {!props.onOpenNew && <Text size={200}>{t("pane.generate.noNewWorkbook")}</Text>}
    </div>
  );
}
