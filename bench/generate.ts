/**
 * Deterministic test material for the benchmark: Chinese news text (one
 * paragraph per line, articles separated by a blank line) and annotation spans
 * over it. Pure TypeScript, so both Node (run.ts) and the browser harness use
 * it and get the same text and spans from the same seed.
 */

/** The seeded PRNG the test fixtures use (mulberry32). */
export { mulberry32 as prng } from '../shared/wrap-fixtures';
import { utf8Length } from '../shared/text';
import { mulberry32 as prng } from '../shared/wrap-fixtures';

type Rng = () => number;

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

const PLACES =
  '北京 上海 广州 深圳 杭州 成都 武汉 西安 重庆 南京 天津 长沙 郑州 香港 苏州 青岛'.split(' ');
const ORGS = (
  '国家统计局 国家发展改革委 财政部 商务部 中国人民银行 工业和信息化部 市人民政府 生态环境部 ' +
  '国务院新闻办公室 海关总署 世界银行 国际货币基金组织 中国社会科学院 市场监管总局'
).split(' ');
const PEOPLE = '张伟 王芳 李娜 刘洋 陈静 杨帆 赵磊 黄敏 周杰 吴昊 徐丽 孙强 马超 朱婷'.split(' ');
const TITLES = '新闻发言人 首席经济学家 副局长 研究员 教授 负责人 副市长 司长 分析师'.split(' ');
const TOPICS = (
  '经济增长 消费市场 制造业投资 新能源汽车 跨境电商 城乡居民收入 房地产市场 科技创新 乡村振兴 ' +
  '对外贸易 碳排放 就业形势 人工智能产业 数字经济 基础设施建设 粮食生产 服务业 高技术产业 ' +
  '社会消费品零售总额 固定资产投资 居民消费价格 工业增加值 外商直接投资 旅游市场'
).split(' ');
const PREDICATES = (
  '保持稳定增长 呈现回升态势 持续改善 进一步扩大 明显加快 好于市场预期 面临一定压力 逐步恢复 ' +
  '稳中有进 总体平稳 延续向好势头 出现小幅波动'
).split(' ');
const ACTIONS = (
  '继续加大政策支持力度 推动重点项目尽快落地 完善相关配套措施 加强监测和预警 ' +
  '扩大高水平对外开放 进一步优化营商环境 做好民生保障工作'
).split(' ');
const VERBS = '表示 指出 认为 强调 介绍 透露 说'.split(' ');
const LINKS = '与此同时 此外 据了解 值得注意的是 总体来看 业内人士认为 另据报道 分地区看'.split(
  ' ',
);
const LATIN = 'GDP CPI PMI AI 5G ESG iPhone Reuters Bloomberg WTO IMF COVID-19 OpenAI APEC'.split(
  ' ',
);
const UNITS = '亿元 万亿元 万辆 万人 万吨 亿美元 个百分点 家企业'.split(' ');

function pct(rng: Rng): string {
  return `${int(rng, 0, 19)}.${int(rng, 0, 9)}%`;
}
function amount(rng: Rng): string {
  const n = rng() < 0.5 ? String(int(rng, 2, 9999)) : `${int(rng, 1, 999)}.${int(rng, 1, 9)}`;
  return n + pick(rng, UNITS);
}
function when(rng: Rng): string {
  const forms = [
    () => `${int(rng, 2019, 2025)}年${int(rng, 1, 12)}月`,
    () => `今年前${int(rng, 2, 11)}个月`,
    () => pick(rng, ['一季度', '上半年', '去年同期', '前三季度', '“十四五”期间']),
  ];
  return pick(rng, forms)();
}
function measure(rng: Rng): string {
  return pick(rng, [
    () => `同比增长${pct(rng)}`,
    () => `环比下降${pct(rng)}`,
    () => `达到${amount(rng)}`,
    () => `比上年同期增加${amount(rng)}`,
    () => `占比提高到${pct(rng)}`,
  ])();
}

