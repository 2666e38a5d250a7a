import { PlanLedgerError } from "../../../src/domain/errors";
import { decodePlanBytes } from "../../../src/domain/plan/decode";
import { readFileSync } from "node:fs";
import { fixturePath } from "../../support/planFixtures";

describe("decodePlanBytes", () => {
  it("reads UTF-8, with or without a BOM", () => {
    const bytes = new TextEncoder().encode("工作要点");
    expect(decodePlanBytes(bytes, "a.txt")).toEqual({ text: "工作要点", encoding: "utf-8" });
    expect(decodePlanBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), "a.txt").text).toBe("工作要点");
  });

  it("detects GBK and reads it as GB18030", () => {
    const decoded = decodePlanBytes(readFileSync(fixturePath("sample-gbk.txt")), "sample-gbk.txt");
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.text).toContain("新增就业岗位一千个（市人社局）");
  });

  it("reads UTF-16 with a BOM", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("计划", "utf16le")]);
    expect(decodePlanBytes(le, "a.txt")).toEqual({ text: "计划", encoding: "utf-16le" });
  });

  it("refuses binary files with the file's name", () => {
    expect(() => decodePlanBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), "book.xlsx")).toThrow(
      new PlanLedgerError("binary-file", { file: "book.xlsx" }),
    );
  });
});
