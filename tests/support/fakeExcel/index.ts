/**
 * A strict fake of the part of the Excel JavaScript API the adapter uses (src/excel/excelApi.ts).
 * Stricter than office-addin-mock: reading a property that was not loaded and synced throws; a 2-D
 * array must match its range; locked cells of a protected sheet refuse writes; protect() of a
 * protected sheet throws; requests run at sync() in order, and the first failure rejects the sync.
 */
export { FakeExcelContext, type FakeExcelOptions } from "./workbook";
export { newState, newSheet, getCell, type FakeState, type FakeSheet, type FakeCell } from "./model";
export { snapshotWorkbook, type WorkbookSnapshot, type SheetSnapshot, type CellSnapshot } from "./snapshot";
export { PropertyNotLoadedError, ItemNotFoundError } from "./base";