function sentence(rng: Rng): string {
  const topic = () => pick(rng, TOPICS);
  const pred = () => pick(rng, PREDICATES);
  const person = () => pick(rng, ORGS) + pick(rng, TITLES) + pick(rng, PEOPLE);
  return pick(rng, [
    () => `${when(rng)}，${pick(rng, PLACES)}${topic()}${pred()}，${measure(rng)}。`,
    () =>
      `${person()}${pick(rng, VERBS)}，${topic()}${pred()}，${measure(rng)}，${topic()}${pred()}。`,
    () =>
      `${pick(rng, PEOPLE)}${pick(rng, VERBS)}：“${topic()}${pred()}，我们将${pick(rng, ACTIONS)}。”`,
    () => `${pick(rng, LINKS)}，${topic()}、${topic()}和${topic()}等领域${pred()}。`,
    () =>
      `据${pick(rng, ORGS)}统计，${when(rng)}${pick(rng, PLACES)}${topic()}${measure(rng)}，` +
      `其中${pick(rng, LATIN)}相关${topic()}${measure(rng)}。`,
    () =>
      `${pick(rng, LATIN)}数据显示，${topic()}${pred()}（${pick(rng, LATIN)} ${int(rng, 10, 99)}）。`,
    () =>
      `${pick(rng, LINKS)}，${pick(rng, PLACES)}将${pick(rng, ACTIONS)}，力争${when(rng)}${measure(rng)}。`,
  ])();
}

function article(rng: Rng): string[] {
  const lines = [`${pick(rng, PLACES)}${pick(rng, TOPICS)}${pick(rng, PREDICATES)}`];
  const paragraphs = int(rng, 4, 12);
  for (let p = 0; p < paragraphs; p++) {
    let line = '';
    if (p === 0) {
      line = `新华社${pick(rng, PLACES)}${int(rng, 1, 12)}月${int(rng, 1, 28)}日电（记者${pick(rng, PEOPLE)}）`;
    }
    const sentences = int(rng, 2, 7);
    for (let s = 0; s < sentences; s++) line += sentence(rng);
    lines.push(line);
  }
  return lines;
}

/** Articles until the UTF-8 encoding reaches `targetBytes`; ends with a newline. */
export function generateText(targetBytes: number, seed = 20240501): string {
  const rng = prng(seed);
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const chunk = article(rng).join('\n') + '\n\n';
    parts.push(chunk);
    bytes += utf8Length(chunk);
  }
  return parts.join('');
}

export interface Span {
  start: number;
  end: number;
  /** Indexes into the codebook (one or two). */
  categories: number[];
}

/**
 * `count` spans spread evenly over the text, each inside one paragraph, 4–60
 * characters long. About one in seven overlaps the span before it (nested or
 * crossing), as analysts' spans do when one sentence carries two claims.
 */
export function makeSpans(text: string, count: number, categoryCount: number, seed = 7): Span[] {
  const rng = prng(seed);
  const spans: Span[] = [];
  const slot = text.length / count;
  for (let i = 0; i < count; i++) {
    const prev = spans[spans.length - 1];
    let start =
      prev && rng() < 0.15
        ? prev.start + int(rng, 0, Math.max(0, prev.end - prev.start - 2))
        : Math.floor(i * slot + rng() * slot * 0.6);
    while (start < text.length - 1 && text[start] === '\n') start++;
    const lineEnd = text.indexOf('\n', start);
    const limit = lineEnd < 0 ? text.length : lineEnd;
    const end = Math.min(limit, start + int(rng, 4, 60));
    if (end - start < 2) {
      // A blank line or the end of a paragraph: take the paragraph's first characters.
      const next = text.indexOf('\n', start) + 1;
      spans.push({ start: next, end: next + 4, categories: [int(rng, 0, categoryCount - 1)] });
      continue;
    }
    const first = int(rng, 0, categoryCount - 1);
    const second = (first + int(rng, 1, categoryCount - 1)) % categoryCount;
    spans.push({ start, end, categories: rng() < 0.3 ? [first, second] : [first] });
  }
  return spans;
}
