/**
 * Writes a WorkbookSpec into the open workbook: every operation is queued (2-D arrays over whole
 * ranges, formatting per range) and sent in as few syncs as the 5 MB request limit allows — one for
 * a typical ledger. Protected sheets are unprotected first and protected again last.
 */
import { cellAddress, columnLetter } from "../domain/workbook/address";
import type { SheetSpec, StyleSpec, ValidationSpec, WorkbookSpec } from "../domain/workbook/spec";
import { cellInput, columnWidthPoints, hexColor } from "./cellInput";
import type { BorderIndexName, ExcelCapabilities, ExcelContextLike, RangeLike, WorksheetLike } from "./excelApi";
import type { WorkbookState } from "./readWorkbook";
import { rectAddress, runs, styleRects } from "./styleRuns";
import { SyncQueue, type SyncOptions } from "./syncQueue";
import { validationSettings } from "./validation";

/**
 * Features of the description not applied in the open workbook (the .xlsx file carries them): data
 * validation without ExcelApi 1.8; auto filter and print settings, which need ExcelApi 1.9 (above the
 * manifest's 1.7) and are not written by this adapter.
 */
export type SkippedFeature = "dataValidation" | "autoFilter" | "print";

export interface WriteReport {
  syncs: number;
  skipped: SkippedFeature[];
  /** Estimated size of the requests sent (the 5 MB limit applies to each sync). */
  requestBytes: number;
}

export interface WriteOptions extends SyncOptions {
  capabilities: ExcelCapabilities;
  /** Extra operations for the last batch (e.g. saving the plan in the workbook settings). */
  finally?: (context: ExcelContextLike) => void;
}

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** Rows written per `formulas` / `numberFormat` assignment before the payload is measured. */
const ROW_BLOCK = 200;

function width(sheet: SheetSpec): number {
  return Math.max(
    1,
    sheet.rows.reduce((max, row) => Math.max(max, row.length), 0),
    sheet.columns.length,
  );
}

