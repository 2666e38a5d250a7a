/** The fake request context, workbook, worksheets, names and settings. */
import type {
  ExcelContextLike,
  FreezePanesLike,
  NamedItemCollectionLike,
  NamedItemLike,
  SettingCollectionLike,
  SettingLike,
  WorkbookLike,
  WorksheetCollectionLike,
  WorksheetLike,
  WorksheetProtectionLike,
} from "../../../src/excel/excelApi";
import { FakeObject, ItemNotFoundError, type RequestQueue } from "./base";
import { newSheet, newState, type FakeSheet, type FakeState } from "./model";
import { FakeRange, type RangeEnv, type RangeTarget } from "./range";
import { parseRange, type Rect } from "./rangeAddress";

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

class FakeWorksheet extends FakeObject implements WorksheetLike {
  constructor(
    private readonly ctx: FakeExcelContext,
    private readonly find: () => FakeSheet | null,
    path: string,
  ) {
    super(ctx, path);
    this.protection = new FakeProtection(ctx, this);
  }

  protected override exists(): boolean {
    return this.find() !== null;
  }

  sheet(): FakeSheet {
    const s = this.find();
    if (!s) throw new ItemNotFoundError(this.path);
    return s;
  }

  protected current(property: string): unknown {
    const s = this.sheet();
    switch (property) {
      case "name":
        return s.name;
      case "visibility":
        return s.visibility;
      case "position":
        return this.ctx.state.sheets.indexOf(s);
      case "tabColor":
        return s.tabColor;
      default:
        throw new Error(`Fake Excel: Worksheet.${property} is not modelled`);
    }
  }

  protected override captureOne(property: string): void {
    if (property.startsWith("protection/"))
      (this.protection as FakeProtection).capture([property.slice("protection/".length)]);
    else super.captureOne(property);
  }

  private set<K extends "name" | "tabColor">(key: K, value: FakeSheet[K]): void {
    this.ctx.enqueue(() => {
      this.sheet()[key] = value;
    });
  }

  get name(): string {
    return this.loaded("name");
  }
  set name(v: string) {
    this.set("name", v);
  }
  get tabColor(): string {
    return this.loaded("tabColor");
  }
  set tabColor(v: string) {
    this.set("tabColor", v);
  }
  get position(): number {
    return this.loaded("position");
  }
  set position(index: number) {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      const sheets = this.ctx.state.sheets;
      if (index < 0 || index >= sheets.length) throw new Error(`InvalidArgument: position ${index}`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(index, 0, s);
    });
  }
  get visibility(): WorksheetLike["visibility"] {
    return this.loaded("visibility");
  }
  set visibility(v: WorksheetLike["visibility"]) {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      const value = String(v) as FakeSheet["visibility"];
      if (value !== "Visible" && !this.ctx.state.sheets.some((o) => o !== s && o.visibility === "Visible")) {
        throw new Error(`InvalidOperation: cannot hide "${s.name}", the last visible sheet`);
      }
      if (value !== "Visible" && this.ctx.state.activeSheetId === s.id) {
        throw new Error(`InvalidOperation: cannot hide "${s.name}", the active sheet`);
      }
      s.visibility = value;
    });
  }

  readonly protection: WorksheetProtectionLike;

  readonly freezePanes: FreezePanesLike = {
    freezeRows: (count = 1) => this.ctx.enqueue(() => (this.sheet().frozen = { rows: count, columns: 0 })),
    freezeColumns: (count = 1) => this.ctx.enqueue(() => (this.sheet().frozen = { rows: 0, columns: count })),
    freezeAt: (address: string) =>
      this.ctx.enqueue(() => {
        const rect = parseRange(address);
        if (rect.row !== 0 || rect.column !== 0) throw new Error("Fake Excel: freezeAt is modelled from A1 only");
        this.sheet().frozen = { rows: rect.lastRow + 1, columns: rect.lastColumn + 1 };
      }),
    unfreeze: () => this.ctx.enqueue(() => (this.sheet().frozen = { rows: 0, columns: 0 })),
  };

  getRange(address?: string): FakeRange {
    const rect = parseRange(address);
    return this.range(() => rect, `${this.path}.getRange(${address ?? ""})`);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.range(() => {
      let rect: Rect | null = null;
      for (const [key, cell] of this.sheet().cells) {
        if (valuesOnly && cell.value === null && cell.formula === undefined) continue;
        const [r, c] = key.split(",").map(Number) as [number, number];
        rect = rect
          ? {
              row: Math.min(rect.row, r),
              column: Math.min(rect.column, c),
              lastRow: Math.max(rect.lastRow, r),
              lastColumn: Math.max(rect.lastColumn, c),
            }
          : { row: r, column: c, lastRow: r, lastColumn: c };
      }
      return rect;
    }, `${this.path}.getUsedRangeOrNullObject()`);
  }

  private range(rect: () => Rect | null, path: string): FakeRange {
    return new FakeRange(
      this.ctx.rangeEnv,
      (): RangeTarget | null => {
        const r = rect();
        return r ? { sheet: this.sheet(), rect: r } : null;
      },
      path,
    );
  }

  activate(): void {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      if (s.visibility !== "Visible") throw new Error(`InvalidOperation: cannot activate hidden sheet "${s.name}"`);
      if (this.ctx.state.activeSheetId !== s.id) delete this.ctx.state.selection;
      this.ctx.state.activeSheetId = s.id;
    });
  }
}

