/**
 * parsePlan: the text of a work plan (工作要点) in, a structured plan out. Pure and total: any string
 * gives a plan plus diagnostics, never an exception, in time linear in the length of the text.
 */
import { parseDeadlineCell, yearEnd } from "./deadlines";
import { findUnits, splitUnitList } from "./departments";
import { normaliseOrdinal } from "./numerals";
import { headingNumber, isChrome, readHeading, tableHeaderRole, type Heading, type Level } from "./structure";
import { extractTargets, itemMilestone, type DraftTarget, type SourceLine } from "./targets";
import type { Diagnostic, DiagnosticCode, DiagnosticSeverity, Plan, PlanItem, PlanSection, Target } from "./types";

export interface ParseOptions {
  /** The year to use when neither the title nor the text names one (default: the current year). */
  defaultYear?: number;
}

interface DraftItem {
  no: string;
  lines: SourceLine[];
  /** The heading's text on the first line (without the number). */
  lead: SourceLine;
  departments: string[];
  partners: string[];
  deadline: string | null;
}

interface DraftSection {
  no: string;
  title: string;
  line: number;
  items: DraftItem[];
}

const LEVELS: Level[] = ["h1", "h2", "h3", "h4"];
const TITLE_WORDS = /工作要点|工作计划|工作安排|任务分解|重点工作|工作任务|实施方案|责任分工/;
const MAX_DIAGNOSTIC_TEXT = 40;

class DiagnosticLog {
  readonly list: Diagnostic[] = [];
  add(
    line: number,
    code: DiagnosticCode,
    severity: DiagnosticSeverity,
    params: Record<string, string | number> = {},
  ): void {
    this.list.push({ line, code, severity, params: { line, ...params } });
  }
}

