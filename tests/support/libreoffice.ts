/**
 * LibreOffice Calc for integration tests: one headless listener per test file, driven over UNO by
 * tests/support/libreoffice/driver.py (run with Debian's /usr/bin/python3, the Python python3-uno is
 * built for).
 *
 *   describeWithLibreOffice("the ledger", (lo) => {
 *     it("recalculates", async () => {
 *       const [, cell] = await lo().run([{ op: "open", path }, { op: "getCell", sheet: "台账", cell: "B3" }]);
 *     });
 *   });
 *
 * When LibreOffice or python3-uno is missing, tests fail with the reason in CI (CI set) and are
 * reported as "todo" locally: a green CI run always means LibreOffice really ran.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

export const DRIVER = path.join(__dirname, "libreoffice", "driver.py");

// ---- operations and their results (mirrors driver.py) ----------------------------------------

export type SheetRef = string | number;
/** Ops that act on a document take its absolute path; default: the one opened last in the run, else the only open one. */
interface OnDoc {
  doc?: string;
}
interface OnSheet extends OnDoc {
  sheet: SheetRef;
}
interface OnCell extends OnSheet {
  cell: string;
}

export interface SheetInfo {
  index: number;
  name: string;
  visible: boolean;
  protected: boolean;
}
export type CellType = "empty" | "value" | "text" | "formula";
export interface CellInfo {
  value: number;
  /** The displayed text. */
  text: string;
  /** UNO formula ("=SUM(A1;B2)") or the constant as typed. */
  formula: string;
  type: CellType;
  resultType?: "value" | "text" | "error";
  /** LibreOffice error code (e.g. 503 for #NUM!, 532 for #DIV/0!), null when fine. */
  error?: number | null;
}
export interface RangeInfo {
  range: string;
  /** Numbers for numeric cells and results, strings for text. */
  values: Array<Array<number | string>>;
  /** Displayed texts; null everywhere when the op asked for `texts: false`. */
  texts: Array<Array<string | null>>;
  /** UNO formulas for formula cells, the typed constant otherwise, "" for empty cells. */
  formulas: string[][];
  types: CellType[][];
  errors: Array<Array<number | null>>;
}
export interface ValidationInfo {
  type: "any" | "whole" | "decimal" | "date" | "time" | "text_len" | "list" | "custom";
  operator: string;
  formula1: string;
  formula2: string;
  allowBlank: boolean;
  showList: number;
  showInput: boolean;
  inputTitle: string;
  inputMessage: string;
  showError: boolean;
  errorTitle: string;
  errorMessage: string;
  errorStyle: "stop" | "warning" | "info" | "macro";
}
export interface ProtectionInfo {
  locked: boolean;
  formulaHidden: boolean;
  sheetProtected: boolean;
}
export interface HighlightInfo {
  cell: string;
  /** The background shown after conditional formatting, "RRGGBB", or null for none. */
  background: string | null;
  /** The cell's own fill, without conditional formatting. */
  cellBackground: string | null;
  /** True when a conditional format changed the background. */
  conditional: boolean;
  fontColor: string | null;
  bold: boolean;
  text: string;
  /** False when Calc's HTML export left the cell out (hidden row/column, beyond the data area). */
  exported: boolean;
}
export interface ConditionalEntryInfo {
  type: "condition" | "colorScale" | "dataBar" | "iconSet" | "date";
  operator?: string;
  formula1?: string;
  formula2?: string;
  styleName?: string;
  background?: string | null;
  fontColor?: string | null;
}
export interface ConditionalFormatInfo {
  ranges: string;
  entries: ConditionalEntryInfo[];
}

interface OpTable {
  ping: { args: object; result: { product: string } };
  config: { args: object; result: { ooxmlRecalcMode: number; useLockFile: boolean } };
  /** recalc "always" (default) recomputes every formula on load; "never" shows the file's cached values. */
  open: {
    args: { path: string; recalc?: "always" | "never"; readOnly?: boolean };
    result: { loadSeconds: number; sheets: SheetInfo[] };
  };
  close: { args: OnDoc; result: Record<string, never> };
  closeAll: { args: object; result: { closed: number } };
  saveAs: { args: OnDoc & { path: string; filter?: string }; result: { path: string; bytes: number } };
  exportPdf: { args: OnSheet & { path: string }; result: { path: string; bytes: number } };
  setValue: { args: OnCell & { value: number }; result: Record<string, never> };
  setString: { args: OnCell & { value: string }; result: Record<string, never> };
  /** UNO syntax: English names, ';' between arguments. Non-formula text is taken as typed input. */
  setFormula: { args: OnCell & { formula: string }; result: Record<string, never> };
  clear: { args: OnSheet & { range: string }; result: Record<string, never> };
  calculateAll: { args: OnDoc; result: { seconds: number } };
  getCell: { args: OnCell; result: CellInfo };
  /** `texts: false` skips the displayed texts (one UNO call per numeric cell), for big ranges. */
  getRange: { args: OnSheet & { range: string; texts?: boolean }; result: RangeInfo };
  usedRange: { args: OnSheet; result: { range: string } };
  validation: { args: OnCell; result: ValidationInfo };
  protection: { args: OnCell; result: ProtectionInfo };
  sheets: { args: OnDoc; result: SheetInfo[] };
  namedRanges: { args: OnDoc; result: Array<{ name: string; content: string }> };
  conditionalFormats: { args: OnSheet; result: ConditionalFormatInfo[] };
  highlight: { args: OnSheet & ({ cell: string } | { range: string }); result: HighlightInfo[] };
}

