/** The fake Range with its format, conditional formats and data validation. */
import type {
  BorderIndexName,
  BorderLike,
  ConditionalFormatLike,
  DataValidationLike,
  RangeFormatLike,
  RangeLike,
} from "../../../src/excel/excelApi";
import { FakeObject, ItemNotFoundError, type RequestQueue } from "./base";
import { cellKey, getCell, typedValue, type FakeCell, type FakeSheet } from "./model";
import { overlaps, rectCells, type Rect } from "./rangeAddress";

export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

export interface RangeEnv {
  queue: RequestQueue;
  /** ExcelApi minor version the fake host supports (7 for 1.7). */
  apiVersion: number;
}

function describe(t: RangeTarget): string {
  return `${t.sheet.name}!R${t.rect.row + 1}C${t.rect.column + 1}:R${t.rect.lastRow + 1}C${t.rect.lastColumn + 1}`;
}

function forEachCell(t: RangeTarget, fn: (cell: FakeCell, row: number, column: number) => void): void {
  if (rectCells(t.rect) > 5_000_000) throw new Error(`Fake Excel: ${describe(t)} is too large to touch cell by cell`);
  for (let r = t.rect.row; r <= t.rect.lastRow; r++) {
    for (let c = t.rect.column; c <= t.rect.lastColumn; c++) fn(getCell(t.sheet, r, c), r, c);
  }
}

/** Excel refuses changes to locked cells of a protected sheet, and formatting without allowFormatCells. */
function assertWritable(t: RangeTarget, what: "values" | "format"): void {
  const p = t.sheet.protection;
  if (!p) return;
  if (what === "format" && !p.options.allowFormatCells) {
    throw new Error(`AccessDenied: cannot format ${describe(t)}: the sheet is protected`);
  }
  if (what === "values") {
    for (let r = t.rect.row; r <= t.rect.lastRow; r++) {
      for (let c = t.rect.column; c <= t.rect.lastColumn; c++) {
        if (t.sheet.cells.get(cellKey(r, c))?.locked ?? true) {
          throw new Error(`AccessDenied: cell R${r + 1}C${c + 1} of "${t.sheet.name}" is locked on a protected sheet`);
        }
      }
    }
  }
}

function assertShape(t: RangeTarget, grid: unknown[][], property: string): void {
  const rows = t.rect.lastRow - t.rect.row + 1;
  const columns = t.rect.lastColumn - t.rect.column + 1;
  if (!Array.isArray(grid) || grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== columns)) {
    const got = Array.isArray(grid) ? `${grid.length}×${Array.isArray(grid[0]) ? grid[0].length : "?"}` : typeof grid;
    throw new Error(`InvalidArgument: ${property} of ${describe(t)} needs ${rows}×${columns}, got ${got}`);
  }
}

export class FakeRange extends FakeObject implements RangeLike {
  constructor(
    private readonly env: RangeEnv,
    private readonly resolve: () => RangeTarget | null,
    path: string,
  ) {
    super(env.queue, path);
  }

  protected override exists(): boolean {
    return this.resolve() !== null;
  }

  /** The target when the request runs. @throws ItemNotFoundError for a null range. */
  target(): RangeTarget {
    const t = this.resolve();
    if (!t) throw new ItemNotFoundError(this.path);
    return t;
  }