function shorten(text: string): string {
  const t = text.trim();
  return t.length > MAX_DIAGNOSTIC_TEXT ? `${t.slice(0, MAX_DIAGNOSTIC_TEXT)}…` : t;
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

function findTitle(lines: readonly string[], limit: number): { title: string; line: number } {
  let fallback: { title: string; line: number } | null = null;
  for (let i = 0; i < Math.min(limit, lines.length); i++) {
    const line = lines[i]!.trim();
    if (line.length === 0 || isChrome(line) || readHeading(line)) continue;
    if (TITLE_WORDS.test(line) && line.length <= 40 && !/[。，,]/.test(line)) return { title: line, line: i + 1 };
    if (!fallback && TITLE_WORDS.test(line)) {
      const quoted = /《([^》]{2,60})》/.exec(line);
      fallback = { title: quoted ? quoted[1]! : shorten(line), line: i + 1 };
    }
  }
  if (fallback) return fallback;
  // A short first line without sentence punctuation reads as a title; a sentence is plan text.
  const first = lines.findIndex((l) => l.trim().length > 0 && !readHeading(l) && !isChrome(l));
  if (first >= 0 && (lines[first]!.trim().length > 40 || /[。；;]/.test(lines[first]!))) return { title: "", line: 0 };
  return first >= 0 && first < limit ? { title: shorten(lines[first]!), line: first + 1 } : { title: "", line: 0 };
}

function findYear(title: string, lines: readonly string[]): number | null {
  const inTitle = /((?:19|20)\d{2})\s*年/.exec(title);
  if (inTitle) return Number(inTitle[1]);
  for (const line of lines.slice(0, 200)) {
    const m = /((?:19|20)\d{2})\s*年/.exec(line);
    if (m) return Number(m[1]);
  }
  return null;
}

/** The lead phrase of an item: up to the first 。/；, or the first comma when that is too long. */
function leadPhrase(text: string): string {
  const body = text.trim();
  const sentence = /^[^。；;！!？?]{1,60}/.exec(body)?.[0] ?? body.slice(0, 60);
  if (sentence.length <= 40 && sentence.length < body.length) return sentence.trim();
  if (sentence.length <= 40 && !/[，,]/.test(sentence)) return sentence.trim();
  const clause = /^[^，,：:]{1,40}/.exec(sentence)?.[0] ?? sentence.slice(0, 40);
  return clause.trim();
}

/** Table plans: a header row of cells (one per line, or tab-separated), then one record per 序号. */
function findTableHeader(
  lines: readonly string[],
): { start: number; end: number; roles: string[]; tabbed: boolean } | null {
  for (let i = 0; i < Math.min(lines.length, 400); i++) {
    const line = lines[i]!;
    if (line.includes("\t")) {
      const roles = line.split("\t").map((c) => tableHeaderRole(c) ?? "");
      if (roles.filter((r) => r !== "" && r !== "other").length >= 2 && roles.includes("task")) {
        return { start: i, end: i + 1, roles, tabbed: true };
      }
      continue;
    }
    const roles: string[] = [];
    let j = i;
    while (j < lines.length && tableHeaderRole(lines[j]!) !== null) roles.push(tableHeaderRole(lines[j++]!)!);
    if (roles.length >= 3 && roles.includes("task")) return { start: i, end: j, roles, tabbed: false };
  }
  return null;
}

function classifyCell(cell: string): "departments" | "deadline" | "text" {
  const t = cell.trim();
  if (t.length <= 24 && parseDeadlineCell(t, 2000) !== null && !/[。，,]/.test(t)) return "deadline";
  if (/^(?:长期|持续|全年|年内|常年)/.test(t) && t.length <= 8) return "deadline";
  if (splitUnitList(t) !== null) return "departments";
  return "text";
}

function parseTable(
  lines: readonly string[],
  header: { start: number; end: number; roles: string[]; tabbed: boolean },
  log: DiagnosticLog,
  year: number,
): DraftSection[] {
  for (let i = header.start; i < header.end; i++) log.add(i + 1, "table-header", "info", { text: shorten(lines[i]!) });
  const sections: DraftSection[] = [];
  let section: DraftSection | null = null;
  let item: DraftItem | null = null;
  let expected = 1;
  let cellIndex = 0;
  const ensureSection = (): DraftSection => {
    if (!section) {
      section = { no: "", title: "", line: header.end + 1, items: [] };
      sections.push(section);
    }
    return section;
  };
  const addCell = (role: string, text: string, line: number): void => {
    if (!item || text.trim().length === 0) return;
    const cell: SourceLine = { text, line };
    const byContent = classifyCell(text);
    const effective =
      role === "departments" || role === "partners"
        ? byContent === "departments"
          ? role
          : byContent === "deadline"
            ? "deadline"
            : "task"
        : role === "deadline" && byContent !== "deadline"
          ? byContent === "departments"
            ? "departments"
            : "task"
          : role === "no" || role === "other" || role === ""
            ? "skip"
            : role;
    if (effective === "departments" || effective === "partners") {
      const names = splitUnitList(text) ?? [text.trim()];
      (effective === "departments" ? item.departments : item.partners).push(...names);
    } else if (effective === "deadline") {
      item.deadline = parseDeadlineCell(text, year);
    } else if (effective === "task" || effective === "target") {
      item.lines.push(cell);
    }
  };
  for (let i = header.end; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (raw.trim().length === 0) continue;
    if (isChrome(raw)) {
      log.add(lineNo, "ignored-line", "info", { text: shorten(raw) });
      continue;
    }
    const cells = header.tabbed ? raw.split("\t") : [raw];
    const first = cells[0]!.trim();
    const heading = readHeading(raw);
    if (heading && (heading.level === "h1" || heading.level === "h2") && cells.length === 1) {
      section = { no: heading.no, title: heading.rest.trim(), line: lineNo, items: [] };
      sections.push(section);
      item = null;
      continue;
    }
    const serial = /^[0-9０-９]{1,4}$/.test(first) ? Number(normaliseOrdinal(first)) : null;
    if (serial !== null && (header.tabbed || serial === expected || serial === 1 || item === null)) {
      item = {
        no: String(serial),
        lines: [],
        lead: { text: "", line: lineNo },
        departments: [],
        partners: [],
        deadline: null,
      };
      ensureSection().items.push(item);
      expected = serial + 1;
      cellIndex = 1;
      if (header.tabbed) {
        cells.slice(1).forEach((cell, k) => addCell(header.roles[k + 1] ?? "", cell, lineNo));
        if (item.lead.text === "" && item.lines.length > 0) item.lead = item.lines[0]!;
      }
      continue;
    }
    if (!item) {
      log.add(lineNo, "preamble", "info", { text: shorten(raw) });
      continue;
    }
    if (header.tabbed) {
      cells.forEach((cell, k) => addCell(header.roles[k] ?? "", cell, lineNo));
    } else {
      addCell(header.roles[cellIndex] ?? "task", raw, lineNo);
      cellIndex++;
    }
    if (item.lead.text === "" && item.lines.length > 0) item.lead = item.lines[0]!;
  }
  return sections;
}

/** "完成时限：6月底前" on a line of its own sets the deadline of the item it follows. */
const UNIT_LINE = /^\s*(?:牵头单位|责任单位|责任部门|牵头部门|主责单位|配合单位|配合部门|协办单位)\s*[:：]/;
const DEADLINE_LINE = /^\s*(?:完成时限|完成时间|完成期限|时间节点|时限要求|时限)\s*[:：]\s*(.+)$/;

function parseOutline(lines: readonly string[], log: DiagnosticLog, titleLine: number, year: number): DraftSection[] {
  const headings: Array<Heading | null> = lines.map((l) => (isChrome(l) ? null : readHeading(l)));
  const counts = new Map<Level, number>();
  headings.forEach((h) => h && counts.set(h.level, (counts.get(h.level) ?? 0) + 1));
  const present = LEVELS.filter((l) => (counts.get(l) ?? 0) > 0);
  // "（1）" items count only where no "1." or "（一）" level exists: otherwise they are points inside an item.
  const h4Items = present.includes("h4") && !present.includes("h3") && !present.includes("h2");
  const itemLevel: Level | null = h4Items
    ? "h4"
    : ((["h3", "h2", "h1"] as Level[]).find((l) => present.includes(l)) ?? null);
  const sectionLevels = itemLevel ? present.filter((l) => LEVELS.indexOf(l) < LEVELS.indexOf(itemLevel)) : [];

  // One numbered level of short headings followed by paragraphs: the headings are sections.
  let paragraphItems = itemLevel === null;
  if (itemLevel && sectionLevels.length === 0) {
    const itemHeadings = headings.filter((h): h is Heading => h?.level === itemLevel);
    const short = itemHeadings.filter((h) => h.rest.trim().length <= 30 && !/[。；;]/.test(h.rest)).length;
    if (short === itemHeadings.length && itemHeadings.length > 0) {
      const followedByText = headings.some(
        (h, i) =>
          h?.level === itemLevel && lines[i + 1] && !readHeading(lines[i + 1]!) && lines[i + 1]!.trim().length > 30,
      );
      if (followedByText) {
        sectionLevels.push(itemLevel);
        paragraphItems = true;
      }
    }
  }
  if (itemLevel === null && lines.some((l) => l.trim().length > 0)) log.add(0, "no-numbering", "warning");

  const sections: DraftSection[] = [];
  let section: DraftSection | null = null;
  let item: DraftItem | null = null;
  const firstHeading = headings.findIndex(
    (h) => h !== null && (sectionLevels.includes(h.level) || h.level === itemLevel),
  );
  const bodyStart = paragraphItems && itemLevel === null ? titleLine : Math.max(firstHeading, 0);
  const ensureSection = (line: number): DraftSection => {
    if (!section) {
      section = { no: "", title: "", line, items: [] };
      sections.push(section);
    }
    return section;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (raw.trim().length === 0 || lineNo === titleLine) continue;
    if (isChrome(raw)) {
      log.add(lineNo, "ignored-line", "info", { text: shorten(raw) });
      continue;
    }
    if (i < bodyStart) {
      log.add(lineNo, "preamble", "info", { text: shorten(raw) });
      continue;
    }
    const h = headings[i];
    if (h && sectionLevels.includes(h.level)) {
      const lead: SourceLine = { text: raw.slice(h.restOffset), line: lineNo };
      // A heading that is itself a task with targets ("一、全年新增就业5万人。…") also becomes an item,
      // numbered as written, so its targets are not lost behind the section title.
      const isTask = /[。；;]/.test(h.rest) && extractTargets([lead], 2000).quantitative.length > 0;
      section = { no: h.no, title: isTask ? leadPhrase(h.rest) : h.rest.trim(), line: lineNo, items: [] };
      sections.push(section);
      item = isTask ? { no: h.no, lines: [lead], lead, departments: [], partners: [], deadline: null } : null;
      if (item) section.items.push(item);
      continue;
    }
    if (h && h.level === itemLevel && !paragraphItems) {
      const lead: SourceLine = { text: raw.slice(h.restOffset), line: lineNo };
      item = { no: normaliseOrdinal(h.no), lines: [lead], lead, departments: [], partners: [], deadline: null };
      ensureSection(lineNo).items.push(item);
      continue;
    }
    if (paragraphItems && !/^\s*(?:牵头单位|责任单位|配合单位|责任部门)\s*[:：]/.test(raw)) {
      const lead: SourceLine = { text: raw, line: lineNo };
      const current: DraftSection = ensureSection(lineNo);
      item = {
        no: String(current.items.length + 1),
        lines: [lead],
        lead,
        departments: [],
        partners: [],
        deadline: null,
      };
      current.items.push(item);
      continue;
    }
    if (item) {
      item.lines.push({ text: raw, line: lineNo });
      const deadline = DEADLINE_LINE.exec(raw);
      if (deadline) item.deadline = parseDeadlineCell(deadline[1]!, year) ?? item.deadline;
    } else log.add(lineNo, "preamble", "info", { text: shorten(raw) });
  }
  return sections;
}

function checkNumbering(sections: readonly DraftSection[], log: DiagnosticLog): boolean {
  let unique = true;
  const seen = new Set<string>();
  let previous: number | null = null;
  for (const section of sections) {
    const inSection = new Set<string>();
    for (const item of section.items) {
      const n = headingNumber({ level: "h3", no: item.no, rest: "", restOffset: 0 });
      if (inSection.has(item.no)) log.add(item.lead.line, "numbering-duplicate", "warning", { current: item.no });
      else if (n !== null && previous !== null && n !== previous + 1 && n !== 1) {
        log.add(item.lead.line, "numbering-gap", "warning", { previous, current: n });
      }
      if (seen.has(item.no)) unique = false;
      seen.add(item.no);
      inSection.add(item.no);
      previous = n;
    }
  }
  return unique;
}

function finishItem(draft: DraftItem, key: string, year: number, log: DiagnosticLog): PlanItem {
  const departments = [...draft.departments];
  const partners = [...draft.partners];
  const spans: Array<[number, number]> = [];
  draft.lines.forEach((l, idx) => {
    const units = findUnits(l.text);
    departments.push(...units.departments);
    partners.push(...units.partners);
    if (idx === 0) spans.push(...units.spans);
  });
  const leadText = spans.length > 0 ? draft.lead.text.slice(0, spans[0]![0]) : draft.lead.text;
  const title = leadPhrase(leadText) || leadPhrase(draft.lead.text);
  // 责任单位 and 完成时限 lines describe the item; they are no tasks ("完成时限" is not a milestone).
  const extracted = extractTargets(
    draft.lines.filter((l) => !DEADLINE_LINE.test(l.text) && !UNIT_LINE.test(l.text)),
    year,
  );
  for (const u of extracted.unitless) log.add(u.line, "number-without-unit", "warning", { text: u.text });
  const drafts: DraftTarget[] = [...extracted.quantitative, ...extracted.milestones];
  if (drafts.length === 0 && draft.lines.length > 0) drafts.push(itemMilestone(title, draft.lead, year));
  const targets: Target[] = drafts.map((d, i) => {
    const { parentIndex, ...rest } = d;
    return {
      id: `${key}.${i + 1}`,
      ...rest,
      metric: rest.metric || title,
      // The item's own deadline (a 完成时限 cell or line) governs targets whose text names none.
      deadline: draft.deadline !== null && rest.deadline === yearEnd(year) ? draft.deadline : rest.deadline,
      parent: parentIndex === null ? null : `${key}.${parentIndex + 1}`,
    };
  });
  return {
    no: draft.no,
    title,
    text: draft.lines.map((l) => l.text.trim()).join("\n"),
    departments: [...new Set(departments)],
    partners: [...new Set(partners)],
    targets,
    line: draft.lead.line,
  };
}

/** Reads a work plan. Never throws; what it could not read is in `diagnostics`. */
export function parsePlan(text: string, options: ParseOptions = {}): Plan {
  const log = new DiagnosticLog();
  const defaultYear = options.defaultYear ?? new Date().getFullYear();
  const empty = (year: number): Plan => ({ title: "", year, sections: [], diagnostics: log.list });
  if (text.trim().length === 0) {
    log.add(0, "empty-input", "error");
    return empty(defaultYear);
  }
  if (looksBinary(text)) {
    log.add(0, "binary-input", "error");
    return empty(defaultYear);
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const table = findTableHeader(lines);
  const firstHeadingLine = lines.findIndex((l) => !isChrome(l) && readHeading(l)?.level === "h1");
  const titleLimit = table ? table.start : firstHeadingLine >= 0 ? firstHeadingLine : Math.min(lines.length, 10);
  const { title, line: titleLine } = findTitle(lines, Math.max(titleLimit, 1));
  const foundYear = findYear(title, lines);
  const year = foundYear ?? defaultYear;
  if (foundYear === null) log.add(0, "year-not-found", "warning", { year });

  const drafts = table ? parseTable(lines, table, log, year) : parseOutline(lines, log, titleLine, year);
  const uniqueNumbers = checkNumbering(drafts, log);
  const sections: PlanSection[] = drafts.map((s, si) => ({
    no: s.no,
    title: s.title,
    line: s.line,
    items: s.items.map((item) => finishItem(item, uniqueNumbers ? item.no : `${si + 1}.${item.no}`, year, log)),
  }));
  const anyQuantitative = sections.some((s) => s.items.some((i) => i.targets.some((t) => t.kind !== "milestone")));
  if (!anyQuantitative) log.add(0, "no-targets", "warning");
  log.list.sort((a, b) => a.line - b.line);
  return { title, year, sections, diagnostics: log.list };
}
