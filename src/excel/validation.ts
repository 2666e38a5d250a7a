/** Data validation of the description in Office.js terms (ExcelApi 1.8). */
import type { ValidationOperator, ValidationSpec } from "../domain/workbook/spec";

const OPERATORS: Record<ValidationOperator, Excel.BasicDataValidation["operator"]> = {
  between: "Between",
  notBetween: "NotBetween",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
};

const ALERT_STYLES = { stop: "Stop", warning: "Warning", information: "Information" } as const;

export interface ValidationSettings {
  rule: Excel.DataValidationRule;
  ignoreBlanks: boolean;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
}

/** A number stays a number; a formula gets its "=". */
function bound(value: number | string): number | string {
  return typeof value === "number" ? value : `=${value}`;
}

export function validationSettings(v: ValidationSpec): ValidationSettings {
  const { rule } = v;
  let excelRule: Excel.DataValidationRule;
  if (rule.type === "list") {
    // List sources split on commas whatever the locale; a reference or a defined name gets its "=".
    const source = typeof rule.source === "string" ? `=${rule.source}` : rule.source.join(",");
    excelRule = { list: { inCellDropDown: true, source } };
  } else if (rule.type === "custom") {
    excelRule = { custom: { formula: `=${rule.formula}` } };
  } else {
    const basic: Excel.BasicDataValidation = { operator: OPERATORS[rule.operator], formula1: bound(rule.formula1) };
    if (rule.formula2 !== undefined) basic.formula2 = bound(rule.formula2);
    excelRule = rule.type === "decimal" ? { decimal: basic } : { wholeNumber: basic };
  }
  const settings: ValidationSettings = { rule: excelRule, ignoreBlanks: v.allowBlank };
  if (v.prompt) settings.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  if (v.error) {
    settings.errorAlert = {
      showAlert: true,
      style: ALERT_STYLES[v.error.style],
      title: v.error.title,
      message: v.error.message,
    };
  }
  return settings;
}