class FakeProtection extends FakeObject implements WorksheetProtectionLike {
  constructor(
    private readonly ctx: FakeExcelContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx, `${worksheet.path}.protection`);
  }

  protected current(property: string): unknown {
    const protection = this.worksheet.sheet().protection;
    if (property === "protected") return protection !== null;
    // Excel reports the options of an unprotected sheet as all allowed; the ledger never relies on that.
    if (property === "options") return { ...(protection?.options ?? {}) };
    throw new Error(`Fake Excel: WorksheetProtection.${property} is not modelled`);
  }

  get protected(): boolean {
    return this.loaded("protected");
  }

  get options(): Excel.WorksheetProtectionOptions {
    return this.loaded("options");
  }

  protect(options: Excel.WorksheetProtectionOptions = {}, password?: string): void {
    this.ctx.enqueue(() => {
      const s = this.worksheet.sheet();
      if (s.protection) throw new Error(`InvalidOperation: "${s.name}" is already protected`);
      s.protection = { options, password };
    });
  }

  unprotect(password?: string): void {
    this.ctx.enqueue(() => {
      const s = this.worksheet.sheet();
      if (s.protection?.password !== undefined && s.protection.password !== password) {
        throw new Error(`InvalidArgument: wrong password for "${s.name}"`);
      }
      s.protection = null;
    });
  }
}

class FakeWorksheets extends FakeObject implements WorksheetCollectionLike {
  private loadedItems: FakeWorksheet[] | null = null;

  constructor(private readonly ctx: FakeExcelContext) {
    super(ctx, "workbook.worksheets");
  }

  protected current(property: string): unknown {
    throw new Error(`Fake Excel: WorksheetCollection.${property} is not modelled`);
  }

  override capture(properties: readonly string[]): void {
    const items = this.ctx.state.sheets.map((s) => this.byId(s.id));
    const itemProps = properties.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    if (itemProps.length !== properties.length) throw new Error("Fake Excel: load worksheets with items/… paths");
    for (const item of items) item.capture(itemProps);
    this.loadedItems = items;
  }

  get items(): WorksheetLike[] {
    if (!this.loadedItems) throw new Error("PropertyNotLoaded: workbook.worksheets.items");
    return this.loadedItems;
  }

  private byId(id: number): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheets.find((s) => s.id === id) ?? null, `worksheet#${id}`);
  }

  add(name?: string): WorksheetLike {
    const id = this.ctx.nextSheetId++;
    this.ctx.enqueue(() => {
      const sheetName = name ?? `Sheet${id}`;
      if (sheetName.length > 31 || INVALID_SHEET_NAME.test(sheetName))
        throw new Error(`InvalidArgument: sheet name "${sheetName}"`);
      if (this.ctx.state.sheets.some((s) => s.name.toLowerCase() === sheetName.toLowerCase())) {
        throw new Error(`ItemAlreadyExists: a sheet named "${sheetName}" exists`);
      }
      this.ctx.state.sheets.push(newSheet(id, sheetName));
    });
    return this.byId(id);
  }

  getItemOrNullObject(key: string): WorksheetLike {
    return new FakeWorksheet(
      this.ctx,
      () => this.ctx.state.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase()) ?? null,
      `worksheets("${key}")`,
    );
  }
}

class FakeNames extends FakeObject implements NamedItemCollectionLike {
  private loadedItems: NamedItemLike[] | null = null;

  constructor(private readonly ctx: FakeExcelContext) {
    super(ctx, "workbook.names");
  }

  protected current(property: string): unknown {
    throw new Error(`Fake Excel: NamedItemCollection.${property} is not modelled`);
  }

