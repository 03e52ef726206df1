import { describe, expect, it } from 'vitest';
import { detectStructure, sectionAt, type LineKind } from './structure';

/** The first 40 lines of corpus/inner-mongolia-interviews-2025.txt, verbatim. */
const CORPUS = `
把内蒙古建设成为我国北方重要生态安全屏障、祖国北疆安全稳定屏障、国家重要能源和战略资源基地、国家重要农畜产品生产基地、我国向北开放重要桥头堡,是习近平总书记和党中央赋予内蒙古的战略定位和重大责任。
2024年,内蒙古自治区凝心聚力办好“两件大事”、抓好“六个工程”,统筹做好经济社会发展各项工作,闯新路、进中游迈出实质性步伐。
2025年是“十四五”规划收官之年。内蒙古如何全面贯彻落实党的二十大和二十届二中、三中全会及中央经济工作会议精神,进一步全面深化改革、推动高质量发展、更好融入新发展格局?一起来看看人民日报、新华社、经济日报对内蒙古自治区党委书记孙绍骋的专访。
《人民日报》
《人民日报》(2025年01月17日 第02版)
权威访谈·谋发展 启新篇
把祖国北疆这道风景线
打造得更加亮丽
——访内蒙古自治区党委书记孙绍骋
内蒙古聚焦高质量发展,紧扣铸牢中华民族共同体意识工作主线,建设我国向北开放重要桥头堡,弘扬蒙古马精神,经济发展取得可喜成果。内蒙古在新的一年如何做好工作,把祖国北疆这道风景线打造得更加亮丽?记者采访了内蒙古自治区党委书记孙绍骋。
加快步入高质量发展良性循环
记者:内蒙古加快发展的势头扬起来了,自治区推动经济高质量发展采取了哪些重大举措,取得了哪些突出成效?
孙绍骋:习近平总书记强调,高质量发展是全面建设社会主义现代化国家的首要任务。我们牢固树立新发展理念,从解决制约高质量发展的堵点难点和突出短板入手,推动经济实现质的有效提升和量的合理增长。
一是优化产业结构。按照习近平总书记“积极探索资源型地区转型发展新路径”的重要要求,我们加快改造提升传统产业,培育壮大新兴产业,全链条推进煤炭、新能源等产业发展,努力把卖煤变成输电、把燃料变成原料、把发绿电延伸为制绿氢绿氨绿醇。煤制油、煤制气产量稳步增加,新能源及相关产业增加值保持两位数增长,新能源装机规模超过火电装机,非煤产业增速连续两年高于煤炭产业,稀土产业产值突破1000亿元。
二是聚商气拢人气。从资源禀赋好但市场要素不足的实际出发,大抓招商引资和招才引智,实施诚信建设工程,优化营商环境和人才发展环境,成立民营经济发展服务局和重点民营企业党委,开展国企“突围”行动,出台并实施若干政策,吸引行业领军企业、高层次人才到内蒙古干事创业。近两年引进到位资金1万亿元、高层次人才1431名,2024年全区民营经营主体净增16.4万户、增长6.4%,自治区国资委监管企业利润总额增长9.3%,企业活跃度提升到70%以上。
三是节约集约利用资源。引导各级增强“资源富集但一点也不能浪费”的意识,部署开展“五个大起底”行动,强制“锁定”城镇开发边界,全面推进能、水、粮、地、矿、材等节约集约利用,仅2024年就新增农业节水3.8亿立方米。
在全区上下共同努力下,内蒙古经济增速连续3年高于全国平均水平,财政收入占地区生产总值的比重、税收占财政收入的比重保持在10%和70%以上,经济社会正加快步入高质量发展的良性循环。
努力实现美丽与发展双赢
记者:中央经济工作会议提出,推动“三北”工程标志性战役取得重要成果,加快“沙戈荒”新能源基地建设。请问内蒙古如何谋划绿色发展,新能源产业发展得怎么样?下一步发展方向是什么?
孙绍骋:绿色是内蒙古的底色和价值,这越来越为实践所证明。我们把绿色发展理念贯穿发展全过程,协同推进降碳、减污、扩绿、增长,努力实现“美丽与发展双赢”。
一手抓生态安全屏障建设。深入贯彻落实习近平总书记重要指示精神,打好“三北”工程攻坚战,以日均6万亩的速度推进防沙治沙,去年全区治沙1954万亩,造林659万亩,种草1923万亩,在黄河“几字弯”的库布其沙漠构筑起了绿化带、淤地坝、光伏治沙带、锁边林四道防线。过去,鄂尔多斯境内的“十大孔兑”每年向黄河输沙2700多万吨,现在已降到了400多万吨,争取到2030年降到100万吨以下。
一手推进新能源大规模开发利用。按照习近平总书记“把现代能源经济这篇文章做好”的重要要求,推动新能源全产业链发展。去年全区新能源装机达到1.35亿千瓦,储能装机突破1000万千瓦,绿电消费接近用电量的30%。我们大力实施防沙治沙和风电光伏一体化工程,建设风电光伏装机2727万千瓦、配套治沙238万亩。在库布其沙漠规划建设400公里长、5公里宽的光伏治沙产业带。国外有媒体就此报道说,中国正在修建另一座“长城”,代表了“中国奔向一个清洁能源未来的速度”。
内蒙古新能源产业发展空间广阔。今年的目标是,力争新增4000万千瓦装机,新开工新型储能项目1000万千瓦以上,氢能产能达到20万吨,外送绿电800亿千瓦时以上。
积极拓展开放合作广度与深度
记者:内蒙古是我国向北开放重要桥头堡,实践中是如何推进开放合作的?
孙绍骋:内蒙古区位优势得天独厚,近两年我们加强开放平台建设,统筹推进重点口岸打造、中欧班列提质扩容,深入实施北京内蒙古协作“六个倍增计划”和“四项行动”,持续深化区域合作,对内对外开放呈现出新气象。去年,中蒙二连浩特—扎门乌德经济合作区成功获批,全区陆路口岸货运量突破1.2亿吨,边民互市贸易额、二手车出口量、进出境客运量分别增长113%、68.3%、53%。内蒙古产品进京销售额、北京资金到内蒙古投资额大幅增长。自贸试验区加快创建,复制推广国家层面制度创新成果223项。
今年,我们将组织开展区域合作深化行动,努力把对外、对内的合作和区内各盟市的协作提升到一个新的水平。对外,主要是扩大向俄蒙开放,进一步把“出”的工作做好、“进”的产品用好,更好发挥在中蒙俄经济走廊建设中的桥梁纽带作用;对内,不断深化与京津冀、长三角、粤港澳大湾区等地合作,拓展北京内蒙古全方位合作的广度和深度,在服务和融入全国统一大市场中实现自身发展。区内,重点是推动东部地区、呼包鄂乌地区、乌海及周边地区联动发展、差异化协调发展,我们将分别召开会议逐一研究部署。
自觉用市场化手段提升发展质效
记者:中央经济工作会议强调,发挥经济体制改革牵引作用,推动标志性改革举措落地见效。内蒙古重点从哪儿发力?
孙绍骋:内蒙古发展中最迫切需要解决的是市场意识不强的问题。我们推进经济体制改革,重点是推动各级自觉用市场化手段提升“三个水平”。
一是依靠市场化手段提升经济发展水平。开展经济活动必须按经济规律办事,能交给市场的交给市场,尽可能实现效益最大化。为此我们提出,要突出效益导向、强化精算意识,在保障和服务国家发展大局的前提下,对能源、电力、土地、数据等要素全部以市场化方式配置。去年全区通过挂牌、招标、拍卖等形式出让矿业权66宗,绿电交易762亿千瓦时、规模居全国首位。
二是依靠市场化手段提升社会治理水平。营造公平有序的社会环境,不能只用行政手段“管”,还要用市场机制“导”。过去发放禁牧休牧补贴不与草原生态保护效果挂钩,有的人补贴照领、过牧照旧。去年我们把这种状况扭了过来,对超载过牧的不仅不发补贴还要处罚,效果马上就不一样了,17个试点旗县天然草原草畜平衡指数都降到10%以下。接下来,我们将在各个领域推行类似的做法,通过发挥要素市场的杠杆作用优化社会秩序。
三是依靠市场化手段提升服务群众水平。我到基层调研时发现,很多事项无人收费但也没人管理,导致一些公共服务质量无法保证。我们正在探索完善“公益+市场”运营模式,吸引更多经营主体投资教育、医疗、养老等公共事业,更好满足群众的高质量服务需求。
人民日报记者:陈沸宇 丁志军
权威访谈:谋发展·启新篇
把内蒙古建设成为我国北方重要生态安全屏障、祖国北疆安全稳定屏障、国家重要能源和战略资源基地、国家重要农畜产品生产基地、我国向北开放重要桥头堡,是习近平总书记和党中央赋予内蒙古的战略定位和重大责任。
2025年是“十四五”规划收官之年。内蒙古如何全面贯彻落实党的二十大和二十届二中、三中全会及中央经济工作会议精神,进一步全面深化改革、推动高质量发展、更好融入新发展格局?就此,新华社记者专访了内蒙古自治区党委书记孙绍骋。
在闯新路、进中游上取得更大进展
问:今年内蒙古围绕闯新路、进中游目标,部署了哪些重点举措?
答:内蒙古发展呈现好势头,经济社会加快步入高质量发展的良性循环,根本在于习近平总书记和党中央的关心关怀和坚强领导,同时也得益于中央各项存量政策和增量政策的有力支撑,得益于全区广大党员干部群众以奋发有为的精气神干事创业。
`.slice(1, -1);

