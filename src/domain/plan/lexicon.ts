/**
 * The words of the genre: units, comparator words, deadline phrases, milestone verbs, page chrome.
 * Kept apart from the parsing code so that a new plan's vocabulary is added in one place.
 */
import type { Comparator } from "./types";

/** Measure words that make a number a target (longest first when joined into a pattern). */
const BASE_UNITS = [
  "微克/立方米",
  "毫克/立方米",
  "吨标准煤",
  "美元",
  "欧元",
  "标箱",
  "个百分点",
  "个工作日",
  "平方公里",
  "平方米",
  "立方米",
  "标准煤",
  "工作日",
  "个月",
  "人次",
  "家次",
  "场次",
  "批次",
  "项次",
  "户次",
  "架次",
  "千瓦时",
  "千瓦",
  "公里",
  "千米",
  "公顷",
  "小时",
  "分钟",
  "元",
  "米",
  "吨",
  "人",
  "户",
  "家",
  "个",
  "次",
  "篇",
  "期",
  "项",
  "件",
  "条",
  "场",
  "批",
  "座",
  "台",
  "辆",
  "套",
  "处",
  "名",
  "位",
  "部",
  "份",
  "本",
  "所",
  "张",
  "宗",
  "例",
  "起",
  "轮",
  "类",
  "艘",
  "床",
  "亩",
  "株",
  "棵",
  "天",
  "倍",
  "支",
  "间",
  "栋",
  "幢",
  "块",
  "片",
  "宗",
  "万",
  "亿",
];

const PERCENT_UNITS = ["%", "％", "‰", "个百分点"];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");
}

/** A unit: percent signs, or an optional 万/亿/千/百 magnitude before a measure word ("万平方米", "亿元"). */
export const UNIT_PATTERN = `(?:${alternation(PERCENT_UNITS)}|(?:万|亿|千|百)?[余多]?(?:${alternation(BASE_UNITS.filter((u) => u !== "万" && u !== "亿"))})|万|亿)`;

/** Units that mean "a share", so the target is a rate that is not pro-rated. */
export function isPercentUnit(unit: string): boolean {
  return PERCENT_UNITS.includes(unit);
}

/** What follows a number that says it is not a quantity (a year, a date, an ordinal, a name). */
export const NOT_A_QUANTITY_AFTER = /^(?:周年|年|月|日|号|届|次全会|世纪|后|代|中全会|大|中心|路|街)/;

interface ComparatorWord {
  word: string;
  comparator: Comparator;
}

/** Comparator words before the number, the longest first so 不超过 wins over 超过. */
export const COMPARATOR_WORDS_BEFORE: readonly ComparatorWord[] = (
  [
    ["不少于", ">="],
    ["不低于", ">="],
    ["不小于", ">="],
    ["不下于", ">="],
    ["至少", ">="],
    ["达到", ">="],
    ["达", ">="],
    ["保持在", ">="],
    ["稳定在", ">="],
    ["提高到", ">="],
    ["提升到", ">="],
    ["提高至", ">="],
    ["提升至", ">="],
    ["增加到", ">="],
    ["增长到", ">="],
    ["不超过", "<="],
    ["不高于", "<="],
    ["不多于", "<="],
    ["不大于", "<="],
    ["控制在", "<="],
    ["压缩到", "<="],
    ["压缩至", "<="],
    ["压减到", "<="],
    ["压减至", "<="],
    ["减少到", "<="],
    ["减少至", "<="],
    ["降低到", "<="],
    ["降低至", "<="],
    ["降至", "<="],
    ["低于", "<="],
    ["少于", "<="],
    ["超过", ">"],
    ["高于", ">"],
    ["多于", ">"],
    ["大于", ">"],
    ["突破", ">"],
  ] as const
)
  .map(([word, comparator]) => ({ word, comparator }))
  .sort((a, b) => b.word.length - a.word.length);

