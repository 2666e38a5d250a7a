/**
 * The structured plan: what `plan-ledger parse --json` prints and every command takes back.
 * The JSON form is versioned (see planJson.ts); change a field here and the schema there together.
 */

/** How the reported figure is compared with the target value. */
export type Comparator = ">=" | "<=" | ">" | "=" | "range";

/** What "on track" means for a target (../shared/DOMAIN.md, "Kinds of target"). */
export type TargetKind = "cumulative" | "balance-increase" | "rate" | "cap" | "range" | "exceeding" | "milestone";

export const TARGET_KINDS: readonly TargetKind[] = [
  "cumulative",
  "balance-increase",
  "rate",
  "cap",
  "range",
  "exceeding",
  "milestone",
];

export const COMPARATORS: readonly Comparator[] = [">=", "<=", ">", "=", "range"];

export interface Target {
  /** `<item key>.<n>`: item 2, first target = "2.1". The same text always gives the same ids. */
  id: string;
  /** What is counted, a short phrase ("新增金融机构"). */
  metric: string;
  comparator: Comparator;
  /** The target value; `null` for milestones (done / not done). For ranges, the lower bound. */
  value: number | null;
  /** Upper bound of a range, otherwise `null`. */
  max: number | null;
  /** As written in the plan: 家, 亿元, %, 万平方米 … ("" when none). */
  unit: string;
  kind: TargetKind;
  /** ISO date (YYYY-MM-DD) by which the target is due. */
  deadline: string;
  /** Id of the target this is a 其中 sub-target of, otherwise `null`. */
  parent: string | null;
  /** The exact substring of the plan text the target came from. */
  source: string;
  /** 1-based line of the plan text where `source` starts (0 when the target was added by hand). */
  line: number;
}

export interface PlanItem {
  /** The item's number as written, normalised to Arabic digits where it was a numeral ("2", "3"). */
  no: string;
  /** The lead phrase ("深化金融协调服务"). */
  title: string;
  /** The full text of the item, continuation lines joined. */
  text: string;
  /** 牵头单位 / 责任单位 named by the text. */
  departments: string[];
  /** 配合单位 named by the text. */
  partners: string[];
  targets: Target[];
  /** 1-based line where the item starts. */
  line: number;
}

export interface PlanSection {
  /** The section's number as written ("一", "二" …; "" for the implicit section of an unsectioned plan). */
  no: string;
  title: string;
  items: PlanItem[];
  line: number;
}

export type DiagnosticSeverity = "info" | "warning" | "error";

/** Something the parser noticed. The UI and CLI render it in the user's language from `code` + `params`. */
export interface Diagnostic {
  /** 1-based line of the plan text (0 when the whole input is meant). */
  line: number;
  code: DiagnosticCode;
  severity: DiagnosticSeverity;
  params: Record<string, string | number>;
}

export type DiagnosticCode =
  | "empty-input"
  | "binary-input"
  | "no-numbering"
  | "no-targets"
  | "ignored-line"
  | "preamble"
  | "numbering-gap"
  | "numbering-duplicate"
  | "number-without-unit"
  | "year-not-found"
  | "table-header";

export interface Plan {
  title: string;
  /** The plan year (from the title, else the text, else the caller's default). */
  year: number;
  sections: PlanSection[];
  diagnostics: Diagnostic[];
}

/** Every target of the plan in document order, with the item and section it belongs to. */
export interface TargetRow {
  target: Target;
  item: PlanItem;
  section: PlanSection;
}

export function listTargets(plan: Plan): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const section of plan.sections) {
    for (const item of section.items) {
      for (const target of item.targets) rows.push({ target, item, section });
    }
  }
  return rows;
}
