/**
 * The end-to-end harness's stand-in for office.js: a fake `Office` and `Excel` over the strict fake
 * workbook (tests/support/fakeExcel), bundled for the browser. The page's query string sets the
 * host: ?lang=en-US&dark=1&api=7. The test reads the workbook through window.__fakeExcel.
 */
import { FakeExcelContext, newState, snapshotWorkbook, type WorkbookSnapshot } from "../../support/fakeExcel";
import type { ExcelContextLike } from "../../../src/excel/excelApi";

const params = new URLSearchParams(window.location.search);
const apiVersion = Number(params.get("api") ?? "20");
const state = newState(["Sheet1"]);
let syncs = 0;

interface FakeExcelHandle {
  snapshot(): WorkbookSnapshot;
  syncs(): number;
  settings(): Record<string, unknown>;
  /** Sizes (base64 characters) of the workbooks opened with Excel.createWorkbook. */
  created(): number[];
}

const handle: FakeExcelHandle = {
  snapshot: () => snapshotWorkbook(state),
  syncs: () => syncs,
  settings: () => Object.fromEntries(state.settings),
  created: () => [...created],
};

const office = {
  onReady: (callback?: () => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    callback?.();
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: params.get("lang") ?? "zh-CN",
    officeTheme: {
      isDarkTheme: params.get("dark") === "1",
      bodyBackgroundColor: params.get("dark") === "1" ? "#292929" : "#ffffff",
    },
    requirements: {
      isSetSupported: (name: string, version?: string) =>
        name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= apiVersion,
    },
  },
};

const created: number[] = [];

const excel = {
  createWorkbook: async (base64: string): Promise<void> => {
    // Strict like the host: Excel.createWorkbook exists from ExcelApi 1.8 on.
    if (apiVersion < 8) throw new Error("ApiNotFound: Excel.createWorkbook requires ExcelApi 1.8");
    if (!/^[A-Za-z0-9+/]+=*$/.test(base64) || !atob(base64.slice(0, 4)).startsWith("PK")) {
      throw new Error("InvalidArgument: Excel.createWorkbook takes the base64 of an .xlsx file");
    }
    created.push(base64.length);
  },
  run: async <T>(batch: (context: ExcelContextLike) => Promise<T>): Promise<T> => {
    const context = new FakeExcelContext({ apiVersion, state });
    try {
      return await batch(context);
    } finally {
      syncs += context.syncCount;
    }
  },
};

Object.assign(window, { Office: office, Excel: excel, __fakeExcel: handle });