/** Words right after the number and unit that set the comparator ("10家以上", "5%以内"). */
export const COMPARATOR_WORDS_AFTER: readonly ComparatorWord[] = [
  { word: "以上", comparator: ">=" },
  { word: "以内", comparator: "<=" },
  { word: "以下", comparator: "<=" },
];

/** Verbs that may stand right before a Chinese-numeral quantity ("新增五家", "举办两期"). */
export const QUANTITY_VERBS =
  /(?:新增|新设|新建|新开|增加|完成|举办|组织|开展|召开|建成|建设|引进|培训|培育|新培育|实施|推出|打造|创建|评选|选派|发布|办理|开通|改造|整治|达到|实现|推动|争取|累计|共|计|再)$/;

/** Words that open a clause and say when or how firmly, not what ("年内", "力争"). Removed from metrics. */
export const CLAUSE_PREFIXES =
  /^(?:[，,、\s]|(?:到|在|于)?(?:第?[一二三四1-4]季度(?:末|前)?|[0-9０-９]{1,2}月(?:底|末)?(?:前|以前)?)|年内|全年|今年|当年|年底前|年底|年末|上半年|下半年|其中|力争|争取|确保|认真|重点|努力|进一步|积极|切实|继续|全面|按期|抓紧|加快|及时|要|并|和|及)+/;

/** Words that close a metric and say how firmly, not what ("一般不超过" → "一般"). */
export const METRIC_SUFFIXES = /(?:一般|原则上|均|都|要|需|应|力争|争取|确保|总计|合计|共计|共|全年)+$/;

/** Verbs that open a milestone clause: a deliverable that is done or not ("出台《…办法》"). */
export const MILESTONE_VERBS =
  /^(?:出台|制定|制发|修订|修编|建成|成立|完成|启动|开通|编发|印发|组建|设立|编制|颁布|上线|召开)/;

/** Lines that are page furniture of a government website, not plan text. */
export const CHROME_LINE =
  /^(?:字体大小|【?打印】?|【?关闭】?|关闭窗口|扫一扫|分享到|如果您对该文件有疑问|来源[:：]|浏览次数|阅读次数|发布时间[:：]|责任编辑|相关链接|返回顶部|主办单位|网站标识码|版权所有|.*ICP备|当前位置|首页\s*>|【字体|字号[:：]|访问量|上一篇|下一篇|附件下载|索\s*引\s*号|[•·●▪◦]\s*(?:年度期数|总期刊数|成文日期|发布日期|发文字号|发文机关|主题分类|有效性))/;

/** Header cells of a plan laid out as a table (one cell per line, or tab-separated). */
export const TABLE_HEADERS: Record<
  string,
  "no" | "task" | "target" | "departments" | "partners" | "deadline" | "other"
> = {
  序号: "no",
  编号: "no",
  工作任务: "task",
  重点任务: "task",
  主要任务: "task",
  工作内容: "task",
  任务内容: "task",
  工作事项: "task",
  具体任务: "task",
  工作要点: "task",
  任务: "task",
  目标任务: "target",
  具体目标: "target",
  工作目标: "target",
  目标值: "target",
  目标: "target",
  牵头单位: "departments",
  责任单位: "departments",
  责任部门: "departments",
  牵头部门: "departments",
  主责单位: "departments",
  配合单位: "partners",
  配合部门: "partners",
  协办单位: "partners",
  完成时限: "deadline",
  完成时间: "deadline",
  时间节点: "deadline",
  时限要求: "deadline",
  完成期限: "deadline",
  备注: "other",
  分管领导: "other",
  责任领导: "other",
  责任人: "other",
};

/** The end of a unit name: 市发改委, 财政局, 各区市人民政府, 青岛海关 … */
export const ORGANISATION_NAME =
  /^[^\s，,。；;：:]{1,24}?(?:委员会|委|局|办公室|办|厅|院|会|中心|政府|部|处|室|所|队|公司|集团|银行|行|署|站|社|馆|团|联|台|大学|学院|海关|管委会|指挥部|各区市|各区|各县|各市|区市|区|县|街道|镇|科|组)$/;
