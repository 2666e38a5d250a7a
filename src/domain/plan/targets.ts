/**
 * Quantitative targets and milestones in the text of one item. Works on raw lines so that every
 * target's `source` is an exact substring of the input, and stays linear in the length of a line.
 */
import { deadlineFor, yearEnd } from "./deadlines";
import {
  CLAUSE_PREFIXES,
  COMPARATOR_WORDS_AFTER,
  COMPARATOR_WORDS_BEFORE,
  METRIC_SUFFIXES,
  MILESTONE_VERBS,
  NOT_A_QUANTITY_AFTER,
  QUANTITY_VERBS,
  UNIT_PATTERN,
  isPercentUnit,
} from "./lexicon";
import { CHINESE_NUMERAL_CHARS, parseNumberToken } from "./numerals";
import type { Comparator, Target, TargetKind } from "./types";

export interface SourceLine {
  text: string;
  /** 1-based line number in the plan text. */
  line: number;
}

/** A target before it gets its id. */
export type DraftTarget = Omit<Target, "id" | "parent"> & { parentIndex: number | null };

export interface ExtractResult {
  quantitative: DraftTarget[];
  milestones: DraftTarget[];
  /** Numbers that look like targets but have no unit. */
  unitless: Array<{ line: number; text: string }>;
}

const ARABIC = "[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?";
const CHINESE = `[${CHINESE_NUMERAL_CHARS}]+`;
const NUMBER = `(?:${ARABIC}|${CHINESE})`;
const QUANTITY = new RegExp(
  `(?<num>${NUMBER})(?:[%％]?\\s*(?<dash>[-－–—~～〜至到])\\s*(?<num2>${NUMBER}))?\\s*(?<unit>${UNIT_PATTERN})`,
  "g",
);
const BARE_NUMBER_AFTER_COMPARATOR = new RegExp(
  `(?:${COMPARATOR_WORDS_BEFORE.map((w) => w.word).join("|")})(?<num>${ARABIC})(?![0-9０-９.．]|\\s*${UNIT_PATTERN})`,
  "g",
);
const SENTENCE_END = new Set(["。", "！", "？", "!", "?", "；", ";"]);
const CLAUSE_END = new Set(["，", ",", "：", ":"]);
const DIGIT = /[0-9０-９]/;
const NUMBER_CHAR = /[0-9０-９.．,，]/;
const MAX_METRIC = 40;
/** How far around a target the parser looks for its deadline and 其中. */
const WINDOW = 200;

interface Span {
  start: number;
  end: number;
}

/** Sentences and clauses of a line, ignoring separators inside 《》 and “” and commas inside numbers. */
function segment(text: string): { sentences: Span[]; clauses: Span[]; inQuote: Uint8Array } {
  const sentences: Span[] = [];
  const clauses: Span[] = [];
  const inQuote = new Uint8Array(text.length);
  let book = 0;
  let quote = 0;
  let sentenceStart = 0;
  let clauseStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "《") book++;
    else if (ch === "》") book = Math.max(0, book - 1);
    else if (ch === "“") quote++;
    else if (ch === "”") quote = Math.max(0, quote - 1);
    const quoted = book > 0 || quote > 0 || ch === "》" || ch === "”";
    inQuote[i] = quoted ? 1 : 0;
    if (quoted) continue;
    const commaInNumber = (ch === "," || ch === "，") && DIGIT.test(text[i - 1] ?? "") && DIGIT.test(text[i + 1] ?? "");
    if (SENTENCE_END.has(ch)) {
      clauses.push({ start: clauseStart, end: i });
      sentences.push({ start: sentenceStart, end: i });
      sentenceStart = clauseStart = i + 1;
    } else if (CLAUSE_END.has(ch) && !commaInNumber) {
      clauses.push({ start: clauseStart, end: i });
      clauseStart = i + 1;
    }
  }
  clauses.push({ start: clauseStart, end: text.length });
  sentences.push({ start: sentenceStart, end: text.length });
  return { sentences, clauses, inQuote };
}

