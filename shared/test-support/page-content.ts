/**
 * Random newspaper pages to typeset: articles with headlines (some over two
 * lines, some with a "——" subtitle), section headings, markers, bylines,
 * datelines and writer lists, in Chinese or English.
 */

import { makeParagraphs, mulberry32 } from '../wrap-fixtures';
import type { Article, PageLang, Rng } from './typeset';

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

const ZH_HEADLINES = [
  ['把祖国北疆这道风景线', '打造得更加亮丽'],
  ['绿色发展新路径'],
  ['向北开放桥头堡越建越牢'],
  ['牧区群众', '过上了好日子'],
  ['科技创新为高质量发展', '注入强劲动能'],
  ['民生保障再加力'],
  ['黄河岸边的生态答卷'],
  ['让每一度绿电', '都用在实处'],
];
const ZH_SUBTITLES = [
  '——访内蒙古自治区党委书记孙绍骋',
  '——来自鄂尔多斯的调查',
  '——内蒙古推进新能源产业发展纪实',
];
const ZH_SECTIONS = [
  '（三）多措并举，稳就业保民生',
  '问题之一：数据从哪里来',
  '一、坚持稳中求进工作总基调',
  '加快步入高质量发展良性循环',
  '（二）以科技创新引领产业创新，加快发展新质生产力',
  '努力实现美丽与发展双赢',
];
const ZH_CLOSINGS = [
  '（新华社北京7月5日电）',
  '（执笔记者：张三、李四）',
  '（新华社呼和浩特1月17日电）',
  '（本报记者 王五）',
];
const ZH_BYLINES = ['□新华社记者 张三', '□本报记者 李四 王五'];

const EN_HEADLINES = [
  ['Green Power Drives Growth'],
  ['Herders Adapt to Drought', 'on the Northern Steppe'],
  ['Trade Corridor Opens North'],
  ['A New Plan for the River'],
];
const EN_SUBTITLES = ['— An interview with the regional party secretary'];
const EN_SECTIONS = ['Where the data comes from', 'Jobs first', 'A harder winter'];
const EN_CLOSINGS = ['(Reporting by Li Wei; editing by Tom Baker)', '(Xinhua, Hohhot, July 5)'];
const EN_BYLINES = ['By Li Wei', 'By Sarah Chen, Staff Reporter'];

/** One to four articles of news prose with everything a page may carry. */
export function makePage(lang: PageLang, seed: number): Article[] {
  const rng = mulberry32(seed);
  const zh = lang === 'zh';
  const prose = makeParagraphs(lang, 40, seed);
  let next = 0;
  const count = 1 + Math.floor(rng() * 4);
  const used = new Set<string>();
  const fresh = <T>(items: readonly T[], key: (t: T) => string): T => {
    for (let i = 0; i < 20; i++) {
      const item = pick(rng, items);
      if (!used.has(key(item))) {
        used.add(key(item));
        return item;
      }
    }
    return pick(rng, items);
  };
  return Array.from({ length: count }, (): Article => {
    const sections = Array.from({ length: 1 + Math.floor(rng() * 3) }, (_, i) => {
      const paragraphs = prose.slice(next, (next += 2 + Math.floor(rng() * 4)));
      const heading =
        i > 0 || rng() < 0.3 ? fresh(zh ? ZH_SECTIONS : EN_SECTIONS, String) : undefined;
      return heading ? { heading, paragraphs } : { paragraphs };
    });
    const article: Article = {
      headline: [...fresh(zh ? ZH_HEADLINES : EN_HEADLINES, (h) => h.join(''))],
      sections,
    };
    if (rng() < 0.4) article.subtitle = pick(rng, zh ? ZH_SUBTITLES : EN_SUBTITLES);
    if (rng() < 0.4) article.byline = pick(rng, zh ? ZH_BYLINES : EN_BYLINES);
    if (rng() < 0.2) article.marker = zh ? '■上接第1版' : 'Continued from Page A1';
    if (rng() < 0.7) article.closing = pick(rng, zh ? ZH_CLOSINGS : EN_CLOSINGS);
    return article;
  });
}
