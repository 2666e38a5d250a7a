/**
 * Reading sheets whose values together exceed what one response may carry (Excel on the web refuses a
 * response over 5 MB with ResponsePayloadSizeLimitExceeded): the used ranges' sizes first, then their
 * values in row blocks, several blocks per sync up to a cell budget. The number of syncs grows with the
 * size of the data (one per `cellsPerSync` cells), never with the number of rows or sheets.
 */
import { rangeAddress } from "../domain/workbook/address";
import type { GridSheet } from "../domain/progress/readLedger";
import type { ExcelContextLike, WorksheetLike } from "./excelApi";

/** A ledger cell is at most ≈ 35 bytes of JSON on average (task texts included): ≈ 2 MB a sync. */
export const DEFAULT_CELLS_PER_SYNC = 60_000;

export function isResponseTooLarge(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  return code === "ResponsePayloadSizeLimitExceeded";
}

/** A cell value as the core reads it: Excel reports blanks as "". */
export function cellValue(value: unknown): unknown {
  return value === "" || value === undefined ? null : value;
}

interface Block {
  sheet: number;
  row: number;
  lastRow: number;
  column: number;
  lastColumn: number;
}

const cellsOf = (b: Block) => (b.lastRow - b.row + 1) * (b.lastColumn - b.column + 1);

/** Halves a batch that was still too large: its blocks, or the rows of its only block. */
function split(batch: Block[]): Block[][] {
  if (batch.length > 1) return [batch.slice(0, batch.length >> 1), batch.slice(batch.length >> 1)];
  const b = batch[0]!;
  if (b.row === b.lastRow) throw new Error(`one row of sheet #${b.sheet} exceeds Excel's response limit`);
  const middle = (b.row + b.lastRow) >> 1;
  return [[{ ...b, lastRow: middle }], [{ ...b, row: middle + 1 }]];
}

export async function readSheetsInBlocks(
  context: ExcelContextLike,
  sheets: ReadonlyArray<{ name: string; worksheet: WorksheetLike }>,
  sync: (context: ExcelContextLike) => Promise<void>,
  cellsPerSync = DEFAULT_CELLS_PER_SYNC,
): Promise<{ sheets: GridSheet[]; syncs: number }> {
  const sizes = sheets.map(({ worksheet }) => {
    const used = worksheet.getUsedRangeOrNullObject(true);
    used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return used;
  });
  await sync(context);
  let syncs = 1;

  const blocks: Block[] = [];
  sizes.forEach((used, sheet) => {
    if (used.isNullObject) return;
    const rowsPerBlock = Math.max(1, Math.floor(cellsPerSync / used.columnCount));
    const lastColumn = used.columnIndex + used.columnCount - 1;
    for (let start = 0; start < used.rowCount; start += rowsPerBlock) {
      const row = used.rowIndex + start;
      const lastRow = used.rowIndex + Math.min(used.rowCount, start + rowsPerBlock) - 1;
      blocks.push({ sheet, row, lastRow, column: used.columnIndex, lastColumn });
    }
  });
  const pending: Block[][] = [];
  let budget = 0;
  for (const block of blocks) {
    if (pending.length === 0 || budget + cellsOf(block) > cellsPerSync) {
      pending.push([]);
      budget = 0;
    }
    pending[pending.length - 1]!.push(block);
    budget += cellsOf(block);
  }

  const rows: unknown[][][] = sheets.map(() => []);
  // One sync per batch of at most `cellsPerSync` cells, on purpose: each response must stay under the
  // limit. A batch of long texts (the plan JSON kept in _meta) that is still too large is halved.
  while (pending.length > 0) {
    const batch = pending.shift()!;
    const loaded = batch.map((block) => {
      const address = rangeAddress(block.row, block.column, block.lastRow, block.lastColumn);
      const range = sheets[block.sheet]!.worksheet.getRange(address);
      range.load("values");
      return { block, range };
    });
    syncs++;
    try {
      await sync(context);
    } catch (error) {
      if (!isResponseTooLarge(error)) throw error;
      pending.unshift(...split(batch));
      continue;
    }
    for (const { block, range } of loaded) {
      const pad: null[] = Array.from({ length: block.column }, () => null);
      range.values.forEach((values, k) => {
        rows[block.sheet]![block.row + k] = [...pad, ...values.map(cellValue)];
      });
    }
  }
  return {
    sheets: sheets.map(({ name }, i) => ({ name, rows: Array.from(rows[i]!, (row) => row ?? []) })),
    syncs,
  };
}
