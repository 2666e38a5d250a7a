/**
 * The part of the Excel JavaScript API that the adapter uses, as narrow structural interfaces.
 * The real `Excel.RequestContext` satisfies them (checked at compile time in officeLedgerPort.ts);
 * the strict fake in tests/support/fakeExcel implements them. Plain data types (validation rules,
 * protection options) are Excel's own.
 */

export type LoadArg = string | string[];

export interface Loadable {
  load(propertyNames: LoadArg): unknown;
}

export interface NullableObject extends Loadable {
  readonly isNullObject: boolean;
}

export interface FillLike {
  color: string;
  clear(): void;
}

export interface FontLike {
  bold: boolean;
  italic: boolean;
  color: string;
  size: number;
  name: string;
}

export type BorderIndexName =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

export interface BorderLike {
  style:
    | Excel.BorderLineStyle
    | "None"
    | "Continuous"
    | "Dash"
    | "DashDot"
    | "DashDotDot"
    | "Dot"
    | "Double"
    | "SlantDashDot";
  color: string;
  weight: Excel.BorderWeight | "Hairline" | "Thin" | "Medium" | "Thick";
}

export interface BordersLike {
  getItem(index: BorderIndexName): BorderLike;
}

export interface RangeFormatLike {
  fill: FillLike;
  font: FontLike;
  borders: BordersLike;
  horizontalAlignment:
    | Excel.HorizontalAlignment
    | "General"
    | "Left"
    | "Center"
    | "Right"
    | "Fill"
    | "Justify"
    | "CenterAcrossSelection"
    | "Distributed";
  verticalAlignment: Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed";
  wrapText: boolean;
  /** Points, not characters. */
  columnWidth: number;
  rowHeight: number;
  protection: { locked: boolean };
}

export interface ConditionalRangeFormatLike {
  fill: FillLike;
  font: { bold: boolean; color: string };
}

export interface ConditionalFormatLike {
  custom: { rule: { formula: string }; format: ConditionalRangeFormatLike };
  stopIfTrue: boolean;
}

export interface ConditionalFormatCollectionLike {
  add(type: "Custom"): ConditionalFormatLike;
  clearAll(): void;
}

export interface DataValidationLike {
  rule: Excel.DataValidationRule;
  ignoreBlanks: boolean;
  prompt: Excel.DataValidationPrompt;
  errorAlert: Excel.DataValidationErrorAlert;
  clear(): void;
}

export interface RangeLike extends NullableObject {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  columnHidden: boolean;
  format: RangeFormatLike;
  conditionalFormats: ConditionalFormatCollectionLike;
  dataValidation: DataValidationLike;
  merge(across?: boolean): void;
  unmerge(): void;
  clear(applyTo?: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks"): void;
  /** Selects the range in Excel's UI (activating its sheet). */
  select(): void;
}

export interface WorksheetProtectionLike {
  readonly protected: boolean;
  /** ExcelApi 1.2: what the protection allows (to protect again with the same options). */
  readonly options: Excel.WorksheetProtectionOptions;
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
}

export interface FreezePanesLike {
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  freezeAt(frozenRange: string): void;
  unfreeze(): void;
}

export interface WorksheetLike extends NullableObject {
  name: string;
  position: number;
  visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  protection: WorksheetProtectionLike;
  freezePanes: FreezePanesLike;
  getRange(address?: string): RangeLike;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  activate(): void;
}

export interface WorksheetCollectionLike extends Loadable {
  readonly items: WorksheetLike[];
  add(name?: string): WorksheetLike;
  getItemOrNullObject(key: string): WorksheetLike;
}

export interface NamedItemLike {
  readonly name: string;
  delete(): void;
}

export interface NamedItemCollectionLike extends Loadable {
  readonly items: NamedItemLike[];
  add(name: string, reference: string, comment?: string): unknown;
  getItem(name: string): NamedItemLike;
}

export interface SettingLike extends NullableObject {
  value: unknown;
}

export interface SettingCollectionLike {
  add(key: string, value: string): unknown;
  getItemOrNullObject(key: string): SettingLike;
}

export interface WorkbookLike {
  worksheets: WorksheetCollectionLike;
  names: NamedItemCollectionLike;
  settings: SettingCollectionLike;
  properties: { title: string; author: string };
  application: { calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void };
}

export interface ExcelContextLike {
  workbook: WorkbookLike;
  sync(): Promise<unknown>;
}

/** Optional features, detected once with `Office.context.requirements.isSetSupported`. */
export interface ExcelCapabilities {
  /** ExcelApi 1.8: data validation. */
  dataValidation: boolean;
  /** ExcelApi 1.8: `Excel.createWorkbook(base64)`. */
  createWorkbook: boolean;
}
