/** Step 1: choose a plan (built-in, pasted, opened, saved in the workbook), review and correct it. */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Plan } from "../domain/plan/types";
import { useT } from "./i18nContext";
import { countTargets } from "./planEdits";
import { TargetTable } from "./TargetTable";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  hidden: { display: "none" },
});

export interface PlanStepProps {
  plan: Plan | null;
  busy: boolean;
  hasSavedPlan: boolean;
  onBuiltin: () => void;
  onText: (text: string) => void;
  onFile: (file: File) => void;
  onSaved: () => void;
  onChange: (plan: Plan) => void;
  onSave: () => void;
  onNext: () => void;
}

export function PlanStep(props: PlanStepProps) {
  const t = useT();
  const styles = useStyles();
  const [text, setText] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const counts = props.plan ? countTargets(props.plan) : null;
  const notes = props.plan?.diagnostics.filter((d) => d.severity !== "info").length ?? 0;
  return (
    <div className={styles.column}>
      <div className={styles.row}>
        <Button appearance="primary" disabled={props.busy} onClick={props.onBuiltin}>
          {t("pane.plan.builtin")}
        </Button>
        <Button disabled={props.busy} onClick={() => fileInput.current?.click()}>
          {t("pane.plan.open")}
        </Button>
        {props.hasSavedPlan && (
          <Button disabled={props.busy} onClick={props.onSaved}>
            {t("pane.plan.loadSaved")}
          </Button>
        )}
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".txt,.json,text/plain,application/json"
          data-testid="plan-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onFile(file);
            e.target.value = "";
          }}
        />
      </div>
      <Field label={t("pane.plan.paste")}>
        <Textarea resize="vertical" rows={4} value={text} onChange={(_, d) => setText(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button disabled={props.busy || text.trim() === ""} onClick={() => props.onText(text)}>
          {t("pane.plan.parse")}
        </Button>
      </div>
      {props.plan && counts && (
        <>
          <Text weight="semibold">
            {t("pane.plan.summary", { title: props.plan.title, year: props.plan.year, ...counts })}
          </Text>
          {notes > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{t("pane.plan.notes", { count: notes })}</MessageBarBody>
            </MessageBar>
          )}
          <TargetTable plan={props.plan} onChange={props.onChange} />
          <div className={styles.row}>
            <Button disabled={props.busy} onClick={props.onSave}>
              {t("pane.plan.save")}
            </Button>
            <Button appearance="primary" disabled={props.busy || counts.targets === 0} onClick={props.onNext}>
              {t("pane.plan.next")}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