const kindsOf = (text: string): LineKind[] => detectStructure(text).lines.map((l) => l.kind);
const LONG_ZH =
  '内蒙古聚焦高质量发展,紧扣铸牢中华民族共同体意识工作主线,建设我国向北开放重要桥头堡,弘扬蒙古马精神,经济发展取得可喜成果。';
const LONG_EN =
  'The central bank left its benchmark rate unchanged on Friday, saying that inflation had eased but that the outlook for growth remained uncertain.';
/** Kind of `line` standing between two ordinary paragraphs. */
const kindBetween = (line: string, para = LONG_ZH): LineKind | undefined =>
  kindsOf(`${para}\n${line}\n${para}\n${para}`)[1];

describe('detectStructure on the corpus excerpt', () => {
  const s = detectStructure(CORPUS);
  const lineNo = (n: number) => s.lines[n - 1];

  it('finds the articles as a reader would', () => {
    expect(s.articles.map((a) => a.title)).toEqual([
      '', // the compilation's introduction
      '把祖国北疆这道风景线打造得更加亮丽',
      '权威访谈:谋发展·启新篇',
    ]);
    expect(s.articles[1]?.start).toBe(lineNo(4)?.start); // 《人民日报》 opens the first interview
    expect(s.articles[2]?.start).toBe(lineNo(35)?.start); // the byline stays with the article above
    expect(s.articles[2]?.end).toBe(CORPUS.length);
  });

  it('outlines titles and sub-headings', () => {
    expect(s.outline.map((o) => [o.level, o.article, o.title])).toEqual([
      [1, 1, '把祖国北疆这道风景线打造得更加亮丽'],
      [2, 1, '加快步入高质量发展良性循环'],
      [2, 1, '努力实现美丽与发展双赢'],
      [2, 1, '积极拓展开放合作广度与深度'],
      [2, 1, '自觉用市场化手段提升发展质效'],
      [1, 2, '权威访谈:谋发展·启新篇'],
      [2, 2, '在闯新路、进中游上取得更大进展'],
    ]);
    const title = s.outline[0];
    expect(title?.start).toBe(lineNo(7)?.start);
    expect(title?.end).toBe(lineNo(8)?.end);
    const sub = s.outline[1];
    expect(sub && CORPUS.slice(sub.start, sub.end)).toBe('加快步入高质量发展良性循环');
  });

  it('classifies the title block, bylines and paragraphs', () => {
    expect(lineNo(5)?.text).toBe('《人民日报》(2025年01月17日 第02版)');
    expect(lineNo(5)?.kind).toBe('source');
    expect(lineNo(4)?.kind).toBe('source');
    expect([6, 7, 8, 9].map((n) => lineNo(n)?.kind)).toEqual(Array(4).fill('heading'));
    expect(lineNo(34)?.kind).toBe('byline');
    for (const l of s.lines) {
      if (/[。?？]$/.test(l.text) || l.text.length > 50) expect(l.kind, l.text).toBe('paragraph');
    }
    expect(s.lines.filter((l) => l.kind === 'heading')).toHaveLength(10);
  });

  it('names the section of a position', () => {
    const at = (needle: string) => CORPUS.indexOf(needle);
    expect(sectionAt(s, 0)).toBe(''); // the introduction has no heading
    expect(sectionAt(s, at('内蒙古聚焦高质量发展'))).toBe('把祖国北疆这道风景线打造得更加亮丽');
    expect(sectionAt(s, at('打造得更加亮丽'))).toBe('把祖国北疆这道风景线打造得更加亮丽');
    expect(sectionAt(s, at('加快步入高质量发展良性循环'))).toBe('加快步入高质量发展良性循环');
    expect(sectionAt(s, at('一是优化产业结构'))).toBe('加快步入高质量发展良性循环');
    expect(sectionAt(s, at('人民日报记者'))).toBe('自觉用市场化手段提升发展质效');
    expect(sectionAt(s, at('就此,新华社记者'))).toBe('权威访谈:谋发展·启新篇');
    expect(sectionAt(s, CORPUS.length)).toBe('在闯新路、进中游上取得更大进展');
  });
});

