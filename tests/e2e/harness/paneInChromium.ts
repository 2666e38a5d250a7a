/**
 * The shared set-up of every end-to-end file: the production pane built and served on 127.0.0.1, and
 * Debian's Chromium (no browser downloads) launched headless. Fails, never skips, without Chromium.
 */
import * as fs from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import type { WorkbookSnapshot } from "../../support/fakeExcel";
import { servePane, type Served } from "./harnessServer";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface PaneInChromium {
  served(): Served;
  browser(): Browser;
}

/** Registers beforeAll/afterAll for the file and gives the server and the browser. */
export function paneInChromium(): PaneInChromium {
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is missing at ${CHROMIUM}${process.env.CI ? " (CI must install it)" : ""}: apt-get install chromium`,
      );
    }
    served = await servePane();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Without the background-networking flags Chromium keeps calling hosts this machine cannot reach.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (served) fs.rmSync(served.dir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the pane or Chromium did not start (see the beforeAll error)");
    return value;
  };
  return { served: () => started(served), browser: () => started(browser) };
}

interface FakeExcelGlobal {
  __fakeExcel: { snapshot(): WorkbookSnapshot; syncs(): number };
}

/** The fake workbook's state as the page sees it. */
export function snapshot(page: Page): Promise<WorkbookSnapshot> {
  return page.evaluate(() => (window as unknown as FakeExcelGlobal).__fakeExcel.snapshot());
}

/** How many context.sync() calls the page has made so far. */
export function syncs(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as FakeExcelGlobal).__fakeExcel.syncs());
}
