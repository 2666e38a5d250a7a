/** Findings grouped by severity (an accordion, errors open) and, inside, by department, with counts. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import type { MessageKey } from "../i18n";
import { useT } from "./i18nContext";
import { fixRequest, where, type FindingView, type SeverityGroup } from "./validationView";

const useStyles = makeStyles({
  department: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS },
  select: { flexGrow: 1, justifyContent: "flex-start", textAlign: "start", fontWeight: tokens.fontWeightRegular },
  text: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

const BADGE_COLOR = { error: "danger", warning: "important", info: "informative" } as const;

export interface FindingGroupsProps {
  groups: SeverityGroup[];
  busy: boolean;
  onSelect: (view: FindingView) => void;
  onFix: (view: FindingView) => void;
}

function FindingItem({ view, busy, onSelect, onFix }: { view: FindingView } & Omit<FindingGroupsProps, "groups">) {
  const t = useT();
  const styles = useStyles();
  const f = view.finding;
  const cell = where(f.sheet, f.cell);
  const fix = fixRequest(view);
  const messageId = useId();
  const meta = [
    f.targetId !== null ? t("pane.validate.target", { id: f.targetId }) : null,
    f.month !== null ? t("pane.validate.month", { month: f.month }) : null,
    cell,
  ].filter((part): part is string => part !== null);
  return (
    <li className={styles.item}>
      <Button
        appearance="subtle"
        className={styles.select}
        aria-label={t("pane.validate.select", { cell })}
        aria-describedby={messageId}
        disabled={busy}
        onClick={() => onSelect(view)}
      >
        <span className={styles.text}>
          <span id={messageId}>{t(`finding.${f.code}` as MessageKey, f.params)}</span>
          <span className={styles.meta}>{meta.join(" · ")}</span>
        </span>
      </Button>
      {fix && (
        <Button
          size="small"
          disabled={busy}
          aria-label={t("pane.validate.fixLabel", { cell, value: fix.value })}
          onClick={() => onFix(view)}
        >
          {t("pane.validate.fix", { value: fix.value })}
        </Button>
      )}
    </li>
  );
}

export function FindingGroups({ groups, ...rest }: FindingGroupsProps) {
  const t = useT();
  const styles = useStyles();
  return (
    <Accordion multiple collapsible defaultOpenItems={["error"]} aria-label={t("pane.validate.results")}>
      {groups.map((group) => (
        <AccordionItem key={group.severity} value={group.severity}>
          <AccordionHeader>
            <span className={styles.header}>
              {t("pane.validate.severityGroup", {
                severity: t(`pane.validate.severity.${group.severity}`),
                count: group.count,
              })}
              <CounterBadge count={group.count} color={BADGE_COLOR[group.severity]} aria-hidden />
            </span>
          </AccordionHeader>
          <AccordionPanel>
            {group.departments.map((d) => {
              const name = d.department || t("pane.validate.noDepartment");
              const label = t("pane.validate.departmentGroup", { department: name, count: d.items.length });
              return (
                <section key={d.department} aria-label={label}>
                  <h4 className={styles.department}>{label}</h4>
                  <ul className={styles.list} aria-label={label}>
                    {d.items.map((view) => (
                      <FindingItem key={view.key} view={view} {...rest} />
                    ))}
                  </ul>
                </section>
              );
            })}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
