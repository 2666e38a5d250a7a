/** The fake Range with its format, conditional formats and data validation. */
import type {
  ConditionalFormatLike,
  DataValidationLike,
  RangeFormatLike,
  RangeLike,
} from "../../../src/excel/excelApi";
import { FakeObject, ItemNotFoundError } from "./base";
import { cellKey, typedValue, type FakeCell, type FakeConditionalFormat } from "./model";
import { overlaps } from "./rangeAddress";
import { FakeDataValidation, FakeRangeFormat, fillSetter } from "./rangeFormat";
import {
  assertShape,
  describeTarget,
  assertWritable,
  describeA1,
  emptyFormats,
  forEachCell,
  overlapsA1,
  type RangeEnv,
  type RangeTarget,
} from "./rangeHelpers";

export type { RangeEnv, RangeTarget } from "./rangeHelpers";
export { describeA1 } from "./rangeHelpers";

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

  /** `format/protection/locked`, as Excel: true or false when all cells agree, null when mixed. */
  protected override captureOne(property: string): void {
    if (property !== "format/protection/locked") {
      super.captureOne(property);
      if (property === "values" || property === "formulas") {
        this.env.countResponse(new TextEncoder().encode(JSON.stringify(this.snapshot.get(property))).length);
      }
      return;
    }
    const t = this.target();
    const seen = new Set<boolean>();
    for (let r = t.rect.row; r <= t.rect.lastRow; r++) {
      for (let c = t.rect.column; c <= t.rect.lastColumn; c++)
        seen.add(t.sheet.cells.get(cellKey(r, c))?.locked ?? true);
    }
    this.snapshot.set(property, seen.size === 1 ? [...seen][0]! : null);
  }

  /** For format.protection.locked: throws unless loaded and synced. */
  loadedLocked(): boolean {
    return this.loaded("format/protection/locked");
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
      // As when typing: a Text-formatted ("@") cell keeps what it is given as text, formulas included.
      const asText = cell.numberFormat === "@" && typeof input === "string" && input !== "";
      const typed = asText ? { value: input.replace(/^'/, "") } : typedValue(input);
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
      const record = { range: "", formula: "", stopIfTrue: false } as FakeConditionalFormat;
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
      if (t.sheet.merges.some((m) => overlaps(m, t.rect)))
        throw new Error(`InvalidArgument: ${describeTarget(t)} overlaps a merged area`);
      t.sheet.merges.push({ ...t.rect });
    });
  }

  unmerge(): void {
    this.env.queue.enqueue(() => {
      const t = this.target();
      t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(m, t.rect));
    });
  }

  /** As Excel: selecting a range on another sheet activates it; a hidden sheet cannot be selected. */
  select(): void {
    this.env.queue.enqueue(() => {
      const t = this.target();
      if (t.sheet.visibility !== "Visible")
        throw new Error(`InvalidOperation: cannot select on hidden sheet "${t.sheet.name}"`);
      this.env.selectRange(t.sheet, describeA1(t.rect));
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
        else if (applyTo === "Formats")
          t.sheet.cells.set(key, { ...emptyFormats(), value: cell.value, formula: cell.formula });
      }
    });
  }
}
