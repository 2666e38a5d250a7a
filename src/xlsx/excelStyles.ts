/** StyleSpec ⇄ ExcelJS style, both ways, so the writer and the read-back agree on every field. */
import type ExcelJS from "exceljs";
import type { AlignmentSpec, FontSpec, HighlightStyle, StyleSpec } from "../domain/workbook/spec";

const argb = (hex: string): string => `FF${hex.toUpperCase()}`;

/** "FFAABBCC" (or "AABBCC") → "AABBCC"; undefined for theme or indexed colours we do not write. */
export function hexOf(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const a = color?.argb;
  if (typeof a !== "string") return undefined;
  return (a.length === 8 ? a.slice(2) : a).toUpperCase();
}

export function toExcelStyle(style: StyleSpec): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.font) {
    const f: Partial<ExcelJS.Font> = {};
    if (style.font.bold !== undefined) f.bold = style.font.bold;
    if (style.font.italic !== undefined) f.italic = style.font.italic;
    if (style.font.size !== undefined) f.size = style.font.size;
    if (style.font.name !== undefined) f.name = style.font.name;
    if (style.font.color !== undefined) f.color = { argb: argb(style.font.color) };
    out.font = f;
  }
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.numberFormat) out.numFmt = style.numberFormat;
  if (style.alignment) out.alignment = { ...style.alignment };
  if (style.border) {
    const side: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(style.border) } };
    out.border = { top: side, left: side, bottom: side, right: side };
  }
  out.protection = { locked: style.locked ?? true };
  return out;
}

/** The read-back of one cell's style; `undefined` when it is the workbook default. */
export function fromExcelStyle(style: Partial<ExcelJS.Style> | undefined): StyleSpec | undefined {
  if (!style) return undefined;
  const out: StyleSpec = {};
  const font: FontSpec = {};
  if (style.font?.bold) font.bold = true;
  if (style.font?.italic) font.italic = true;
  const fontColor = hexOf(style.font?.color);
  if (fontColor) font.color = fontColor;
  // ExcelJS reports the default font (Calibri 11) on every cell: only sizes we set are kept.
  if (style.font?.size !== undefined && style.font.size !== 11) font.size = style.font.size;
  if (Object.keys(font).length > 0) out.font = font;
  const fill = style.fill;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const hex = hexOf(fill.fgColor);
    if (hex) out.fill = hex;
  }
  if (style.numFmt && style.numFmt !== "General") out.numberFormat = style.numFmt;
  const a = style.alignment;
  if (a) {
    const alignment: AlignmentSpec = {};
    if (a.horizontal === "left" || a.horizontal === "center" || a.horizontal === "right")
      alignment.horizontal = a.horizontal;
    if (a.vertical === "top" || a.vertical === "middle" || a.vertical === "bottom") alignment.vertical = a.vertical;
    if (a.wrapText) alignment.wrapText = true;
    if (Object.keys(alignment).length > 0) out.alignment = alignment;
  }
  const border = hexOf(style.border?.top?.color);
  if (border && style.border?.top?.style === "thin") out.border = border;
  if (style.protection?.locked === false) out.locked = false;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The spec's style in the normal form the read-back produces ("General" and `locked: true` are the
 * defaults and vanish), so a test can compare a written style with a read one.
 */
export function normalStyle(style: StyleSpec | undefined): StyleSpec | undefined {
  if (!style) return undefined;
  return fromExcelStyle(toExcelStyle(style));
}

/** Conditional-format style: ExcelJS wants the fill as a pattern with bgColor for dxf records. */
export function toHighlightStyle(style: HighlightStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(style.fill) } };
  if (style.fontColor || style.bold) {
    out.font = {};
    if (style.fontColor) out.font.color = { argb: argb(style.fontColor) };
    if (style.bold) out.font.bold = true;
  }
  return out;
}

export function fromHighlightStyle(style: Partial<ExcelJS.Style> | undefined): HighlightStyle {
  const out: HighlightStyle = {};
  const fill = style?.fill;
  if (fill && fill.type === "pattern") {
    const hex = hexOf(fill.bgColor) ?? hexOf(fill.fgColor);
    if (hex) out.fill = hex;
  }
  const fontColor = hexOf(style?.font?.color);
  if (fontColor) out.fontColor = fontColor;
  if (style?.font?.bold) out.bold = true;
  return out;
}
