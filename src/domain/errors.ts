/**
 * One error class for every failure the core reports, with a stable `code` and the parameters needed
 * to explain it. The UI and the CLI turn `code` + `params` into a message in the user's language
 * (src/i18n, keys "error.<code>").
 */
export type ErrorCode =
  | "file-not-found"
  | "file-unreadable"
  | "binary-file"
  | "file-too-large"
  | "plan-json-invalid"
  | "plan-json-syntax"
  | "plan-json-version"
  | "bad-month"
  | "output-exists"
  | "output-unwritable"
  | "not-a-ledger"
  | "not-xlsx"
  | "xlsx-corrupt"
  | "xlsx-too-large"
  | "exchange-no-plan"
  | "exchange-not-master"
  | "exchange-other-plan"
  | "exchange-other-year"
  | "exchange-not-department-copy"
  | "exchange-entry-errors"
  | "exchange-no-meta"
  | "internal";

export type ErrorParams = Record<string, string | number>;

export class PlanLedgerError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(`${code}: ${JSON.stringify(params)}`, options);
    this.name = "PlanLedgerError";
    this.code = code;
    this.params = params;
  }
}

export function isPlanLedgerError(error: unknown): error is PlanLedgerError {
  return error instanceof PlanLedgerError;
}
