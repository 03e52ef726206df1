/**
 * Word lists for quantity detection. Kept apart from the scanner so that
 * adding a unit or an approximation word never touches the parsing logic.
 */

export type Approx = 'more' | 'less' | 'about' | 'at-least' | 'at-most';

/**
 * What follows a number decides whether it is an amount:
 * - measure: physical units and currencies, the only ones a bare magnitude
 *   (千亿元, 万亿元) may precede, because 千家万户 and 万人空巷 are idioms;
 * - counter: 个, 户, 名 …;
 * - percent, points (个百分点), tenths (成 = ×10 %), times (倍);
 * - time: dates, clock times and durations, which are not claim quantities;
 * - veto: a numbered thing (3号, 二十届, 500强, 两位数), not an amount;
 * - word: a word that merely starts with a unit character (成为, 倍增, 元宇宙):
 *   the number stays, without a unit.
 */
export type UnitKind =
  'measure' | 'counter' | 'percent' | 'points' | 'tenths' | 'times' | 'time' | 'veto' | 'word';

const entries = <K extends string>(kind: K, words: string): [string, K][] =>
  words
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => [w, kind]);

export const CJK_UNITS: ReadonlyMap<string, UnitKind> = new Map<string, UnitKind>([
  ...entries(
    'measure',
    `元 美元 欧元 日元 英镑 港元 港币 澳元 韩元 卢布 人民币 元人民币
     千瓦时 千瓦 兆瓦时 兆瓦 吉瓦时 吉瓦 瓦时 瓦 度 千伏安 千伏 伏
     吨标准煤 吨标煤 吨油当量 吨 千克 公斤 克 斤
     公里 千米 米 厘米 毫米 平方公里 平方千米 平方米 平米 立方米 亩 公顷 升 毫升
     标准箱 标箱 桶 海里 摄氏度 ℃ 赫兹 分贝`,
  ),
  ...entries(
    'counter',
    `个 户 名 人 位 家 项 宗 座 所 辆 架 条 台 套 件 只 头 匹 张 本 部 艘 棵 株 处 份 种 类
     支 场 例 篇 册 栋 幢 间 枚 颗 粒 根 块 片 箱 袋 瓶 杯 双 组 队 团 轮 段 盏 笔 次 趟 列 层
     人次 架次 车次 班次 艘次 户次 岁 周岁 股`,
  ),
  ...entries('points', '个百分点 百分点'),
  ...entries('tenths', '成'),
  ...entries('times', '倍'),
  ...entries(
    'time',
    `年 年度 年代 周年 个月 月份 月 日 天 个工作日 工作日 周 个星期 星期 个小时 小时 时
     分钟 分 秒 世纪 个季度 季度 点 点钟 刻 宿 夜 晚`,
  ),
  ...entries('veto', '号 号线 届 版 楼 级 期 路 连 后 代 强 位数 中全会 批 年级 线'),
  ...entries(
    'word',
    `成为 成员 成立 成果 成本 成功 成绩 成效 成熟 成长 成交 成品 成套 成就 成型 成都
     倍增 元宇宙 元素 元旦 度过 次年 次日 头部 名单 所有 种植 部分 支持 支撑 根据`,
  ),
]);
export const CJK_UNIT_MAX = Math.max(...[...CJK_UNITS.keys()].map((k) => k.length));

/** Latin unit symbols written right after the digits (case matters: 5G is a name, 5g grams). */
export const LATIN_UNITS: ReadonlySet<string> = new Set(
  `km kg g mg t Mt Gt m cm mm km² m² m³ kW kWh MW MWh GW GWh TW TWh W L ml mL ha
   P PB TB GB MB EB Mbps Gbps bps °C`.split(/\s+/),
);
export const LATIN_UNIT_MAX = 4;

/** English units and counters after a space, lower-cased; longest phrase wins. */
export const EN_UNITS: ReadonlyMap<string, UnitKind> = new Map<string, UnitKind>([
  ...entries('percent', 'percent pct'),
  ['per cent', 'percent'],
  ['percentage points', 'points'],
  ['percentage point', 'points'],
  ['basis points', 'counter'],
  ['basis point', 'counter'],
  ...entries('times', 'times'),
  ...entries(
    'measure',
    `tonnes tonne tons ton kilograms kilogram kg grams gram kilometres kilometre kilometers
     kilometer km miles mile metres metre meters meter hectares hectare acres acre litres
     litre liters liter gallons gallon barrels barrel watts kilowatts kilowatt kw kwh
     megawatts megawatt mw gigawatts gigawatt gw gwh twh kilowatt-hours terawatt-hours
     gigawatt-hours yuan renminbi dollars dollar euros euro pounds yen rupees roubles rubles`,
  ),
  ['metric tons', 'measure'],
  ['square kilometres', 'measure'],
  ['square kilometers', 'measure'],
  ['square metres', 'measure'],
  ['square meters', 'measure'],
  ['cubic metres', 'measure'],
  ['cubic meters', 'measure'],
  ['kilowatt hours', 'measure'],
  ['terawatt hours', 'measure'],
  ['gigawatt hours', 'measure'],
  ['us dollars', 'measure'],
  ...entries(
    'counter',
    `people person persons households household families family homes houses companies
     company firms enterprises businesses jobs workers employees residents students
     children patients cases deaths troops soldiers visitors tourists passengers vehicles
     cars units projects points votes seats members villages cities countries schools
     hospitals factories mines trees sheep cattle`,
  ),
  ...entries(
    'time',
    `year years yr yrs month months week weeks day days hour hours hrs minute minutes min
     mins second seconds secs decade decades century centuries am pm a.m. p.m. gmt bc ad`,
  ),
  ...entries('veto', 'year-old years-old'),
]);
export const EN_UNIT_MAX_WORDS = 2;