describe('line kinds', () => {
  it.each([
    '《人民日报》(2025年01月17日 第02版)',
    '《 人民日报 》（ 2025年01月17日   第 02 版）',
    '《经济日报》',
    '人民日报 2025年01月17日 第02版',
    '来源：新华社',
    '来源:人民日报、新华社、经济日报',
    'Source: Reuters',
    'WASHINGTON (Reuters) -',
    'BEIJING, Jan. 17 (Xinhua) --',
    '新华社呼和浩特1月16日电（记者 张三）',
    '2025年1月17日 星期五',
    "People's Daily, January 17, 2025, page 2",
  ])('source: %s', (line) => expect(kindBetween(line)).toBe('source'));

  it.each([
    '（新华社北京7月5日电）',
    '（执笔记者：张三、李四）',
    '（本报记者 王五）',
    '(Reporting by Li Wei)',
  ])('a closing line is a source, not a heading: %s', (line) =>
    expect(kindBetween(line)).toBe('source'),
  );

  it.each([
    '□新华社记者 张三',
    '■ 本报记者 李四 王五',
    '本报记者 陈沸宇 丁志军',
    '新华社记者:刘伟、张云龙、王靖',
    '记者 王五',
    '文/张三',
    '责任编辑：赵六',
    '本版责编：钱七',
    '版式设计：孙八',
    'By Jane Doe',
    'By JANE DOE and John Roe, Reuters',
    'Reporting by Jane Doe; Editing by John Roe',
  ])('byline: %s', (line) => expect(kindBetween(line)).toBe('byline'));

  it.each([
    '■上接第1版',
    '（下转第2版）',
    '(上接第一版)',
    '(continued on page 2)',
    'Continued from Page A1',
  ])('marker: %s', (line) => expect(kindBetween(line)).toBe('marker'));

  it.each([
    '他说：“我们一定会做到。”',
    '你好吗？',
    '记者:内蒙古是我国向北开放重要桥头堡,实践中是如何推进开放合作的?',
    '一手抓生态安全屏障建设,统筹资源力量打好“三北”工程三大标志性战役',
    '这是第一句。这是第二句',
    'It rained all day.',
    'By the end of the year, prices had doubled.',
    '“We will do it,” she said.',
    '“We are confident,” the official said',
    'and then the market fell',
    '具体措施如下：',
  ])('never a heading: %s', (line) => {
    expect(kindBetween(line)).toBe('paragraph');
    expect(kindBetween(line, LONG_EN)).toBe('paragraph');
  });

  it('keeps lists, table rows and trailing short lines out of the outline', () => {
    const list = ['一、项目', '二、资金', '三、人员'].join('\n');
    const table = Array.from({ length: 8 }, (_, i) => `地区${i} 增速`).join('\n');
    const spaced = '北京  上海  广州';
    const doc = [LONG_ZH, list, LONG_ZH, table, LONG_ZH, spaced, LONG_ZH, '感谢阅读'].join('\n');
    expect(detectStructure(doc).outline).toEqual([]);
  });
});

