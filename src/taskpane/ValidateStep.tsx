/**
 * Step 3: check the entered progress. One read of the whole ledger, findings grouped by severity and by
 * department; clicking a finding selects its cell in Excel; a proposed fix, or all safe fixes, are
 * written in one batch only when the user clicks, then the ledger is checked again.
 */
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { WorkbookGrid } from "../domain/progress/readLedger";
import { validateLedgerGrid, type LedgerValidation } from "../domain/progress/validateLedger";
import type { ApplyFixesReport, FixRequest, ValidationPort } from "../excel/validationPort";
import { ErrorBar } from "./ErrorBar";
import { useAction } from "./useAction";
import { FindingGroups } from "./FindingGroups";
import { useT } from "./i18nContext";
import { findingViews, fixRequest, groupFindings, safeFixes, where, type FindingView } from "./validationView";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface ValidateStepProps {
  port: ValidationPort;
}

interface Checked {
  validation: LedgerValidation;
  views: FindingView[];
  syncs: number;
}

interface Applied {
  report: ApplyFixesReport;
  before: number;
  after: number;
}

async function check(port: ValidationPort, file: string): Promise<Checked> {
  const read = await port.readLedgerGrid();
  const grid: WorkbookGrid = read.grid;
  const validation = validateLedgerGrid(grid, file);
  return { validation, views: findingViews(validation, grid), syncs: read.syncs };
}

export function ValidateStep({ port }: ValidateStepProps) {
  const t = useT();
  const styles = useStyles();
  const { busy, error, dismissError, act } = useAction();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);

  const file = t("pane.validate.workbook");
  const runCheck = () =>
    void act(async () => {
      setApplied(null);
      setChecked(await check(port, file));
    });
  const apply = (fixes: FixRequest[]) =>
    void act(async () => {
      const before = checked?.validation.findings.length ?? 0;
      const report = await port.applyFixes(fixes);
      const next = await check(port, file);
      setChecked(next);
      setApplied({ report, before, after: next.validation.findings.length });
    });

  const groups = useMemo(() => (checked ? groupFindings(checked.views) : []), [checked]);
  const fixes = useMemo(() => (checked ? safeFixes(checked.views) : []), [checked]);
  const shown = (value: unknown) => (value === null || value === "" ? t("pane.validate.blank") : String(value));

  return (
    <div className={styles.column}>
      <Text>{t("pane.validate.intro")}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={runCheck}>
          {checked ? t("pane.validate.rerun") : t("pane.validate.run")}
        </Button>
        {fixes.length > 0 && (
          <Button disabled={busy} onClick={() => apply(fixes)}>
            {t("pane.validate.fixAll", { count: fixes.length })}
          </Button>
        )}
      </div>
      <ErrorBar error={error} onDismiss={dismissError} />
      {applied && (
        <MessageBar intent={applied.report.skipped.length > 0 ? "warning" : "success"}>
          <MessageBarBody>
            {t("pane.validate.applied", {
              applied: applied.report.applied.length,
              syncs: applied.report.syncs,
              before: applied.before,
              after: applied.after,
            })}
            <ul className={styles.list}>
              {applied.report.applied.map((f) => (
                <li key={`${f.sheet}!${f.cell}`}>
                  {t("pane.validate.appliedCell", { cell: where(f.sheet, f.cell), old: shown(f.seen), value: f.value })}
                </li>
              ))}
              {applied.report.skipped.map(({ fix, current }) => (
                <li key={`${fix.sheet}!${fix.cell}`}>
                  {t("pane.validate.skipped", { cell: where(fix.sheet, fix.cell), current: shown(current) })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {checked && (
        <Text>
          {t("pane.validate.summary", {
            month: checked.validation.reportMonth,
            targets: checked.validation.targets,
            errors: checked.validation.counts.error,
            warnings: checked.validation.counts.warning,
            infos: checked.validation.counts.info,
            syncs: checked.syncs,
          })}
        </Text>
      )}
      {checked && groups.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t("pane.validate.clean")}</MessageBarBody>
        </MessageBar>
      )}
      {groups.length > 0 && (
        <FindingGroups
          groups={groups}
          busy={busy}
          onSelect={(view) => void act(() => port.selectCell(view.finding.sheet, view.finding.cell))}
          onFix={(view) => {
            const fix = fixRequest(view);
            if (fix) apply([fix]);
          }}
        />
      )}
    </div>
  );
}
