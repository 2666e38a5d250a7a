import JSZip from "jszip";
import { PlanLedgerError } from "../../../src/domain/errors";
import { checkXlsxPackage, DEFAULT_ZIP_LIMITS } from "../../../src/domain/exchange/zipCheck";
import { buildLedger } from "../../../src/domain/ledger/buildLedger";
import { writeWorkbookXlsx } from "../../../src/xlsx/writeWorkbookXlsx";
import { translator, type MessageKey } from "../../../src/i18n";
import { makePlan } from "../../support/builders";

const zh = translator("zh-CN");
const en = translator("en-US");

function failure(bytes: Uint8Array, limits = DEFAULT_ZIP_LIMITS): PlanLedgerError {
  try {
    checkXlsxPackage(bytes, "报送.xlsx", limits);
  } catch (error) {
    if (error instanceof PlanLedgerError) return error;
    throw error;
  }
  throw new Error("accepted");
}

const message = (e: PlanLedgerError, t = zh): string => t(`error.${e.code}` as MessageKey, e.params);

describe("checkXlsxPackage", () => {
  let xlsx: Uint8Array;
  beforeAll(async () => {
    xlsx = await writeWorkbookXlsx(
      buildLedger(makePlan(), { lang: "zh-CN", reportMonth: 6, generatedAt: "2011-07-01T08:00:00.000Z" }),
    );
  });

  it("lists the parts of a ledger with their declared sizes", () => {
    const entries = checkXlsxPackage(xlsx, "a.xlsx");
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml"]));
    expect(entries.find((e) => e.name === "xl/workbook.xml")!.uncompressedSize).toBeGreaterThan(100);
  });

  it("refuses text, and says so in both languages", () => {
    const e = failure(new TextEncoder().encode("这不是表格"));
    expect(message(e)).toBe(
      "“报送.xlsx”不是可读取的 .xlsx 工作簿（not a zip package）。请用 Excel、WPS 或 LibreOffice 另存为 .xlsx 后再试。",
    );
    expect(message(e, en)).toBe(
      "“报送.xlsx” is not a readable .xlsx workbook (not a zip package). Save it as .xlsx in Excel, WPS or LibreOffice and try again.",
    );
  });

  it("recognises an old .xls", () => {
    expect(failure(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])).params.reason).toBe(
      "Excel 97-2003 (.xls)",
    );
  });

  it("refuses a truncated file as damaged", () => {
    const e = failure(xlsx.subarray(0, Math.floor(xlsx.length / 2)));
    expect(message(e)).toBe(
      "“报送.xlsx”已损坏或不完整（end of the zip directory not found），无法读取。请让报送单位重新保存为 .xlsx 后再发。",
    );
  });

  it("refuses a file whose zip directory points past its end", () => {
    const broken = new Uint8Array(xlsx);
    const eocd = broken.length - 22;
    broken[eocd + 16] = 0xff;
    broken[eocd + 17] = 0xff;
    broken[eocd + 18] = 0xff;
    expect(failure(broken).code).toBe("xlsx-corrupt");
  });

  it("refuses a package that declares more than the limit unpacked, before inflating it", () => {
    const e = failure(xlsx, { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 10_000 });
    expect(e.code).toBe("xlsx-too-large");
    expect(Number(e.params.size)).toBeGreaterThan(10_000);
    expect(message(e)).toMatch(/^“报送\.xlsx”解压后有 \d+ 字节，超过上限 10000 字节，未读取。/);
  });

  it("refuses a zip bomb by its declared sizes", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/workbook.xml", "0".repeat(20_000_000));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bytes.length).toBeLessThan(100_000);
    expect(failure(bytes, { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 10_000_000 }).code).toBe("xlsx-too-large");
  });

  it("refuses a zip that holds no workbook", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w/>");
    const e = failure(await zip.generateAsync({ type: "uint8array" }));
    expect([e.code, e.params.reason]).toEqual(["not-xlsx", "a zip package without a workbook"]);
  });
});