describe('articles and headings in constructed texts', () => {
  it('reads an English file with two articles', () => {
    const doc = [
      'Central Bank Holds Rates',
      'By Jane Doe',
      '',
      LONG_EN,
      '',
      'What comes next',
      '',
      LONG_EN,
      'Reporting by Jane Doe; Editing by John Roe',
      '',
      'Harvest Season Starts Early',
      'LONDON (Reuters) -',
      LONG_EN,
    ].join('\n');
    const s = detectStructure(doc);
    expect(s.outline.map((o) => [o.level, o.article, o.title])).toEqual([
      [1, 0, 'Central Bank Holds Rates'],
      [2, 0, 'What comes next'],
      [1, 1, 'Harvest Season Starts Early'],
    ]);
    expect(s.articles.map((a) => a.start)).toEqual([0, doc.indexOf('Harvest')]);
  });

  it('starts an article at a newspaper source line and keeps end credits with the article', () => {
    const doc = [
      '第一篇',
      LONG_ZH,
      '新华社记者:刘伟',
      '《经济日报》(2025年01月17日 第03版)',
      '权威访谈:谋发展·启新篇',
      LONG_ZH,
      LONG_ZH,
      '来源:人民日报、新华社、经济日报',
      '采编:康悦莹',
    ].join('\n');
    const s = detectStructure(doc);
    expect(s.articles.map((a) => a.title)).toEqual(['第一篇', '权威访谈:谋发展·启新篇']);
    expect(s.articles[1]?.start).toBe(doc.indexOf('《经济日报》'));
    expect(kindsOf(doc).slice(-2)).toEqual(['source', 'byline']);
  });

  it('skips a series line and joins a headline printed on two lines', () => {
    const doc = [
      '专题报道：北疆新篇',
      '把祖国北疆这道风景线',
      '打造得更加亮丽',
      '——访某某',
      LONG_ZH,
    ].join('\n');
    expect(detectStructure(doc).articles[0]?.title).toBe('把祖国北疆这道风景线打造得更加亮丽');
  });
});