  override capture(properties: readonly string[]): void {
    if (properties.some((p) => p !== "items/name")) throw new Error("Fake Excel: names load items/name only");
    this.loadedItems = [...this.ctx.state.names.keys()].map((name) => this.getItem(name));
  }

  get items(): NamedItemLike[] {
    if (!this.loadedItems) throw new Error("PropertyNotLoaded: workbook.names.items");
    return this.loadedItems;
  }

  add(name: string, reference: string): unknown {
    this.ctx.enqueue(() => {
      if (this.ctx.state.names.has(name)) throw new Error(`ItemAlreadyExists: name "${name}"`);
      if (!reference.startsWith("=")) throw new Error(`InvalidArgument: reference "${reference}" needs "="`);
      this.ctx.state.names.set(name, reference);
    });
    return undefined;
  }

  getItem(name: string): NamedItemLike {
    const ctx = this.ctx;
    return {
      name,
      delete: () =>
        ctx.enqueue(() => {
          if (!ctx.state.names.delete(name)) throw new ItemNotFoundError(`name "${name}"`);
        }),
    };
  }
}

class FakeSetting extends FakeObject implements SettingLike {
  constructor(
    private readonly ctx: FakeExcelContext,
    private readonly key: string,
  ) {
    super(ctx, `settings("${key}")`);
  }
  protected override exists(): boolean {
    return this.ctx.state.settings.has(this.key);
  }
  protected current(property: string): unknown {
    if (property === "value") return this.ctx.state.settings.get(this.key);
    throw new Error(`Fake Excel: Setting.${property} is not modelled`);
  }
  get value(): unknown {
    return this.loaded("value");
  }
}

export interface FakeExcelOptions {
  /** ExcelApi minor version: 7 (Office 2019, no data validation) … 20. Default 20. */
  apiVersion?: number;
  state?: FakeState;
  /** Excel on the web refuses a response over 5 MB; the desktop has no such limit (the default). */
  maxResponseBytes?: number;
}

export class FakeExcelContext implements ExcelContextLike, RequestQueue {
  readonly state: FakeState;
  readonly rangeEnv: RangeEnv;
  syncCount = 0;
  nextSheetId: number;
  private pending: Array<() => void> = [];
  private responseBytes = 0;
  private readonly maxResponseBytes: number;

  constructor(options: FakeExcelOptions = {}) {
    this.maxResponseBytes = options.maxResponseBytes ?? Infinity;
    this.state = options.state ?? newState();
    this.nextSheetId = Math.max(0, ...this.state.sheets.map((s) => s.id)) + 1;
    this.rangeEnv = {
      queue: this,
      apiVersion: options.apiVersion ?? 20,
      selectRange: (sheet, address) => {
        this.state.activeSheetId = sheet.id;
        this.state.selection = address;
      },
      countResponse: (bytes) => {
        this.responseBytes += bytes;
      },
    };
  }

  enqueue(run: () => void): void {
    this.pending.push(run);
  }

  /** Runs the queued requests in order; the first failure rejects the sync, as in Excel. */
  async sync(): Promise<void> {
    this.syncCount++;
    const batch = this.pending;
    this.pending = [];
    this.responseBytes = 0;
    await Promise.resolve();
    for (const run of batch) run();
    if (this.responseBytes > this.maxResponseBytes) {
      const error = new Error(`ResponsePayloadSizeLimitExceeded: ${this.responseBytes} bytes in one response`);
      throw Object.assign(error, { code: "ResponsePayloadSizeLimitExceeded" });
    }
  }

  readonly workbook: WorkbookLike = {
    worksheets: new FakeWorksheets(this),
    names: new FakeNames(this),
    settings: this.settings(),
    properties: this.properties(),
    application: {
      calculate: (type) => this.enqueue(() => this.state.calculations.push(type)),
    },
  };

  private settings(): SettingCollectionLike {
    return {
      add: (key: string, value: string) => {
        this.enqueue(() => this.state.settings.set(key, value));
        return undefined;
      },
      getItemOrNullObject: (key: string) => new FakeSetting(this, key),
    };
  }

  private properties(): WorkbookLike["properties"] {
    const ctx: FakeExcelContext = this; // eslint-disable-line @typescript-eslint/no-this-alias -- accessors need it
    return {
      set title(v: string) {
        ctx.enqueue(() => (ctx.state.properties.title = v));
      },
      get title(): string {
        throw new Error("PropertyNotLoaded: workbook.properties.title");
      },
      set author(v: string) {
        ctx.enqueue(() => (ctx.state.properties.author = v));
      },
      get author(): string {
        throw new Error("PropertyNotLoaded: workbook.properties.author");
      },
    };
  }
}