  protected current(property: string): unknown {
    const t = this.target();
    const grid = (read: (cell: FakeCell | undefined) => unknown): unknown[][] => {
      const out: unknown[][] = [];
      for (let r = t.rect.row; r <= t.rect.lastRow; r++) {
        const row: unknown[] = [];
        for (let c = t.rect.column; c <= t.rect.lastColumn; c++) row.push(read(t.sheet.cells.get(cellKey(r, c))));
        out.push(row);
      }
      return out;
    };
    switch (property) {
      case "values":
        return grid((cell) => cell?.value ?? "");
      case "formulas":
        return grid((cell) => cell?.formula ?? cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "rowCount":
        return t.rect.lastRow - t.rect.row + 1;
      case "columnCount":
        return t.rect.lastColumn - t.rect.column + 1;
      case "rowIndex":
        return t.rect.row;
      case "columnIndex":
        return t.rect.column;
      default:
        throw new Error(`Fake Excel: Range.${property} is not modelled`);
    }
  }

  private write(grid: unknown[][], property: string, apply: (cell: FakeCell, input: unknown) => void): void {
    this.env.queue.enqueue(() => {
      const t = this.target();
      assertShape(t, grid, property);
      assertWritable(t, property === "numberFormat" ? "format" : "values");
      forEachCell(t, (cell, r, c) => apply(cell, grid[r - t.rect.row]![c - t.rect.column]));
    });
  }

  get values(): unknown[][] {
    return this.loaded("values");
  }
  set values(grid: unknown[][]) {
    this.write(grid, "values", (cell, input) => {
      if (typeof input === "string" && input.startsWith("=")) throw new Error("Fake Excel: use formulas for formulas");
      Object.assign(cell, typedValue(input), { formula: undefined });
    });
  }
  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.write(grid, "formulas", (cell, input) => {
      const typed = typedValue(input);
      cell.value = typed.value;
      cell.formula = typed.formula;
    });
  }
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.write(grid, "numberFormat", (cell, input) => {
      if (typeof input !== "string") throw new Error(`InvalidArgument: number format ${JSON.stringify(input)}`);
      cell.numberFormat = input;
    });
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get columnHidden(): boolean {
    return this.loaded("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.env.queue.enqueue(() => {
      const t = this.target();
      for (let c = t.rect.column; c <= t.rect.lastColumn; c++) {
        if (hidden) t.sheet.hiddenColumns.add(c);
        else t.sheet.hiddenColumns.delete(c);
      }
    });
  }

  readonly format: RangeFormatLike = new FakeRangeFormat(this, (fn) =>
    this.env.queue.enqueue(() => {
      const t = this.target();
      assertWritable(t, "format");
      fn(t);
    }),
  );

  readonly conditionalFormats = {
    add: (type: "Custom"): ConditionalFormatLike => {
      if (type !== "Custom") throw new Error(`Fake Excel: conditional format type ${String(type)} is not modelled`);
      const record = { range: "", formula: "", stopIfTrue: false } as import("./model").FakeConditionalFormat;
      this.env.queue.enqueue(() => {
        const t = this.target();
        assertWritable(t, "format");
        record.range = describeA1(t.rect);
        t.sheet.conditionalFormats.unshift(record); // a new rule comes first, as in Excel
      });
      const setLater = (fn: () => void) => this.env.queue.enqueue(fn);
      return {
        custom: {
          rule: {
            get formula(): string {
              throw new Error("PropertyNotLoaded: conditionalFormat.custom.rule.formula");
            },
            set formula(f: string) {
              setLater(() => {
                if (!f.startsWith("=")) throw new Error(`InvalidArgument: conditional format formula "${f}" needs "="`);
                record.formula = f;
              });
            },
          },
          format: {
            fill: fillSetter((color) => setLater(() => (record.fill = color))),
            font: {
              set bold(b: boolean) {
                setLater(() => (record.bold = b));
              },
              get bold(): boolean {
                throw new Error("PropertyNotLoaded: conditionalFormat.format.font.bold");
              },
              set color(c: string) {
                setLater(() => (record.fontColor = c));
              },
              get color(): string {
                throw new Error("PropertyNotLoaded: conditionalFormat.format.font.color");
              },
            },
          },
        },
        set stopIfTrue(s: boolean) {
          setLater(() => (record.stopIfTrue = s));
        },
        get stopIfTrue(): boolean {
          throw new Error("PropertyNotLoaded: conditionalFormat.stopIfTrue");
        },
      };
    },
    clearAll: (): void =>
      this.env.queue.enqueue(() => {
        const t = this.target();
        t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !overlapsA1(cf.range, t.rect));
      }),
  };

  get dataValidation(): DataValidationLike {
    if (this.env.apiVersion < 8) throw new Error("ApiNotFound: Range.dataValidation needs ExcelApi 1.8");
    return new FakeDataValidation(this.env.queue, () => this.target());
  }

  merge(across?: boolean): void {
    this.env.queue.enqueue(() => {
      const t = this.target();
      assertWritable(t, "format");
      if (across) throw new Error("Fake Excel: merge(across) is not modelled");
      if (t.sheet.merges.some((m) => overlaps(m, t.rect))) throw new Error(`InvalidArgument: ${describe(t)} overlaps a merged area`);
      t.sheet.merges.push({ ...t.rect });
    });
  }

  unmerge(): void {
    this.env.queue.enqueue(() => {
      const t = this.target();
      t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(m, t.rect));
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this.env.queue.enqueue(() => {
      const t = this.target();
      assertWritable(t, applyTo === "Contents" ? "values" : "format");
      for (const [key, cell] of [...t.sheet.cells]) {
        const [r, c] = key.split(",").map(Number) as [number, number];
        if (r < t.rect.row || r > t.rect.lastRow || c < t.rect.column || c > t.rect.lastColumn) continue;
        if (applyTo === "All") t.sheet.cells.delete(key);
        else if (applyTo === "Contents") Object.assign(cell, { value: null, formula: undefined });
        else if (applyTo === "Formats") t.sheet.cells.set(key, { ...emptyFormats(), value: cell.value, formula: cell.formula });
      }
    });
  }
}

