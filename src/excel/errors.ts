/**
 * Failures of the Office.js adapter, with a stable `code` and the parameters the task pane needs to
 * say what happened and what to do (src/i18n keys "addin.error.<code>"). Host errors are kept as `cause`.
 */
export type AddinErrorCode = "excel-sync-timeout" | "excel-request-failed" | "sheet-protected" | "sheet-name-taken";

export type AddinErrorParams = Record<string, string | number>;

export class AddinError extends Error {
  readonly code: AddinErrorCode;
  readonly params: AddinErrorParams;

  constructor(code: AddinErrorCode, params: AddinErrorParams = {}, options?: { cause?: unknown }) {
    super(`${code}: ${JSON.stringify(params)}`, options);
    this.name = "AddinError";
    this.code = code;
    this.params = params;
  }
}

export function isAddinError(error: unknown): error is AddinError {
  return error instanceof AddinError;
}
