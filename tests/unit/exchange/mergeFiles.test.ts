import { PlanLedgerError } from "../../../src/domain/errors";
import { previewReturnedFiles, type MergeProgress } from "../../../src/domain/exchange/mergeFiles";
import { splitMaster } from "../../../src/domain/exchange/split";
import { LEDGER_COLUMNS } from "../../../src/domain/ledger/layout";
import { readXlsxGrid } from "../../../src/xlsx/readGrid";
import { writeWorkbookXlsx } from "../../../src/xlsx/writeWorkbookXlsx";
import { GENERATED_AT, masterState, plan2011WithDepartments } from "../../support/exchange";

const master = masterState(plan2011WithDepartments());

async function copyBytes(department: string, june: number): Promise<Uint8Array> {
  const copy = splitMaster(master, GENERATED_AT).copies.find((c) => c.department === department)!;
  for (const row of copy.spec.sheets[2]!.rows.slice(3))
    row[LEDGER_COLUMNS.firstMonth + 5] = { value: june, style: "input" };
  return writeWorkbookXlsx(copy.spec);
}

describe("previewReturnedFiles", () => {
  it("reads each file once, in order, reporting progress after each, and refuses the unreadable one", async () => {
    const progress: MergeProgress[] = [];
    let loaded = 0;
    const preview = await previewReturnedFiles(
      master,
      [
        { file: "金融办.xlsx", bytes: await copyBytes("市金融办", 2) },
        { file: "坏文件.xlsx", bytes: new TextEncoder().encode("坏") },
        {
          file: "应急办.xlsx",
          bytes: async () => {
            loaded++;
            return copyBytes("市应急办", 1);
          },
        },
      ],
      { readGrid: readXlsxGrid, onProgress: (p) => progress.push(p) },
    );
    expect(progress).toEqual([
      { done: 1, total: 3, file: "金融办.xlsx" },
      { done: 2, total: 3, file: "坏文件.xlsx" },
      { done: 3, total: 3, file: "应急办.xlsx" },
    ]);
    expect(loaded).toBe(1);
    expect(preview.files).toEqual(["金融办.xlsx", "坏文件.xlsx", "应急办.xlsx"]);
    expect(preview.refused.map((r) => [r.file, r.code])).toEqual([["坏文件.xlsx", "not-xlsx"]]);
    expect(preview.departments.map((d) => [d.department, d.changes.length])).toEqual([
      ["市金融办", 7],
      ["市应急办", 4],
    ]);
  });

  it("lets a bug through instead of turning it into a refusal", async () => {
    const bug = new TypeError("x is undefined");
    await expect(
      previewReturnedFiles(master, [{ file: "a.xlsx", bytes: await copyBytes("市金融办", 1) }], {
        readGrid: () => Promise.reject(bug),
      }),
    ).rejects.toBe(bug);
    await expect(
      previewReturnedFiles(master, [{ file: "a.xlsx", bytes: await copyBytes("市金融办", 1) }], {
        readGrid: () => Promise.reject(new PlanLedgerError("not-xlsx", { file: "a.xlsx", reason: "r" })),
      }),
    ).resolves.toMatchObject({
      refused: [{ file: "a.xlsx", code: "not-xlsx", params: { file: "a.xlsx", reason: "r" } }],
    });
  });
});
