import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT, validateManifestFile } from "../../support/manifestValidator";

const MANIFEST = path.join(REPO_ROOT, "manifest.xml");
const xml = fs.readFileSync(MANIFEST, "utf8");

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("passes the offline XSD validation", () => {
    const result = validateManifestFile(MANIFEST);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("manifest OK");
    expect(result.status).toBe(0);
  });

  it("is rejected by the validator when an element is out of place (the check can fail)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
    const broken = path.join(dir, "manifest.xml");
    fs.writeFileSync(
      broken,
      xml.replace("<Version>0.1.0.0</Version>", "<Version>0.1.0.0</Version><Version>2</Version>"),
    );
    const result = validateManifestFile(broken);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("manifest INVALID");
  });

  it("is a task-pane add-in for workbooks that requires ExcelApi 1.7", () => {
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
  });

  it("puts a 工作台账 button on the Home tab that shows the task pane, with an English override", () => {
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toContain('<Action xsi:type="ShowTaskpane">');
    expect(xml).toMatch(
      /<bt:String id="Button.Label" DefaultValue="工作台账">\s*<bt:Override Locale="en-US" Value="Plan Ledger"\/>/,
    );
    expect(xml).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
  });

  it.each([16, 32, 64, 80])("ships a real PNG icon of %i px that the manifest names", (size) => {
    const file = path.join(REPO_ROOT, "assets", "icons", `icon-${size}.png`);
    expect(pngSize(file)).toEqual({ width: size, height: size });
    expect(xml).toContain(`/assets/icons/icon-${size}.png`);
  });
});
