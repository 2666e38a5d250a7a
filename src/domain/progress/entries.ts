/**
 * What departments type into monthly cells, read the way they meant it: "１０" → 10, "10家" → 10 when
 * the target counts 家, "1,200" → 1200, "98%" in a percent row → 98. Each reading that changes the
 * cell is a proposed fix; nothing is changed until the user applies it.
 */
import { toHalfWidth, parseChineseNumeral } from "../plan/numerals";
import type { Target } from "../plan/types";

/** Milestone rows take % done; these words mean 100. */
const DONE_WORDS = /^(?:已完成|完成|已办结|办结|已出台|已建成|done|completed?)$/i;

export type EntryReading =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  /** Text in a number cell; `proposed` is the number it safely stands for, or `null`. */
  | { kind: "text"; text: string; proposed: number | null };

export function isPercentTarget(target: Pick<Target, "unit">): boolean {
  return target.unit === "%" || target.unit === "‰";
}

/**
 * Reads one monthly cell for `target`.
 * Strings that are numbers in disguise get a `proposed` value; anything ambiguous ("约10", "10左右",
 * another unit than the target's) gets none, because a guess would put a wrong number in the ledger.
 */
export function readEntry(raw: unknown, target: Pick<Target, "unit" | "kind">): EntryReading {
  if (raw === null || raw === undefined) return { kind: "blank" };
  if (typeof raw === "number")
    return Number.isFinite(raw) ? { kind: "number", value: raw } : { kind: "text", text: String(raw), proposed: null };
  if (typeof raw === "boolean") return { kind: "text", text: String(raw), proposed: null };
  const text = String(raw);
  const trimmed = text.trim();
  if (trimmed.length === 0) return { kind: "blank" };
  return { kind: "text", text, proposed: proposeNumber(trimmed, target) };
}

function proposeNumber(text: string, target: Pick<Target, "unit" | "kind">): number | null {
  if (target.kind === "milestone" && DONE_WORDS.test(text)) return 100;
  const ascii = toHalfWidth(text).replace(/\s+/g, "").replace(/^\+/, "");
  const number = "(-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)";
  let m = new RegExp(`^${number}$`).exec(ascii);
  if (m) return Number(m[1]!.replace(/,/g, ""));
  m = new RegExp(`^${number}%$`).exec(ascii);
  if (m) return isPercentTarget(target) ? Number(m[1]!.replace(/,/g, "")) : null;
  const unit = toHalfWidth(target.unit);
  if (unit.length > 0 && ascii.endsWith(unit)) {
    m = new RegExp(`^${number}$`).exec(ascii.slice(0, -unit.length));
    if (m) return Number(m[1]!.replace(/,/g, ""));
    const chinese = parseChineseNumeral(ascii.slice(0, -unit.length));
    if (chinese !== null) return chinese;
  }
  return parseChineseNumeral(ascii);
}

/**
 * A percent row's value on the wrong scale: 0.98 typed where the row counts points (98), or 9800
 * typed from a cell formatted as %. Returns the value on the right scale, or `null` when it looks right.
 */
export function percentScaleFix(value: number, target: Pick<Target, "unit" | "value" | "kind">): number | null {
  if (!isPercentTarget(target) || value <= 0) return null;
  const goal = target.value ?? 100;
  if (value < 1 && goal >= 5) return Number((value * 100).toPrecision(12));
  if (value > 100 && value <= 10000 && goal <= 100) return Number((value / 100).toPrecision(12));
  return null;
}
