/**
 * A description of a whole workbook, independent of any spreadsheet API: what `buildLedger` returns
 * and what every renderer (src/xlsx with ExcelJS, src/excel with Office.js) applies as it is.
 * Nothing about the layout is decided inside a renderer: if a renderer needs a choice, add it here.
 *
 * Conventions:
 * - rows and columns are 0-based in arrays; ranges and references are A1 strings ("B3:M40").
 * - formulas are English, comma-separated, without the leading "=" (ExcelJS style); the Office.js
 *   renderer adds "=". Conditional-format formulas are relative to the top-left cell of their range.
 * - colours are "RRGGBB" hex without "#".
 */

export type CellValue = string | number | boolean | null;

export interface CellSpec {
  /** The value, or for a formula cell the cached result a spreadsheet would compute. */
  value: CellValue;
  /** English formula without "="; absent for constants. */
  formula?: string;
  /** Key into `WorkbookSpec.styles`; absent means the workbook default (locked, General). */
  style?: string;
}

export interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
  name?: string;
}

export interface AlignmentSpec {
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrapText?: boolean;
}

export interface StyleSpec {
  font?: FontSpec;
  /** Solid background fill. */
  fill?: string;
  /** Excel number format code ("0.00", "0%", "@", "yyyy-mm-dd"). */
  numberFormat?: string;
  alignment?: AlignmentSpec;
  /** Thin border on all four sides, in this colour. */
  border?: string;
  /** Cell protection: false for input cells. Defaults to true, as in Excel. */
  locked?: boolean;
}

export interface ColumnSpec {
  /** Width in characters (Excel's column width unit). */
  width: number;
  hidden?: boolean;
}

export type ValidationOperator =
  | "between"
  | "notBetween"
  | "equal"
  | "notEqual"
  | "greaterThan"
  | "lessThan"
  | "greaterThanOrEqual"
  | "lessThanOrEqual";

export interface ValidationMessage {
  title: string;
  message: string;
}

export type ValidationRule =
  | {
      type: "decimal" | "whole";
      operator: ValidationOperator;
      /** A number or an English formula without "=". */
      formula1: number | string;
      formula2?: number | string;
    }
  | {
      type: "list";
      /** A range reference or defined name without "=" ("部门列表"), or literal choices. */
      source: string | readonly string[];
    }
  | {
      type: "custom";
      formula: string;
    };

export interface ValidationSpec {
  /** One rectangular range; rules are written per range, never per cell. */
  range: string;
  rule: ValidationRule;
  allowBlank: boolean;
  prompt?: ValidationMessage;
  error?: ValidationMessage & { style: "stop" | "warning" | "information" };
}

export interface HighlightStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface ConditionalRuleSpec {
  /** English expression without "=", relative to the top-left cell of the range, anchored with $. */
  formula: string;
  style: HighlightStyle;
  /** Stop evaluating later rules when this one matches (LibreOffice does so always). */
  stopIfTrue: boolean;
}

export interface ConditionalFormatSpec {
  range: string;
  /** In priority order: the first rule is the one that must win. */
  rules: ConditionalRuleSpec[];
}

export interface ProtectionSpec {
  /** Optional password; none by default (protection prevents accidents, not people). */
  password?: string;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowSort: boolean;
  allowAutoFilter: boolean;
}

export interface PrintSpec {
  orientation: "portrait" | "landscape";
  paperSize: "A4";
  /** Fit to this many pages wide (0 = no limit). */
  fitToWidth: number;
  /** Fit to this many pages tall (0 = as many as needed). */
  fitToHeight: number;
  /** Rows repeated at the top of each page ("1:3"). */
  printTitleRows?: string;
  header?: string;
  footer?: string;
}

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetSpec {
  name: string;
  state: SheetState;
  tabColor?: string;
  /** Dense rows from A1: `rows[r][c]`; `null` is an empty, default-styled cell. */
  rows: Array<Array<CellSpec | null>>;
  columns: ColumnSpec[];
  /** Row heights in points, by 0-based row index; absent rows keep the default height. */
  rowHeights?: Record<number, number>;
  merges: string[];
  frozen?: { rows: number; columns: number };
  autoFilter?: string;
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  /** Absent: the sheet is not protected. */
  protection?: ProtectionSpec;
  print?: PrintSpec;
}

export interface DefinedNameSpec {
  name: string;
  /** Absolute reference with the sheet name quoted: "'设置'!$B$3". */
  ref: string;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  styles: Record<string, StyleSpec>;
  definedNames: DefinedNameSpec[];
  properties: {
    title: string;
    creator: string;
    /** ISO timestamp. */
    created: string;
  };
  /** Ask the application to recalculate every formula when the file is opened. */
  fullCalcOnLoad: boolean;
  /** Index into `sheets` of the sheet shown first. */
  activeSheet: number;
}
