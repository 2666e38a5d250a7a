/**
 * zh-CN strings: the primary language and the source of the message keys. Every other language must
 * translate every key (enUS.ts is typed against this file, so a missing key is a compile error).
 * Placeholders are written {name}.
 */
export const zhCN = {
  "app.name": "工作台账",

  "diag.empty-input": "输入为空：没有可读取的计划文本。请粘贴或选择工作要点全文。",
  "diag.binary-input": "输入不是文本（看起来是二进制文件）。请提供 UTF-8 或 GBK 编码的 .txt 文本，或计划 JSON。",
  "diag.no-numbering": "未找到“一、”“1.”“（一）”等编号，已将每个段落作为一项工作。请检查分项是否正确。",
  "diag.no-targets": "全文未找到任何可量化的目标。",
  "diag.ignored-line": "第 {line} 行不是计划正文，已忽略：“{text}”",
  "diag.preamble": "第 {line} 行是编号前的导语，未作为工作事项：“{text}”",
  "diag.numbering-gap": "第 {line} 行：编号从 {previous} 跳到 {current}，中间可能缺项。",
  "diag.numbering-duplicate": "第 {line} 行：编号 {current} 重复出现。",
  "diag.number-without-unit": "第 {line} 行：数字“{text}”没有单位，未作为目标；如是目标，请在计划 JSON 中补充。",
  "diag.year-not-found": "未在标题或正文中找到年份，按 {year} 年处理。可用 --year 指定。",
  "diag.table-header": "第 {line} 行是表头“{text}”，已按表格形式读取。",

  "kind.cumulative": "累计",
  "kind.balance-increase": "余额增量",
  "kind.rate": "比率",
  "kind.cap": "上限",
  "kind.range": "区间",
  "kind.exceeding": "超过",
  "kind.milestone": "节点任务",

  "severity.info": "提示",
  "severity.warning": "警告",
  "severity.error": "错误",

  "cli.usage":
    "用法：plan-ledger <命令> [选项]\n\n命令：\n  parse [文件|-] [--json]   读取工作要点，列出结构化目标\n  help                      显示本帮助\n\n通用选项：\n  --lang zh|en              界面语言（默认 zh）\n  --year 年份               标题中没有年份时使用的年份\n",
  "cli.unknownCommand": "未知命令“{command}”。运行 plan-ledger help 查看可用命令。",
  "cli.unknownOption": "未知选项“{option}”。运行 plan-ledger help 查看可用选项。",
  "cli.missingValue": "选项 {option} 需要一个值。",
  "cli.badYear": "--year 的值“{value}”不是有效年份（1900–2100）。",
  "cli.badLang": "--lang 只能是 zh 或 en，收到“{value}”。",
  "cli.unexpectedArgument": "多余的参数“{value}”。",
  "cli.table.header": "编号\t指标\t比较\t目标值\t单位\t类型\t完成时限\t原文",
  "cli.table.section": "{no}、{title}",
  "cli.table.item": "  {no}. {title}{departments}",
  "cli.table.departments": "（责任单位：{list}）",
  "cli.summary": "共 {sections} 个部分、{items} 项工作、{targets} 个目标（其中量化目标 {quantitative} 个）。",
  "cli.diagnostics": "提示与警告（{count} 条）：",

  "error.file-not-found": "找不到文件“{file}”。请检查路径。",
  "error.file-unreadable": "无法读取文件“{file}”：{reason}",
  "error.binary-file": "文件“{file}”不是文本文件。请提供 UTF-8 或 GBK 编码的计划文本，或计划 JSON。",
  "error.file-too-large": "文件“{file}”有 {size} 字节，超过上限 {limit} 字节。",
  "error.plan-json-invalid": "计划 JSON“{file}”第 {field} 项有误：{problem}。请改正后再试。",
  "error.plan-json-syntax": "计划 JSON“{file}”不是有效的 JSON：{reason}",
  "error.plan-json-version":
    "计划 JSON“{file}”的版本 {version} 不受支持（本程序支持第 {supported} 版）。请用新版 plan-ledger 打开。",
  "error.internal": "内部错误：{reason}。请把这条信息和所用文件发给维护人员。",
} as const;

export type MessageKey = keyof typeof zhCN;
