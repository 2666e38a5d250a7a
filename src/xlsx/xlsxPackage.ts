/**
 * The two facts ExcelJS 4.4 cannot carry, handled on the zip package directly:
 * - `stopIfTrue` on conditional-format rules (ExcelJS's cf-rule writer has no such attribute);
 * - `fullCalcOnLoad` on read (ExcelJS writes calcPr but parses it into an empty object).
 * jszip is ExcelJS's own zip library (a dependency of the pinned exceljs 4.4.0), so this adds no code.
 */
import JSZip from "jszip";
import type { WorkbookSpec } from "../domain/workbook/spec";

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * Adds stopIfTrue="1" to the rules that ask for it (ExcelJS writes sheet i as xl/worksheets/sheet{i+1}.xml)
 * and compresses the package: the writer hands it over stored, uncompressed.
 */
export async function patchPackage(bytes: Uint8Array, spec: WorkbookSpec): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [i, sheet] of spec.sheets.entries()) {
    const flags = sheet.conditionalFormats.flatMap((cf) => cf.rules.map((r) => r.stopIfTrue));
    if (!flags.some(Boolean)) continue;
    const file = zip.file(`xl/worksheets/sheet${i + 1}.xml`);
    if (!file) throw new Error(`xlsx package has no worksheet file for sheet ${i + 1} (${sheet.name})`);
    const xml = await file.async("string");
    let n = 0;
    const patched = xml.replace(/<cfRule\b/g, (tag) => (flags[n++] ? `${tag} stopIfTrue="1"` : tag));
    if (n !== flags.length)
      throw new Error(`sheet "${sheet.name}": wrote ${n} highlight rules, expected ${flags.length}`);
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, patched);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

export interface PackageFacts {
  fullCalcOnLoad: boolean;
  /**
   * Per sheet name, the attributes of <sheetProtection> as written. ExcelJS parses only "1"/"0", and
   * LibreOffice writes "true"/"false", so a LibreOffice-saved file would otherwise read as unprotected.
   */
  protection: Map<string, Record<string, string>>;
  /** Per sheet name and sqref, the validation formulas as written (ExcelJS turns a named bound into NaN). */
  validationFormulas: Map<string, Map<string, string[]>>;
  /** Per sheet name, the stopIfTrue flag of each conditional-format rule in file order. */
  stopIfTrue: Map<string, boolean[]>;
}

/** Reads what ExcelJS drops on load, mapping sheet names to their parts through the workbook's relations. */
export async function readPackageFacts(bytes: Uint8Array): Promise<PackageFacts> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const calcPr = /<calcPr\b[^>]*>/.exec(workbook)?.[0] ?? "";
  const fullCalcOnLoad = /\bfullCalcOnLoad="(1|true)"/.test(calcPr);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const stopIfTrue = new Map<string, boolean[]>();
  const validationFormulas = new Map<string, Map<string, string[]>>();
  const protection = new Map<string, Record<string, string>>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (name === undefined || !path) continue;
    const xml = (await zip.file(path)?.async("string")) ?? "";
    const flags = [...xml.matchAll(/<cfRule\b[^>]*>/g)].map((r) => /\bstopIfTrue="(1|true)"/.test(r[0]));
    stopIfTrue.set(unescapeXml(name), flags);
    const formulas = new Map<string, string[]>();
    for (const dv of xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
      const sqref = /\bsqref="([^"]+)"/.exec(dv[1]!)?.[1];
      const texts = [...dv[2]!.matchAll(/<formula[12]>([\s\S]*?)<\/formula[12]>/g)].map((f) => unescapeXml(f[1]!));
      if (sqref) formulas.set(sqref, texts);
    }
    validationFormulas.set(unescapeXml(name), formulas);
    const tag = /<sheetProtection\b[^>]*>/.exec(xml)?.[0];
    if (tag) {
      const attributes: Record<string, string> = {};
      for (const a of tag.matchAll(/(\w+)="([^"]*)"/g)) attributes[a[1]!] = unescapeXml(a[2]!);
      protection.set(unescapeXml(name), attributes);
    }
  }
  return { fullCalcOnLoad, stopIfTrue, validationFormulas, protection };
}
