/**
 * Responsible units named by the plan: "(市发改委、财政局)" after an item, or 牵头单位/责任单位/配合单位
 * written out ("牵头单位：市金融办；配合单位：市财政局").
 */
import { ORGANISATION_NAME } from "./lexicon";

export interface UnitsFound {
  departments: string[];
  partners: string[];
  /** Where the parenthesised unit list stands in the text (so a title can leave it out). */
  spans: Array<[number, number]>;
}

const ROLE_LABEL =
  /(牵头单位|责任单位|责任部门|牵头部门|主责单位|主办单位|承办单位|配合单位|配合部门|协办单位|参与单位|牵头|责任|配合)\s*[:：]\s*/g;
const PARTNER_ROLES = new Set(["配合单位", "配合部门", "协办单位", "参与单位", "配合"]);

/** "市发改委牵头，市财政局等配合": each unit followed by its role. */
const INLINE_ROLES = /^(.+?)(?:等)?(牵头|负责|主责|配合|参与|协办)$/;

function splitInlineRoles(text: string): { departments: string[]; partners: string[] } | null {
  const parts = text
    .split(/[，,；;]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return null;
  const out = { departments: [] as string[], partners: [] as string[] };
  for (const part of parts) {
    const m = INLINE_ROLES.exec(part);
    if (!m) return null;
    const names = splitUnitList(m[1]!);
    if (!names) return null;
    (/配合|参与|协办/.test(m[2]!) ? out.partners : out.departments).push(...names);
  }
  return out;
}

/** Splits "市发改委、财政局和市商务局" into names; `null` unless every part looks like a unit's name. */
export function splitUnitList(text: string): string[] | null {
  const parts = text
    .split(/[、，,；;\/／]|\s+|(?<=[委局办厅院会心府部处室所队司团行署站社馆联台])(?:和|及|与)/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return null;
  return parts.every((p) => ORGANISATION_NAME.test(p) && !/试行|暂行/.test(p)) ? parts : null;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** Reads labelled unit lists ("牵头单位：…；配合单位：…") from `text`. */
function findLabelledUnits(text: string, found: UnitsFound): boolean {
  const labels = [...text.matchAll(ROLE_LABEL)];
  labels.forEach((label, i) => {
    const start = label.index + label[0].length;
    const end = i + 1 < labels.length ? labels[i + 1]!.index : text.length;
    const value = text
      .slice(start, end)
      .replace(/[)）】\]。；;，,\s]+$/, "")
      .trim();
    const names = splitUnitList(value) ?? (value.length > 0 && value.length <= 60 ? [value] : []);
    if (PARTNER_ROLES.has(label[1]!)) found.partners.push(...names);
    else found.departments.push(...names);
  });
  return labels.length > 0;
}

/** Units named in an item's text, in parentheses or after role labels. */
export function findUnits(text: string): UnitsFound {
  const found: UnitsFound = { departments: [], partners: [], spans: [] };
  let bookDepth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "《") bookDepth++;
    else if (ch === "》") bookDepth = Math.max(0, bookDepth - 1);
    else if (bookDepth === 0 && (ch === "（" || ch === "(")) open = i;
    else if (bookDepth === 0 && (ch === "）" || ch === ")") && open >= 0) {
      const inner = text.slice(open + 1, i);
      if (inner.length <= 120) {
        const labelled = findLabelledUnits(inner, found);
        const names = labelled ? null : splitUnitList(inner);
        const roles = labelled || names ? null : splitInlineRoles(inner);
        if (names) found.departments.push(...names);
        if (roles) {
          found.departments.push(...roles.departments);
          found.partners.push(...roles.partners);
        }
        if (labelled || names || roles) found.spans.push([open, i + 1]);
      }
      open = -1;
    }
  }
  if (found.spans.length === 0) findLabelledUnits(text, found);
  return { departments: unique(found.departments), partners: unique(found.partners), spans: found.spans };
}