function applyStyle(range: RangeLike, style: StyleSpec, rows: number, columns: number): void {
  const { font, alignment } = style;
  if (style.fill) range.format.fill.color = hexColor(style.fill);
  if (font?.bold !== undefined) range.format.font.bold = font.bold;
  if (font?.italic !== undefined) range.format.font.italic = font.italic;
  if (font?.color) range.format.font.color = hexColor(font.color);
  if (font?.size) range.format.font.size = font.size;
  if (font?.name) range.format.font.name = font.name;
  if (alignment?.horizontal) range.format.horizontalAlignment = H_ALIGN[alignment.horizontal];
  if (alignment?.vertical) range.format.verticalAlignment = V_ALIGN[alignment.vertical];
  if (alignment?.wrapText !== undefined) range.format.wrapText = alignment.wrapText;
  if (style.border) {
    const edges: BorderIndexName[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (rows > 1) edges.push("InsideHorizontal");
    if (columns > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = hexColor(style.border);
    }
  }
  if (style.locked === false) range.format.protection.locked = false;
}

/**
 * Cell contents: number formats first (so "@" and dates take effect), then values and formulas.
 * A formula typed into a Text ("@") cell stays text, so such cells get their "@" after the formula.
 */
function queueCells(queue: SyncQueue, ws: () => WorksheetLike, sheet: SheetSpec, styles: WorkbookSpec["styles"]): void {
  const columns = width(sheet);
  for (let start = 0; start < sheet.rows.length; start += ROW_BLOCK) {
    const end = Math.min(sheet.rows.length, start + ROW_BLOCK) - 1;
    const address = `A${start + 1}:${cellAddress(end, columns - 1)}`;
    const formats: string[][] = [];
    const before: string[][] = [];
    const inputs: Array<Array<string | number | boolean>> = [];
    let textFormulas = false;
    for (let r = start; r <= end; r++) {
      const row = sheet.rows[r] ?? [];
      const rowFormats = Array.from({ length: columns }, (_, c) => {
        const key = row[c]?.style;
        return (key !== undefined ? styles[key]?.numberFormat : undefined) ?? "General";
      });
      formats.push(rowFormats);
      before.push(
        rowFormats.map((format, c) => {
          const formulaInText = format === "@" && row[c]?.formula !== undefined;
          textFormulas ||= formulaInText;
          return formulaInText ? "General" : format;
        }),
      );
      inputs.push(Array.from({ length: columns }, (_, c) => cellInput(row[c])));
    }
    queue.add(() => {
      ws().getRange(address).numberFormat = before;
    }, before);
    queue.add(() => {
      ws().getRange(address).formulas = inputs;
    }, inputs);
    if (textFormulas) {
      queue.add(() => {
        ws().getRange(address).numberFormat = formats;
      }, formats);
    }
  }
}

function queueLayout(queue: SyncQueue, ws: () => WorksheetLike, sheet: SheetSpec, spec: WorkbookSpec): void {
  const columnRuns = runs(sheet.columns.map((c, i): [number, string] => [i, `${c.width}|${c.hidden ? 1 : 0}`]));
  for (const run of columnRuns) {
    const column = sheet.columns[run.first]!;
    const address = `${columnLetter(run.first)}:${columnLetter(run.last)}`;
    queue.add(() => {
      const range = ws().getRange(address);
      range.format.columnWidth = columnWidthPoints(column.width);
      if (column.hidden) range.columnHidden = true;
    });
  }
  const heights = Object.entries(sheet.rowHeights ?? {}).map(([r, h]): [number, number] => [Number(r), h]);
  for (const run of runs(heights)) {
    queue.add(() => {
      ws().getRange(`${run.first + 1}:${run.last + 1}`).format.rowHeight = run.value;
    });
  }
  const rects = styleRects(sheet);
  queue.add(() => {
    const sheetObject = ws();
    for (const rect of rects) {
      const style = spec.styles[rect.style];
      if (style) {
        const range = sheetObject.getRange(rectAddress(rect));
        applyStyle(range, style, rect.lastRow - rect.row + 1, rect.lastColumn - rect.column + 1);
      }
    }
  }, rects);
  for (const merge of sheet.merges) queue.add(() => ws().getRange(merge).merge(false));
  queue.add(() => {
    const panes = ws().freezePanes;
    panes.unfreeze();
    const rows = sheet.frozen?.rows ?? 0;
    const cols = sheet.frozen?.columns ?? 0;
    if (rows > 0 && cols > 0) panes.freezeAt(`A1:${cellAddress(rows - 1, cols - 1)}`);
    else if (rows > 0) panes.freezeRows(rows);
    else if (cols > 0) panes.freezeColumns(cols);
  });
}

function queueRules(
  queue: SyncQueue,
  ws: () => WorksheetLike,
  sheet: SheetSpec,
  capabilities: ExcelCapabilities,
): void {
  if (capabilities.dataValidation) {
    for (const v of sheet.validations) queue.add(() => applyValidation(ws().getRange(v.range), v), v);
  }
  // Excel puts a new rule first (highest priority): add in reverse so the spec's first rule wins.
  const rules = sheet.conditionalFormats.flatMap((cf) => cf.rules.map((rule) => ({ range: cf.range, rule }))).reverse();
  queue.add(() => {
    const sheetObject = ws();
    for (const { range, rule } of rules) {
      const cf = sheetObject.getRange(range).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=${rule.formula}`;
      if (rule.style.fill) cf.custom.format.fill.color = hexColor(rule.style.fill);
      if (rule.style.fontColor) cf.custom.format.font.color = hexColor(rule.style.fontColor);
      if (rule.style.bold !== undefined) cf.custom.format.font.bold = rule.style.bold;
      cf.stopIfTrue = rule.stopIfTrue;
    }
  }, rules);
}

function applyValidation(range: RangeLike, v: ValidationSpec): void {
  const settings = validationSettings(v);
  range.dataValidation.rule = settings.rule;
  range.dataValidation.ignoreBlanks = settings.ignoreBlanks;
  if (settings.prompt) range.dataValidation.prompt = settings.prompt;
  if (settings.errorAlert) range.dataValidation.errorAlert = settings.errorAlert;
}

/**
 * Applies `spec` to the workbook whose current state is `state` (from readWorkbookState).
 * Sheets of the spec are replaced in place (cleared, rewritten); other sheets are left alone.
 * @throws AddinError `excel-sync-timeout`; host errors from Excel as they come.
 */
export async function writeWorkbookSpec(
  context: ExcelContextLike,
  spec: WorkbookSpec,
  state: WorkbookState,
  options: WriteOptions,
): Promise<WriteReport> {
  const { capabilities } = options;
  const queue = new SyncQueue(context, options);
  const skipped = new Set<SkippedFeature>();
  const sheets = context.workbook.worksheets;
  const handles = new Map<string, WorksheetLike>();
  const ws = (name: string) => () => handles.get(name) ?? sheets.getItemOrNullObject(name);

  queue.add(() => {
    // Every unprotect first: Excel runs a batch in order and stops at the first failure, so a sheet
    // whose password differs fails the request before anything has been cleared or written.
    for (const sheet of spec.sheets) {
      if (!state.sheets.get(sheet.name)?.protected) continue;
      const handle = sheets.getItemOrNullObject(sheet.name);
      handles.set(sheet.name, handle);
      handle.protection.unprotect(sheet.protection?.password);
    }
    for (const [i, sheet] of spec.sheets.entries()) {
      const existing = state.sheets.get(sheet.name);
      const handle =
        handles.get(sheet.name) ?? (existing ? sheets.getItemOrNullObject(sheet.name) : sheets.add(sheet.name));
      handles.set(sheet.name, handle);
      if (existing) {
        const all = handle.getRange();
        all.unmerge();
        all.conditionalFormats.clearAll();
        if (capabilities.dataValidation) all.dataValidation.clear();
        all.clear("All");
      }
      handle.position = i;
      if (sheet.tabColor) handle.tabColor = hexColor(sheet.tabColor);
    }
  });
  for (const sheet of spec.sheets) {
    const get = ws(sheet.name);
    queueCells(queue, get, sheet, spec.styles);
    queueLayout(queue, get, sheet, spec);
    queueRules(queue, get, sheet, capabilities);
    if (!capabilities.dataValidation && sheet.validations.length > 0) skipped.add("dataValidation");
    if (sheet.autoFilter) skipped.add("autoFilter");
    if (sheet.print) skipped.add("print");
  }

  queue.add(() => {
    for (const sheet of spec.sheets) {
      if (sheet.protection) {
        const p = sheet.protection;
        ws(sheet.name)().protection.protect(
          {
            allowFormatColumns: p.allowFormatColumns,
            allowFormatRows: p.allowFormatRows,
            allowSort: p.allowSort,
            allowAutoFilter: p.allowAutoFilter,
          },
          p.password,
        );
      }
    }
    const existingNames = new Set(state.names);
    for (const name of spec.definedNames) {
      if (existingNames.has(name.name)) context.workbook.names.getItem(name.name).delete();
      context.workbook.names.add(name.name, `=${name.ref}`);
    }
    const active = spec.sheets[spec.activeSheet];
    if (active) ws(active.name)().activate();
    for (const sheet of spec.sheets) ws(sheet.name)().visibility = VISIBILITY[sheet.state];
    context.workbook.properties.title = spec.properties.title;
    context.workbook.properties.author = spec.properties.creator;
    if (spec.fullCalcOnLoad) context.workbook.application.calculate("Full");
    options.finally?.(context);
  });

  const requestBytes = queue.totalBytes;
  const batches = await queue.flush();
  return { syncs: batches, skipped: [...skipped], requestBytes };
}