function findComparatorBefore(before: string): { comparator: Comparator; index: number; length: number } | null {
  let best: { comparator: Comparator; index: number; length: number } | null = null;
  for (const { word, comparator } of COMPARATOR_WORDS_BEFORE) {
    const index = before.lastIndexOf(word);
    if (index < 0 || before.length - (index + word.length) > 8) continue;
    // 不超过 contains 超过: keep the longest word at the rightmost place.
    if (
      !best ||
      index + word.length > best.index + best.length ||
      (index < best.index && index + word.length === best.index + best.length)
    ) {
      best = { comparator, index, length: word.length };
    }
  }
  return best;
}

function cleanMetric(text: string): string {
  let metric = text
    .replace(CLAUSE_PREFIXES, "")
    .replace(METRIC_SUFFIXES, "")
    .replace(/[的、\s]+$/, "");
  metric = metric.replace(/^[“”"《》()（）]+$/, "");
  if (metric.length > 16 && metric.includes("的")) {
    const tail = metric.slice(metric.lastIndexOf("的") + 1);
    if (tail.length >= 2) metric = tail;
  }
  return metric.length > MAX_METRIC ? metric.slice(0, MAX_METRIC) : metric;
}

function kindOf(comparator: Comparator, unit: string, metric: string, context: string): TargetKind {
  if (comparator === "range") return "range";
  if (isPercentUnit(unit) || /率$/.test(metric)) return "rate";
  if (comparator === "<=") return "cap";
  if (comparator === ">") return "exceeding";
  if (/余额|比年初|较年初|比上年末|较上年末/.test(context)) return "balance-increase";
  return "cumulative";
}

/** The unit as written, less the "about" of "1万余人" (the target is the number). */
function unitAsWritten(unit: string): string {
  return unit === "％" ? "%" : unit.replace(/[余多]/, "");
}

function isChineseNumeral(token: string): boolean {
  return !DIGIT.test(token);
}

interface Quantity {
  start: number;
  end: number;
  value: number;
  max: number | null;
  unit: string;
}

/** Number-and-unit matches that are quantities, not years, ordinals, names or numbers inside 《》. */
function acceptQuantities(text: string, inQuote: Uint8Array): Quantity[] {
  const accepted: Quantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const start = match.index;
    const groups = match.groups!;
    const numToken = groups.num!;
    const unit = groups.unit!;
    if (inQuote[start]) continue;
    const prev = text[start - 1] ?? "";
    if (NUMBER_CHAR.test(prev) && DIGIT.test(text[start - 2] ?? prev)) continue; // tail of a bigger number
    if (prev === "第" || prev === "前" || prev === "近") continue;
    const end = start + match[0].length;
    const rest = text.slice(end, end + 4);
    if (NOT_A_QUANTITY_AFTER.test(text.slice(start + numToken.length, start + numToken.length + 4))) continue;
    if (isChineseNumeral(numToken)) {
      if (CHINESE_NUMERAL_CHARS.includes(prev)) continue;
      const lead = text.slice(Math.max(0, start - 4), start);
      const byComparator = COMPARATOR_WORDS_BEFORE.some((w) => lead.endsWith(w.word));
      // "新增就业岗位一千个": a clause that opens with a quantity verb and ends with the quantity.
      const clauseLead =
        text
          .slice(Math.max(0, start - 24), start)
          .split(/[，,。；;：:]/)
          .pop() ?? "";
      const opensWithVerb =
        QUANTITY_VERBS_AT_START.test(clauseLead.replace(CLAUSE_PREFIXES, "")) && /^(?:$|[，,。；;：:（(])/.test(rest);
      if (!byComparator && !QUANTITY_VERBS.test(lead) && !opensWithVerb) continue;
      if (/^[性化]/.test(rest) || (numToken === "一" && /^(?:批|些|系列|个)/.test(unit + rest))) continue;
    }
    const value = parseNumberToken(numToken);
    const max = groups.num2 !== undefined ? parseNumberToken(groups.num2) : null;
    if (value === null || (groups.num2 !== undefined && max === null)) continue;
    accepted.push({ start, end, value, max, unit });
  }
  return accepted;
}

const QUANTITY_VERBS_AT_START = new RegExp(`^${QUANTITY_VERBS.source.replace(/\$$/, "")}`);

const ABSTRACT_HEAD = /(?:力度|工作|水平|质量|效率|能力|进度)$/;

/**
 * The metric of "verb + number + unit + object" ("举办1期全市应急管理专题培训班"): the verb and the object's
 * head noun ("举办全市应急管理专题培训班").
 */
function verbPlusObject(subject: string, object: string): string {
  const cleanedSubject = cleanMetric(subject);
  const verb = /[等对]$/.test(cleanedSubject)
    ? ""
    : cleanedSubject.length > 4
      ? cleanedSubject.slice(-2)
      : cleanedSubject;
  let head = object.replace(CLAUSE_PREFIXES, "").replace(/[的、\s]+$/, "");
  const of = head.lastIndexOf("的");
  if (of >= 0) {
    const before = head.slice(0, of);
    const after = head.slice(of + 1);
    head = ABSTRACT_HEAD.test(after) ? `${after.replace(ABSTRACT_HEAD, "")}${before}` : after;
  }
  return `${verb}${head}`.slice(0, MAX_METRIC);
}

/** Extracts the targets of one item from its lines. Never throws. */
export function extractTargets(lines: readonly SourceLine[], planYear: number): ExtractResult {
  const result: ExtractResult = { quantitative: [], milestones: [], unitless: [] };
  for (const { text, line } of lines) extractFromLine(text, line, planYear, result);
  return result;
}

function extractFromLine(text: string, line: number, planYear: number, out: ExtractResult): void {
  const { sentences, clauses, inQuote } = segment(text);
  // Matches and clauses come in order, so a forward-only cursor finds each one's sentence in linear time.
  let sentenceCursor = 0;
  const sentenceOf = (pos: number): Span => {
    if (pos < sentences[sentenceCursor]!.start) sentenceCursor = 0;
    while (sentenceCursor < sentences.length - 1 && sentences[sentenceCursor]!.end < pos) sentenceCursor++;
    return sentences[sentenceCursor]!;
  };
  const clausesWithTargets = new Set<Span>();
  let clauseIndex = 0;
  let lastTopLevel: number | null = null;
  let lastSentence: Span | null = null;
  let lastEndInClause = -1;

  const accepted = acceptQuantities(text, inQuote);
  for (let k = 0; k < accepted.length; k++) {
    const { start, end, value, max, unit } = accepted[k]!;
    const nextStart = accepted[k + 1]?.start ?? text.length;
    while (clauseIndex < clauses.length - 1 && clauses[clauseIndex]!.end < start) clauseIndex++;
    const clause = clauses[clauseIndex]!;
    clausesWithTargets.add(clause);
    const sentence = sentenceOf(start);
    if (sentence !== lastSentence) {
      lastSentence = sentence;
      lastTopLevel = null;
    }
    const segStart = Math.max(clause.start, lastEndInClause, start - WINDOW);
    const before = text.slice(segStart, start);
    let suffixLength = 0;
    let comparator: Comparator = ">=";
    const afterWord = COMPARATOR_WORDS_AFTER.find((w) => text.startsWith(w.word, end));
    const beforeWord = findComparatorBefore(before);
    if (max !== null) comparator = "range";
    else if (beforeWord) comparator = beforeWord.comparator;
    else if (afterWord) comparator = afterWord.comparator;
    if (afterWord) suffixLength = afterWord.word.length;
    if (beforeWord?.comparator === "<=" && afterWord?.word === "以上") comparator = "<=";

    const subjectText = beforeWord ? before.slice(0, beforeWord.index) : before;
    const gapText = beforeWord ? before.slice(beforeWord.index + beforeWord.length).replace(/的$/, "") : "";
    const objectEnd = Math.min(clause.end, nextStart, end + suffixLength + MAX_METRIC);
    const afterRaw = text.slice(end + suffixLength, objectEnd);
    const afterText = /^[)）\]】（(]/.test(afterRaw) ? "" : afterRaw.replace(/^(?:左右)/, "").trimEnd();
    let metric = afterText.trim().length > 0 ? verbPlusObject(subjectText, afterText) : cleanMetric(subjectText);
    if (gapText.trim().length > 0) metric = `${metric}（占${gapText.trim()}）`;
    const sourceStart = segStart + (before.length - before.replace(/^[\s，,、]+/, "").length);
    const source = text.slice(
      sourceStart,
      afterText.trim().length > 0 ? end + suffixLength + afterRaw.trimEnd().length : end + suffixLength,
    );
    // A bounded window of the sentence keeps a huge unpunctuated line linear.
    const windowStart = Math.max(sentence.start, start - WINDOW);
    // A deadline after the target counts only up to the clause of the next target ("新建10个，6月底前完成"
    // yes; "新建10个，上半年完成绿道5公里" no).
    let nextClause = clauseIndex;
    while (nextClause < clauses.length - 1 && clauses[nextClause]!.end < nextStart) nextClause++;
    const isLast = k + 1 >= accepted.length;
    const afterLimit = isLast ? text.length : nextClause > clauseIndex ? clauses[nextClause]!.start : nextStart;
    const sentenceText = text.slice(windowStart, Math.min(sentence.end, end + WINDOW, Math.max(afterLimit, end)));
    const withinSentence = start - windowStart;
    const subTarget = /其中/.test(text.slice(windowStart, start));
    const context = text.slice(Math.max(sentence.start, start - 20), end);

    const draft: DraftTarget = {
      metric,
      comparator,
      value,
      max,
      unit: unitAsWritten(unit),
      kind: kindOf(comparator, unit, metric, context),
      deadline: deadlineFor(sentenceText, withinSentence, planYear),
      parentIndex: null,
      source,
      line,
    };
    const index = out.quantitative.length;
    if (subTarget) {
      draft.parentIndex = lastTopLevel ?? findPreviousTopLevel(out);
    } else {
      lastTopLevel = index;
    }
    out.quantitative.push(draft);
    lastEndInClause = end + suffixLength + (afterText.trim().length > 0 ? afterRaw.length : 0);
  }

  for (const m of text.matchAll(BARE_NUMBER_AFTER_COMPARATOR)) {
    if (!inQuote[m.index]) out.unitless.push({ line, text: m[0] });
  }

  sentenceCursor = 0;
  for (const clause of clauses) {
    if (clausesWithTargets.has(clause)) continue;
    const raw = text.slice(clause.start, clause.end);
    const lead = raw.length - raw.replace(/^[\s，,、]+/, "").length;
    const stripped = raw.replace(CLAUSE_PREFIXES, "");
    if (!MILESTONE_VERBS.test(stripped) || stripped.length < 4) continue;
    const source = raw.slice(lead).trimEnd();
    const sentence = sentenceOf(clause.start);
    out.milestones.push({
      metric: stripped.trim().slice(0, MAX_METRIC * 2),
      comparator: "=",
      value: null,
      max: null,
      unit: "",
      kind: "milestone",
      deadline: deadlineFor(
        text.slice(Math.max(sentence.start, clause.start - WINDOW), Math.min(sentence.end, clause.end + WINDOW)),
        Math.min(WINDOW, clause.start - sentence.start),
        planYear,
      ),
      parentIndex: null,
      source,
      line,
    });
  }
}

/** 其中 at the start of a sentence refers to the item's previous top-level target. */
function findPreviousTopLevel(out: ExtractResult): number | null {
  for (let i = out.quantitative.length - 1; i >= 0; i--) {
    if (out.quantitative[i]!.parentIndex === null) return i;
  }
  return null;
}

/** A milestone that stands for a whole item that has no target of its own. */
export function itemMilestone(title: string, firstLine: SourceLine, planYear: number): DraftTarget {
  const at = firstLine.text.indexOf(title);
  return {
    metric: title,
    comparator: "=",
    value: null,
    max: null,
    unit: "",
    kind: "milestone",
    deadline: yearEnd(planYear),
    parentIndex: null,
    source: at >= 0 ? title : firstLine.text.trim(),
    line: firstLine.line,
  };
}
