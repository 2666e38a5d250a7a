/**
 * Runs the offline manifest validator (tools/office-addin-manifest/validate-manifest.sh, a copy of the
 * kit in ../shared/schemas kept in the repo so a clone validates on its own; xmllint underneath). `office-addin-manifest validate` needs a Microsoft web service, so it is not used.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const VALIDATOR = path.resolve(REPO_ROOT, "tools", "office-addin-manifest", "validate-manifest.sh");

export interface ValidationResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * @throws Error when the validator or xmllint is missing: the check must not pass by not running.
 */
export function validateManifestFile(file: string): ValidationResult {
  if (!fs.existsSync(VALIDATOR)) {
    throw new Error(`The manifest validator is missing at ${VALIDATOR}: restore tools/office-addin-manifest from git.`);
  }
  const which = spawnSync("sh", ["-c", "command -v xmllint"], { encoding: "utf8" });
  if (which.status !== 0) {
    const where = process.env.CI ? "CI must install it" : "install it";
    throw new Error(`xmllint is missing (${where}: apt-get install libxml2-utils); the manifest was not validated.`);
  }
  const run = spawnSync(VALIDATOR, [file], { encoding: "utf8", cwd: REPO_ROOT });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}
