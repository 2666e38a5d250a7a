/** The fake range format (fill, font, borders, alignment, sizes, locking) and data validation. */
import type { BorderIndexName, BorderLike, DataValidationLike, RangeFormatLike } from "../../../src/excel/excelApi";
import type { RequestQueue } from "./base";
import type { FakeCell, FakeValidation } from "./model";
import type { FakeRange } from "./range";
import { assertWritable, describeA1, forEachCell, overlapsA1, type RangeTarget } from "./rangeHelpers";

export function fillSetter(apply: (color: string) => void): { color: string; clear(): void } {
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

export type FormatOp = (fn: (t: RangeTarget) => void) => void;

export class FakeRangeFormat implements RangeFormatLike {
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
      set bold(v: boolean) {
        set((c) => (c.font.bold = v));
      },
      get bold(): boolean {
        return unloaded("bold");
      },
      set italic(v: boolean) {
        set((c) => (c.font.italic = v));
      },
      get italic(): boolean {
        return unloaded("italic");
      },
      set color(v: string) {
        set((c) => (c.font.color = v.toUpperCase()));
      },
      get color(): string {
        return unloaded("color");
      },
      set size(v: number) {
        set((c) => (c.font.size = v));
      },
      get size(): number {
        return unloaded("size");
      },
      set name(v: string) {
        set((c) => (c.font.name = v));
      },
      get name(): string {
        return unloaded("name");
      },
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
        get style(): BorderLike["style"] {
          throw new Error("PropertyNotLoaded: border.style");
        },
        set weight(w: BorderLike["weight"]) {
          if (w !== "Thin") throw new Error(`Fake Excel: border weight ${String(w)} is not modelled`);
        },
        get weight(): BorderLike["weight"] {
          throw new Error("PropertyNotLoaded: border.weight");
        },
        set color(c: string) {
          setColor(c.toUpperCase());
        },
        get color(): string {
          throw new Error("PropertyNotLoaded: border.color");
        },
      };
    },
  };

  set horizontalAlignment(v: RangeFormatLike["horizontalAlignment"]) {
    this.cells((c) => (c.horizontal = String(v)));
  }
  get horizontalAlignment(): RangeFormatLike["horizontalAlignment"] {
    throw new Error("PropertyNotLoaded: format.horizontalAlignment");
  }
  set verticalAlignment(v: RangeFormatLike["verticalAlignment"]) {
    this.cells((c) => (c.vertical = String(v)));
  }
  get verticalAlignment(): RangeFormatLike["verticalAlignment"] {
    throw new Error("PropertyNotLoaded: format.verticalAlignment");
  }
  set wrapText(v: boolean) {
    this.cells((c) => (c.wrapText = v));
  }
  get wrapText(): boolean {
    throw new Error("PropertyNotLoaded: format.wrapText");
  }

  set columnWidth(points: number) {
    this.op((t) => {
      for (let c = t.rect.column; c <= t.rect.lastColumn; c++) t.sheet.columnWidths.set(c, points);
    });
  }
  get columnWidth(): number {
    throw new Error("PropertyNotLoaded: format.columnWidth");
  }
  set rowHeight(points: number) {
    this.op((t) => {
      for (let r = t.rect.row; r <= t.rect.lastRow; r++) t.sheet.rowHeights.set(r, points);
    });
  }
  get rowHeight(): number {
    throw new Error("PropertyNotLoaded: format.rowHeight");
  }

  readonly protection = (() => {
    const cells = (fn: (cell: FakeCell) => void) => this.cells(fn);
    const loadedLocked = () => this.range.loadedLocked();
    return {
      set locked(v: boolean) {
        cells((c) => (c.locked = v));
      },
      get locked(): boolean {
        return loadedLocked();
      },
    };
  })();
}

export class FakeDataValidation implements DataValidationLike {
  constructor(
    private readonly queue: RequestQueue,
    private readonly target: () => RangeTarget,
  ) {}

  private record(): FakeValidation {
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
  get rule(): Excel.DataValidationRule {
    throw new Error("PropertyNotLoaded: dataValidation.rule");
  }
  set ignoreBlanks(v: boolean) {
    this.queue.enqueue(() => (this.record().ignoreBlanks = v));
  }
  get ignoreBlanks(): boolean {
    throw new Error("PropertyNotLoaded: dataValidation.ignoreBlanks");
  }
  set prompt(p: Excel.DataValidationPrompt) {
    this.queue.enqueue(() => (this.record().prompt = p));
  }
  get prompt(): Excel.DataValidationPrompt {
    throw new Error("PropertyNotLoaded: dataValidation.prompt");
  }
  set errorAlert(e: Excel.DataValidationErrorAlert) {
    this.queue.enqueue(() => (this.record().errorAlert = e));
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    throw new Error("PropertyNotLoaded: dataValidation.errorAlert");
  }

  clear(): void {
    this.queue.enqueue(() => {
      const t = this.target();
      t.sheet.validations = t.sheet.validations.filter((v) => !overlapsA1(v.range, t.rect));
    });
  }
}