/** Words ending in s that are not plural nouns, so not a fallback unit. */
export const EN_NOT_UNITS: ReadonlySet<string> = new Set(
  `this thus plus less unless across always perhaps sometimes besides towards versus
   was has is its his hers ours yours theirs as us yes whereas nevertheless regardless`.split(
    /\s+/,
  ),
);

/** Approximation words written before a number; the longest match wins (不超过 before 超过). */
export const CJK_BEFORE: ReadonlyMap<string, Approx> = new Map<string, Approx>([
  ...entries<Approx>('more', '超过 突破 逾 超 多达 高出 高于 大于 超出'),
  ...entries<Approx>('less', '将近 接近 近 不足 不到 低于 少于 小于 未满'),
  ...entries<Approx>('about', '大约 约 约为 大概 约合 近似'),
  ...entries<Approx>('at-least', '至少 不低于 不少于 最少 起码'),
  ...entries<Approx>('at-most', '最多 不超过 至多 不高于 不多于 最高'),
]);

export const CJK_AFTER: ReadonlyMap<string, Approx> = new Map<string, Approx>([
  ['以上', 'at-least'],
  ['以下', 'at-most'],
  ['以内', 'at-most'],
  ['左右', 'about'],
  ['上下', 'about'],
  ['之多', 'more'],
  ['开外', 'more'],
  ['有余', 'more'],
]);

export const EN_BEFORE: ReadonlyMap<string, Approx> = new Map<string, Approx>([
  ['more than', 'more'],
  ['over', 'more'],
  ['above', 'more'],
  ['exceeding', 'more'],
  ['in excess of', 'more'],
  ['upwards of', 'more'],
  ['nearly', 'less'],
  ['almost', 'less'],
  ['close to', 'less'],
  ['under', 'less'],
  ['just under', 'less'],
  ['less than', 'less'],
  ['fewer than', 'less'],
  ['below', 'less'],
  ['about', 'about'],
  ['around', 'about'],
  ['approximately', 'about'],
  ['roughly', 'about'],
  ['some', 'about'],
  ['an estimated', 'about'],
  ['circa', 'about'],
  ['at least', 'at-least'],
  ['no less than', 'at-least'],
  ['no fewer than', 'at-least'],
  ['not less than', 'at-least'],
  ['a minimum of', 'at-least'],
  ['at most', 'at-most'],
  ['up to', 'at-most'],
  ['no more than', 'at-most'],
  ['not more than', 'at-most'],
  ['a maximum of', 'at-most'],
]);

export const EN_AFTER: ReadonlyMap<string, Approx> = new Map<string, Approx>([
  ['or more', 'at-least'],
  ['or so', 'about'],
  ['or less', 'at-most'],
  ['or fewer', 'at-most'],
]);

/** Words before a number that make it a label (page 3, No. 1), not an amount. */
export const EN_LABEL_WORDS: ReadonlySet<string> = new Set(
  `page pages p. pp. no. number chapter section article clause vol. volume edition issue
   phase level grade room version route rank ranked`.split(/\s+/),
);

export const EN_MONTHS: ReadonlySet<string> = new Set(
  `january february march april may june july august september october november december
   jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct
   oct. nov nov. dec dec.`.split(/\s+/),
);

/**
 * Slogans and names with numerals that no general rule catches because a
 * counter follows (六个工程 reads like "six projects"). Quoted forms are caught
 * by the quotation rule; this list is for the unquoted ones.
 */
export const SLOGANS: readonly string[] = [
  '十四五',
  '十五五',
  '十三五',
  '一带一路',
  '两件大事',
  '五大任务',
  '六个工程',
  '六个行动',
  '六个倍增计划',
  '七个摒弃',
  '五个大起底',
  '四道防线',
  '三个水平',
  '四项行动',
  '两个确立',
  '两个维护',
  '四个意识',
  '四个自信',
  '四个全面',
  '两个一百年',
  '八项规定',
  '三个代表',
  '一国两制',
  '五位一体',
];

/** Currency signs and codes before the digits; the unit is written as the sign. */
export const CURRENCY_SIGNS = '$€£¥￥₹₩';
export const CURRENCY_CODES: ReadonlySet<string> = new Set(
  'USD EUR GBP CNY RMB JPY HKD'.split(' '),
);
export const DOLLAR_PREFIXES: ReadonlySet<string> = new Set('US HK A C S NZ NT'.split(' '));

/** English magnitude abbreviations written against the digits ($3.5bn, 2m). */
export const EN_MAGNITUDE_ABBR: Readonly<Record<string, number>> = {
  k: 3,
  m: 6,
  mn: 6,
  mln: 6,
  b: 9,
  bn: 9,
  tn: 12,
  trn: 12,
};