export type OpName = keyof OpTable;
export type Op = { [K in OpName]: { op: K } & OpTable[K]["args"] }[OpName];
export type ResultOf<O> = O extends { op: infer K extends OpName } ? OpTable[K]["result"] : never;
export type Results<T extends readonly Op[]> = { -readonly [I in keyof T]: ResultOf<T[I]> };

// ---- availability ----------------------------------------------------------------------------

export type Availability = { available: true; soffice: string; python: string } | { available: false; reason: string };

export function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

const INSTALL_HINT =
  "install it with: apt-get install -y --no-install-recommends libreoffice-calc-nogui python3-uno fonts-noto-cjk";

function findSoffice(): string | undefined {
  const candidates = [process.env.SOFFICE, "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir) candidates.push(path.join(dir, "soffice"));
  return candidates.find((c): c is string => c !== undefined && c !== "" && isExecutable(c));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

let cachedAvailability: Availability | undefined;

/** Whether soffice and a Python with the uno module are installed (checked once per test file). */
export function checkLibreOffice(): Availability {
  if (cachedAvailability) return cachedAvailability;
  const soffice = findSoffice();
  const python = process.env.LO_PYTHON ?? "/usr/bin/python3";
  if (!soffice) {
    cachedAvailability = { available: false, reason: `LibreOffice (soffice) not found; ${INSTALL_HINT}` };
  } else if (!isExecutable(python)) {
    cachedAvailability = { available: false, reason: `${python} not found; ${INSTALL_HINT}` };
  } else {
    const probe = spawnSync(python, ["-c", "import uno"], { encoding: "utf8", timeout: 30_000 });
    cachedAvailability =
      probe.status === 0
        ? { available: true, soffice, python }
        : {
            available: false,
            reason: `${python} cannot import uno (python3-uno missing?): ${(probe.stderr || String(probe.error ?? "")).trim()}; ${INSTALL_HINT}`,
          };
  }
  return cachedAvailability;
}

/**
 * Returns true when LibreOffice can be used. When it is missing: throws in CI (process.env.CI set),
 * so the suite fails with the reason; returns false locally, where the caller may leave the tests out.
 * @throws Error in CI when LibreOffice or python3-uno is missing.
 */
export function requireLibreOffice(): boolean {
  const check = checkLibreOffice();
  if (check.available) return true;
  if (isCi()) throw new Error(`LibreOffice integration tests cannot run in CI: ${check.reason}`);
  return false;
}

/**
 * describe() with one LibreOffice listener shared by the block's tests (started in beforeAll,
 * stopped in afterAll). `lo()` returns the running instance inside tests.
 * Missing LibreOffice: a failing test in CI, a "todo" entry locally.
 */
export function describeWithLibreOffice(title: string, body: (lo: () => LibreOffice) => void): void {
  const check = checkLibreOffice();
  if (!check.available) {
    describe(title, () => {
      if (isCi()) {
        it("has LibreOffice and python3-uno installed", () => {
          requireLibreOffice();
        });
      } else {
        it.todo(`needs LibreOffice (not run here: ${check.reason})`);
      }
    });
    return;
  }
  describe(title, () => {
    let instance: LibreOffice | undefined;
    beforeAll(async () => {
      instance = await startLibreOffice();
    });
    // Each test starts without open documents, whatever the previous one left behind.
    afterEach(async () => {
      await instance?.run([{ op: "closeAll" }]);
    });
    afterAll(async () => {
      await instance?.stop();
    });
    body(() => {
      if (!instance) throw new Error("LibreOffice did not start (see the beforeAll error)");
      return instance;
    });
  });
}

// ---- the listener ----------------------------------------------------------------------------

export interface LibreOffice {
  port: number;
  profileDir: string;
  /** Milliseconds from spawning soffice to the first successful UNO connection. */
  startMs: number;
  run<const T extends readonly Op[]>(ops: T): Promise<Results<T>>;
  stop(): Promise<void>;
}

export class LibreOfficeError extends Error {
  constructor(
    message: string,
    readonly opIndex: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "LibreOfficeError";
  }
}

/** The profile switches that a run needs before the first document loads. */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseDocumentOOoLockFile" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseDocumentSystemFileLocking" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

interface DriverReply {
  ok: boolean;
  error?: string;
  opIndex?: number;
  results: unknown[];
}

function runDriver(
  python: string,
  args: string[],
  input: string,
  timeoutMs: number,
): Promise<{ reply: DriverReply; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [DRIVER, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`LibreOffice driver timed out after ${timeoutMs} ms; stderr: ${stderr.trim()}`));
    }, timeoutMs);
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (stdout += chunk));
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${python}: ${error.message}`, { cause: error }));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const last = stdout.trim().split("\n").pop() ?? "";
      try {
        resolve({ reply: JSON.parse(last) as DriverReply, stderr });
      } catch (error) {
        reject(
          new Error(`LibreOffice driver exited ${code} without a JSON reply; stdout: ${stdout}; stderr: ${stderr}`, {
            cause: error,
          }),
        );
      }
    });
    child.stdin.end(input);
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

/**
 * Starts one headless soffice listener on a free port with a fresh private profile and waits (at
 * most `timeoutMs`) until the UNO driver connects.
 * @throws Error when LibreOffice is missing, exits early or does not answer in time.
 */
export async function startLibreOffice(options: { timeoutMs?: number } = {}): Promise<LibreOffice> {
  const check = checkLibreOffice();
  if (!check.available) throw new Error(check.reason);
  const { soffice, python } = check;
  const timeoutMs = options.timeoutMs ?? 90_000;
  const port = await freePort();
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  fs.mkdirSync(path.join(profileDir, "user"));
  fs.writeFileSync(path.join(profileDir, "user", "registrymodifications.xcu"), REGISTRY);
  const started = Date.now();
  const child = spawn(
    soffice,
    [
      "--headless",
      "--invisible",
      "--nologo",
      "--norestore",
      "--nodefault",
      "--nolockcheck",
      `-env:UserInstallation=file://${profileDir}`,
      `--accept=socket,host=127.0.0.1,port=${port};urp;`,
    ],
    // Own process group, so stop() ends oosplash and soffice.bin together.
    { detached: true, stdio: ["ignore", "ignore", "pipe"] },
  );
  let sofficeErr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => (sofficeErr += chunk));

  const killGroup = async (): Promise<void> => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const pid = child.pid;
    const signal = (sig: NodeJS.Signals): void => {
      try {
        process.kill(-pid, sig);
      } catch {
        // the group is already gone
      }
    };
    signal("SIGTERM");
    const killTimer = setTimeout(() => signal("SIGKILL"), 5_000);
    await exited(child);
    clearTimeout(killTimer);
    // soffice.bin may outlive the launcher for a moment; make sure the group is gone.
    signal("SIGKILL");
  };
  const removeProfile = (): void => fs.rmSync(profileDir, { recursive: true, force: true });

  // Wait for the listener: the driver retries the connection every 0.1 s up to the deadline, and
  // an early exit of soffice ends the wait at once.
  const earlyExit = exited(child).then(() => {
    throw new Error(`soffice exited with ${child.exitCode ?? child.signalCode} before listening: ${sofficeErr.trim()}`);
  });
  try {
    const { reply, stderr } = await Promise.race([
      runDriver(
        python,
        ["--port", String(port), "--connect-timeout", String(timeoutMs / 1000)],
        '[{"op":"ping"}]',
        timeoutMs + 10_000,
      ),
      earlyExit,
    ]);
    if (!reply.ok) throw new Error(`LibreOffice did not answer on port ${port}: ${reply.error ?? ""} ${stderr}`);
  } catch (error) {
    await killGroup();
    removeProfile();
    throw error;
  }
  earlyExit.catch(() => undefined);
  const startMs = Date.now() - started;

  return {
    port,
    profileDir,
    startMs,
    async run<const T extends readonly Op[]>(ops: T): Promise<Results<T>> {
      const { reply, stderr } = await runDriver(python, ["--port", String(port)], JSON.stringify(ops), 300_000);
      if (!reply.ok) {
        const index = reply.opIndex ?? -1;
        const op = index >= 0 ? JSON.stringify(ops[index]) : "(connect)";
        throw new LibreOfficeError(`LibreOffice op #${index} ${op} failed: ${reply.error ?? "?"} ${stderr}`, index);
      }
      return reply.results as Results<T>;
    },
    async stop(): Promise<void> {
      await killGroup();
      removeProfile();
    },
  };
}