function emptyFormats(): FakeCell {
  return { value: null, numberFormat: "General", font: {}, borders: {}, locked: true };
}

export function describeA1(rect: Rect): string {
  const col = (c: number) => {
    let n = c + 1;
    let s = "";
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const a = `${col(rect.column)}${rect.row + 1}`;
  const b = `${col(rect.lastColumn)}${rect.lastRow + 1}`;
  return a === b ? a : `${a}:${b}`;
}

function overlapsA1(address: string, rect: Rect): boolean {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) return true;
  const idx = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const other = { row: Number(m[2]) - 1, column: idx(m[1]!), lastRow: Number(m[4] ?? m[2]) - 1, lastColumn: idx(m[3] ?? m[1]!) };
  return overlaps(other, rect);
}

function fillSetter(apply: (color: string) => void): { color: string; clear(): void } {
  return {
    set color(c: string) {
      if (!/^#[0-9A-Fa-f]{6}$/.test(c)) throw new Error(`InvalidArgument: colour "${c}"`);
      apply(c.toUpperCase());
    },
    get color(): string {
      throw new Error("PropertyNotLoaded: fill.color");
    },
    clear: () => apply(""),
  };
}

type FormatOp = (fn: (t: RangeTarget) => void) => void;

class FakeRangeFormat implements RangeFormatLike {
  constructor(
    private readonly range: FakeRange,
    private readonly op: FormatOp,
  ) {}

  private cells(fn: (cell: FakeCell, row: number, column: number, t: RangeTarget) => void): void {
    this.op((t) => forEachCell(t, (cell, r, c) => fn(cell, r, c, t)));
  }

  readonly fill = fillSetter((color) => this.cells((cell) => (cell.fill = color || undefined)));

  get font(): RangeFormatLike["font"] {
    const set = (apply: (cell: FakeCell) => void) => this.cells(apply);
    const unloaded = (p: string): never => {
      throw new Error(`PropertyNotLoaded: ${this.range.path}.format.font.${p}`);
    };
    return {
      set bold(v: boolean) { set((c) => (c.font.bold = v)); },
      get bold(): boolean { return unloaded("bold"); },
      set italic(v: boolean) { set((c) => (c.font.italic = v)); },
      get italic(): boolean { return unloaded("italic"); },
      set color(v: string) { set((c) => (c.font.color = v.toUpperCase())); },
      get color(): string { return unloaded("color"); },
      set size(v: number) { set((c) => (c.font.size = v)); },
      get size(): number { return unloaded("size"); },
      set name(v: string) { set((c) => (c.font.name = v)); },
      get name(): string { return unloaded("name"); },
    };
  }

  readonly borders = {
    getItem: (index: BorderIndexName): BorderLike => {
      const side = (cellSet: (cell: FakeCell, color: string) => void) => (color: string) =>
        this.cells((cell, r, c, t) => {
          const { rect } = t;
          const hit =
            (index === "EdgeTop" && r === rect.row) ||
            (index === "EdgeBottom" && r === rect.lastRow) ||
            (index === "EdgeLeft" && c === rect.column) ||
            (index === "EdgeRight" && c === rect.lastColumn);
          if (hit) cellSet(cell, color);
          if (index === "InsideHorizontal") {
            if (r > rect.row) cell.borders.top = color;
            if (r < rect.lastRow) cell.borders.bottom = color;
          }
          if (index === "InsideVertical") {
            if (c > rect.column) cell.borders.left = color;
            if (c < rect.lastColumn) cell.borders.right = color;
          }
        });
      const edge = { EdgeTop: "top", EdgeBottom: "bottom", EdgeLeft: "left", EdgeRight: "right" } as const;
      const setColor = side((cell, color) => {
        if (index in edge) cell.borders[edge[index as keyof typeof edge]] = color;
      });
      return {
        set style(s: BorderLike["style"]) {
          if (s !== "Continuous") throw new Error(`Fake Excel: border style ${String(s)} is not modelled`);
        },
        get style(): BorderLike["style"] { throw new Error("PropertyNotLoaded: border.style"); },
        set weight(w: BorderLike["weight"]) {
          if (w !== "Thin") throw new Error(`Fake Excel: border weight ${String(w)} is not modelled`);
        },
        get weight(): BorderLike["weight"] { throw new Error("PropertyNotLoaded: border.weight"); },
        set color(c: string) { setColor(c.toUpperCase()); },
        get color(): string { throw new Error("PropertyNotLoaded: border.color"); },
      };
    },
  };

  set horizontalAlignment(v: RangeFormatLike["horizontalAlignment"]) { this.cells((c) => (c.horizontal = String(v))); }
  get horizontalAlignment(): RangeFormatLike["horizontalAlignment"] { throw new Error("PropertyNotLoaded: format.horizontalAlignment"); }
  set verticalAlignment(v: RangeFormatLike["verticalAlignment"]) { this.cells((c) => (c.vertical = String(v))); }
  get verticalAlignment(): RangeFormatLike["verticalAlignment"] { throw new Error("PropertyNotLoaded: format.verticalAlignment"); }
  set wrapText(v: boolean) { this.cells((c) => (c.wrapText = v)); }
  get wrapText(): boolean { throw new Error("PropertyNotLoaded: format.wrapText"); }

  set columnWidth(points: number) {
    this.op((t) => {
      for (let c = t.rect.column; c <= t.rect.lastColumn; c++) t.sheet.columnWidths.set(c, points);
    });
  }
  get columnWidth(): number { throw new Error("PropertyNotLoaded: format.columnWidth"); }
  set rowHeight(points: number) {
    this.op((t) => {
      for (let r = t.rect.row; r <= t.rect.lastRow; r++) t.sheet.rowHeights.set(r, points);
    });
  }
  get rowHeight(): number { throw new Error("PropertyNotLoaded: format.rowHeight"); }

  readonly protection = (() => {
    const cells = (fn: (cell: FakeCell) => void) => this.cells(fn);
    return {
      set locked(v: boolean) {
        cells((c) => (c.locked = v));
      },
      get locked(): boolean {
        throw new Error("PropertyNotLoaded: format.protection.locked");
      },
    };
  })();
}

class FakeDataValidation implements DataValidationLike {
  constructor(
    private readonly queue: RequestQueue,
    private readonly target: () => RangeTarget,
  ) {}

  private record(): import("./model").FakeValidation {
    const t = this.target();
    const address = describeA1(t.rect);
    const found = t.sheet.validations.find((v) => v.range === address);
    if (!found) throw new Error(`Fake Excel: set dataValidation.rule on ${address} before its other settings`);
    return found;
  }

  set rule(rule: Excel.DataValidationRule) {
    this.queue.enqueue(() => {
      const t = this.target();
      assertWritable(t, "format");
      if (t.sheet.validations.some((v) => overlapsA1(v.range, t.rect))) {
        throw new Error(`InvalidOperation: ${describeA1(t.rect)} already has data validation; clear() it first`);
      }
      t.sheet.validations.push({ range: describeA1(t.rect), rule, ignoreBlanks: true });
    });
  }
  get rule(): Excel.DataValidationRule { throw new Error("PropertyNotLoaded: dataValidation.rule"); }
  set ignoreBlanks(v: boolean) { this.queue.enqueue(() => (this.record().ignoreBlanks = v)); }
  get ignoreBlanks(): boolean { throw new Error("PropertyNotLoaded: dataValidation.ignoreBlanks"); }
  set prompt(p: Excel.DataValidationPrompt) { this.queue.enqueue(() => (this.record().prompt = p)); }
  get prompt(): Excel.DataValidationPrompt { throw new Error("PropertyNotLoaded: dataValidation.prompt"); }
  set errorAlert(e: Excel.DataValidationErrorAlert) { this.queue.enqueue(() => (this.record().errorAlert = e)); }
  get errorAlert(): Excel.DataValidationErrorAlert { throw new Error("PropertyNotLoaded: dataValidation.errorAlert"); }

  clear(): void {
    this.queue.enqueue(() => {
      const t = this.target();
      t.sheet.validations = t.sheet.validations.filter((v) => !overlapsA1(v.range, t.rect));
    });
  }
}
