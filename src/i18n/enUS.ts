import type { MessageKey } from "./zhCN";

/** en-US strings. Typed against zh-CN, so every key must be translated. */
export const enUS: Record<MessageKey, string> = {
  "app.name": "Plan Ledger",

  "diag.empty-input":
    "The input is empty: there is no plan text to read. Paste or choose the full text of the work plan.",
  "diag.binary-input":
    "The input is not text (it looks like a binary file). Give a UTF-8 or GBK .txt file, or a plan JSON.",
  "diag.no-numbering":
    "No numbering such as “一、”, “1.” or “（一）” was found, so every paragraph became an item. Check the items.",
  "diag.no-targets": "No quantitative target was found in the text.",
  "diag.ignored-line": "Line {line} is not part of the plan and was ignored: “{text}”",
  "diag.preamble": "Line {line} is introduction before the first number and is not an item: “{text}”",
  "diag.numbering-gap": "Line {line}: the numbering jumps from {previous} to {current}; an item may be missing.",
  "diag.numbering-duplicate": "Line {line}: number {current} appears again.",
  "diag.number-without-unit":
    "Line {line}: the number “{text}” has no unit and was not taken as a target; if it is one, add it in the plan JSON.",
  "diag.year-not-found": "No year was found in the title or the text; {year} is assumed. Use --year to set it.",
  "diag.table-header": "Line {line} is a table header (“{text}”); the plan was read as a table.",

  "kind.cumulative": "cumulative",
  "kind.balance-increase": "balance increase",
  "kind.rate": "rate",
  "kind.cap": "cap",
  "kind.range": "range",
  "kind.exceeding": "exceeding",
  "kind.milestone": "milestone",

  "severity.info": "info",
  "severity.warning": "warning",
  "severity.error": "error",

  "cli.usage":
    "Usage: plan-ledger <command> [options]\n\nCommands:\n  parse [FILE|-] [--json]   read a work plan and list its structured targets\n  help                      show this help\n\nCommon options:\n  --lang zh|en              language of messages (default zh)\n  --year YEAR               year to use when the title names none\n",
  "cli.unknownCommand": "Unknown command “{command}”. Run plan-ledger help to see the commands.",
  "cli.unknownOption": "Unknown option “{option}”. Run plan-ledger help to see the options.",
  "cli.missingValue": "Option {option} needs a value.",
  "cli.badYear": "The --year value “{value}” is not a valid year (1900–2100).",
  "cli.badLang": "--lang must be zh or en, got “{value}”.",
  "cli.unexpectedArgument": "Unexpected argument “{value}”.",
  "cli.table.header": "Id\tMetric\tCmp\tTarget\tUnit\tKind\tDeadline\tSource",
  "cli.table.section": "{no}. {title}",
  "cli.table.item": "  {no}. {title}{departments}",
  "cli.table.departments": " (responsible: {list})",
  "cli.summary": "{sections} sections, {items} items, {targets} targets ({quantitative} quantitative).",
  "cli.diagnostics": "Notes and warnings ({count}):",

  "error.file-not-found": "File “{file}” was not found. Check the path.",
  "error.file-unreadable": "File “{file}” could not be read: {reason}",
  "error.binary-file": "File “{file}” is not a text file. Give a UTF-8 or GBK plan text, or a plan JSON.",
  "error.file-too-large": "File “{file}” is {size} bytes, over the limit of {limit} bytes.",
  "error.plan-json-invalid": "Plan JSON “{file}”: field {field} is wrong: {problem}. Correct it and try again.",
  "error.plan-json-syntax": "Plan JSON “{file}” is not valid JSON: {reason}",
  "error.plan-json-version":
    "Plan JSON “{file}” has version {version}, which is not supported (this program reads version {supported}). Open it with a newer plan-ledger.",
  "error.internal": "Internal error: {reason}. Please send this message and the file you used to the maintainers.",
};