describe('sections and boundaries', () => {
  it('keeps numbered section headings inside their article', () => {
    const doc = ['报告标题', LONG_ZH, '一、总体要求', LONG_ZH, '二、主要任务', LONG_ZH].join('\n');
    const s = detectStructure(doc);
    expect(s.outline.map((o) => [o.level, o.title])).toEqual([
      [1, '报告标题'],
      [2, '一、总体要求'],
      [2, '二、主要任务'],
    ]);
    expect(s.articles).toEqual([{ start: 0, end: doc.length, title: '报告标题' }]);
  });

  it('ends an article at a continuation marker and starts the next at its headline', () => {
    const doc = ['第一篇文章', LONG_ZH, '（下转第2版）', '', '另一篇文章', LONG_ZH].join('\n');
    const s = detectStructure(doc);
    expect(s.articles.map((a) => a.title)).toEqual(['第一篇文章', '另一篇文章']);
    expect(s.articles[1]?.start).toBe(doc.indexOf('另一篇文章'));
    expect(sectionAt(s, doc.indexOf('（下转'))).toBe('第一篇文章');
  });

  it('gives every line its exact span and handles empty text', () => {
    const s = detectStructure(CORPUS);
    for (const l of s.lines) expect(CORPUS.slice(l.start, l.end)).toBe(l.text);
    expect(s.lines.map((l) => l.text).join('\n')).toBe(CORPUS);
    expect(detectStructure('')).toEqual({
      lines: [{ index: 0, start: 0, end: 0, kind: 'blank', text: '' }],
      outline: [],
      articles: [],
      titlesAfter: false,
    });
    expect(sectionAt(detectStructure(''), 0)).toBe('');
  });
});

describe('overrides', () => {
  const doc = ['标题', LONG_ZH, '小标题', LONG_ZH, '短句没有标点', LONG_ZH].join('\n');
  const start = (needle: string) => doc.indexOf(needle);

  it('promotes and demotes lines by their start offset', () => {
    expect(detectStructure(doc).outline.map((o) => o.title)).toEqual([
      '标题',
      '小标题',
      '短句没有标点',
    ]);
    const promoted = detectStructure(doc, { promote: [start(LONG_ZH)], demote: [] });
    expect(promoted.lines[1]?.kind).toBe('heading');
    expect(promoted.outline.find((o) => o.title === LONG_ZH)?.level).toBe(2);
    const demoted = detectStructure(doc, { promote: [], demote: [start('小标题'), start('短句')] });
    expect(demoted.outline.map((o) => o.title)).toEqual(['标题']);
    expect(demoted.lines[2]?.kind).toBe('paragraph');
    expect(sectionAt(demoted, start('短句'))).toBe('标题');
  });
});

describe('scale', () => {
  it('handles a 10 MB text in linear time', () => {
    const article = (i: number) =>
      [
        `《人民日报》(2025年01月${(i % 28) + 1}日 第0${i % 9}版)`,
        `第${i}篇文章的标题`,
        '本报记者 张三',
      ]
        .concat(
          Array.from({ length: 12 }, (_, k) => (k === 5 ? `第${i}节小标题` : `${LONG_ZH}${i}`)),
        )
        .concat([`${LONG_EN} ${i}`, 'Short English Heading', LONG_EN])
        .join('\n');
    const parts: string[] = [];
    const utf8 = new TextEncoder();
    for (let i = 0, bytes = 0; bytes < 10_000_000; i++) {
      parts.push(article(i));
      bytes += utf8.encode(parts[i] ?? '').length + 1;
    }
    const text = parts.join('\n');
    const t0 = performance.now();
    const s = detectStructure(text);
    const ms = performance.now() - t0;
    const what = `${text.length} chars (10 MB as UTF-8), ${s.lines.length} lines`;
    console.log(`detectStructure: ${what} in ${ms.toFixed(0)} ms`);
    expect(s.articles).toHaveLength(parts.length);
    expect(s.outline).toHaveLength(parts.length * 3);
    expect(ms).toBeLessThan(5000);
  });
});
