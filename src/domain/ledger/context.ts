/** What every sheet builder of the ledger shares: labels, settings and the computed target rows. */
import type { Locale, Translate } from "../../i18n";
import type { Plan, PlanItem, PlanSection, Target } from "../plan/types";
import type { LedgerLabels } from "./layout";
import type { LedgerSettings, MonthlyValue, RowComputation } from "./status";

export interface LedgerOptions {
  lang: Locale;
  /** 1 … 12: the month being reported; written to 设置 and used for the cached values. */
  reportMonth: number;
  /** The plan year; defaults to `plan.year`. */
  year?: number;
  /** Sheet protection password; none by default (protection prevents accidents, not people). */
  password?: string;
  /** ISO timestamp of generation, passed in: the core never reads the clock. */
  generatedAt: string;
  /** The department a department copy is made for: cover, metadata, and the 责任单位 of targets the plan assigns to no one. */
  department?: string;
  /** Extra names for the 责任单位 list, after those the plan names. */
  departments?: string[];
  /** Traffic-light thresholds in percentage points; default 10 / 30. */
  thresholds?: { yellow: number; red: number };
  /**
   * Monthly figures already reported, by target id (index 0 = January): written into the input cells
   * with cached results computed from them. Absent: an empty ledger.
   */
  monthly?: Record<string, readonly MonthlyValue[]>;
  /**
   * 责任单位 per target id, overriding the plan's item departments: what a supervisor picked on 计划
   * (a merge or a department copy rebuilds the workbook from it). "" means deliberately unassigned.
   */
  assignments?: Record<string, string>;
  /** 进展情况 / 存在问题 / 下步打算 already written, by target id. */
  narratives?: Record<string, Narrative>;
  /** Only these targets get rows (a department's copy); absent: every target of the plan. */
  targetIds?: readonly string[];
  /**
   * Write the plan JSON into _meta (default true): a master needs it to be split and merged; a
   * department copy does not (the merge uses the master's), and 60 copies of a large plan would
   * otherwise each carry it.
   */
  embedPlan?: boolean;
}

/** The three text columns a department writes for the report month. */
export interface Narrative {
  progress: string;
  problems: string;
  nextSteps: string;
}

export interface LedgerRow {
  target: Target;
  item: PlanItem;
  section: PlanSection;
  /** "一、…" as the 部分 column and the summary show it. */
  sectionLabel: string;
  department: string;
  partners: string;
  monthly: readonly MonthlyValue[];
  narrative: Narrative | undefined;
  computed: RowComputation;
}

export interface BuildContext {
  t: Translate;
  labels: LedgerLabels;
  settings: LedgerSettings;
  options: LedgerOptions;
  planTitle: string;
  /** The whole plan (not only the rows of a department copy): the metadata sheet carries it. */
  plan: Plan;
  rows: LedgerRow[];
  /** 责任单位 list as written to 设置, and how many rows it has room for. */
  departments: string[];
  departmentCapacity: number;
  /** Sheet names quoted for references: '台账'. */
  quoted: { plan: string; ledger: string; settings: string };
}
