/** The review table: one row per target, every correctable field an input labelled for screen readers. */
import {
  Button,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  COMPARATORS,
  TARGET_KINDS,
  listTargets,
  type Comparator,
  type Plan,
  type TargetKind,
} from "../domain/plan/types";
import type { MessageKey } from "../i18n";
import { useT } from "./i18nContext";
import { addTarget, dropTarget, setDepartments, updateTarget } from "./planEdits";

const COMPARATOR_KEYS: Record<Comparator, MessageKey> = {
  ">=": "pane.comparator.ge",
  "<=": "pane.comparator.le",
  ">": "pane.comparator.gt",
  "=": "pane.comparator.eq",
  range: "pane.comparator.range",
};

/** Columns and their widths: the table scrolls sideways in a narrow pane rather than squeezing inputs. */
const COLUMNS: ReadonlyArray<readonly [MessageKey, string]> = [
  ["pane.col.id", "52px"],
  ["pane.col.metric", "200px"],
  ["pane.col.comparator", "130px"],
  ["pane.col.value", "96px"],
  ["pane.col.unit", "80px"],
  ["pane.col.kind", "120px"],
  ["pane.col.deadline", "150px"],
  ["pane.col.departments", "180px"],
  ["pane.col.actions", "84px"],
];

const useStyles = makeStyles({
  wrap: { overflowX: "auto", maxHeight: "50vh", overflowY: "auto" },
  table: { minWidth: "1092px" },
  narrow: { width: "100%" },
  id: {},
});

/** Typed freely (separators included) and applied when the field loses focus. */
function DepartmentsInput({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string;
  onCommit: (text: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <Input
      aria-label={label}
      value={draft ?? value}
      onChange={(_, d) => setDraft(d.value)}
      onBlur={() => {
        if (draft !== null && draft !== value) onCommit(draft);
        setDraft(null);
      }}
    />
  );
}

export interface TargetTableProps {
  plan: Plan;
  onChange: (plan: Plan) => void;
}

export function TargetTable({ plan, onChange }: TargetTableProps) {
  const t = useT();
  const styles = useStyles();
  const rows = listTargets(plan);
  const label = (key: MessageKey, id: string) => `${t(key)} ${id}`;
  return (
    <div className={styles.wrap}>
      <Table size="small" className={styles.table} aria-label={t("pane.table.caption")}>
        <TableHeader>
          <TableRow>
            {COLUMNS.map(([key, width]) => (
              <TableHeaderCell key={key} style={{ width }}>
                {t(key)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ target, item }) => {
            const id = target.id;
            const patch = (p: Parameters<typeof updateTarget>[2]) => onChange(updateTarget(plan, id, p));
            return (
              <TableRow key={id}>
                <TableCell className={styles.id}>{id}</TableCell>
                <TableCell>
                  <Input
                    aria-label={label("pane.col.metric", id)}
                    value={target.metric}
                    onChange={(_, d) => patch({ metric: d.value })}
                  />
                </TableCell>
                <TableCell>
                  <Select
                    aria-label={label("pane.col.comparator", id)}
                    value={target.comparator}
                    onChange={(_, d) => patch({ comparator: d.value as Comparator })}
                  >
                    {COMPARATORS.map((c) => (
                      <option key={c} value={c}>
                        {t(COMPARATOR_KEYS[c])}
                      </option>
                    ))}
                  </Select>
                </TableCell>
                <TableCell>
                  <Input
                    className={styles.narrow}
                    type="number"
                    aria-label={label("pane.col.value", id)}
                    value={target.value === null ? "" : String(target.value)}
                    onChange={(_, d) => patch({ value: d.value === "" ? null : Number(d.value) })}
                  />
                </TableCell>
                <TableCell>
                  <Input
                    className={styles.narrow}
                    aria-label={label("pane.col.unit", id)}
                    value={target.unit}
                    onChange={(_, d) => patch({ unit: d.value })}
                  />
                </TableCell>
                <TableCell>
                  <Select
                    aria-label={label("pane.col.kind", id)}
                    value={target.kind}
                    onChange={(_, d) => patch({ kind: d.value as TargetKind })}
                  >
                    {TARGET_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`kind.${k}` as const)}
                      </option>
                    ))}
                  </Select>
                </TableCell>
                <TableCell>
                  <Input
                    type="date"
                    aria-label={label("pane.col.deadline", id)}
                    value={target.deadline}
                    onChange={(_, d) => d.value && patch({ deadline: d.value })}
                  />
                </TableCell>
                <TableCell>
                  <DepartmentsInput
                    label={label("pane.col.departments", id)}
                    value={item.departments.join("、")}
                    onCommit={(text) => onChange(setDepartments(plan, id, text))}
                  />
                </TableCell>
                <TableCell>
                  <Button
                    size="small"
                    aria-label={t("pane.table.add", { no: item.no })}
                    title={t("pane.table.add", { no: item.no })}
                    onClick={() => onChange(addTarget(plan, id, t("pane.table.newMetric")))}
                  >
                    +
                  </Button>
                  <Button
                    size="small"
                    aria-label={t("pane.table.drop", { id })}
                    title={t("pane.table.drop", { id })}
                    onClick={() => onChange(dropTarget(plan, id))}
                  >
                    −
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
