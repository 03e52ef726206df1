/**
 * Deterministic hard-wrapped test material for reflow (unit tests, e2e, bench):
 * unwrapped paragraphs of Chinese or English news prose, and `hardWrap`, which
 * sets them in a newspaper column of one width per file, the way text comes out
 * of a PDF: CJK lines set in ems as a newspaper sets them (an ideograph 1 em,
 * Latin letters, digits and compressed marks ½ em, so a full line holds 14–19
 * characters in a 16-em column; test-support/em-set.ts), a closing mark never
 * starting a line, an opening one never ending one, Latin and digit runs never
 * split; English lines broken at spaces with some words hyphenated,
 * blank "column break" lines inside paragraphs, and stand-alone headlines,
 * bylines, continuation markers and source lines between paragraphs.
 *
 * The output is never ambiguous for a careful reader, which keeps the expected
 * paragraphs exact: a column break only follows a line that ends mid-sentence,
 * and a paragraph whose last line is nearly full is followed by a blank line
 * (or by an indented line, with `indent`).
 */

import { setWidth, setZh, tokensZh } from './test-support/em-set';

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
export type Lang = 'zh' | 'en';

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const words = (s: string): string[] => s.split('|');

const ZH = {
  subj: words('内蒙古|自治区|我们|各级政府|全区上下|沿黄地区|企业|牧区群众|科研团队|当地干部'),
  verb: words(
    '加快推进|着力打造|持续优化|积极拓展|全面实施|深入推动|统筹做好|大力发展|不断完善|稳步提升',
  ),
  obj: words(
    '新能源产业|营商环境|向北开放|生态安全屏障|农畜产品生产基地|科技创新体系|民生保障水平|' +
      '黄河流域生态保护|现代化产业体系|重点项目建设|就业促进行动|北疆文化建设|稀土产业',
  ),
  quote: words('“两件大事”|“六个工程”|“闯新路、进中游”|“蒙古马精神”|《政府工作报告》'),
  num: words(
    '2024年|增长6.4%|引进1431名人才|利润增长9.3%|达到70%以上|净增16.4万户|2025年|装机超过1亿千瓦',
  ),
  who: words('孙绍骋|自治区负责人|有关专家|一位牧民'),
  head: words(
    '绿色发展新路径|向北开放桥头堡|民生保障再加力|科技创新添动能|北疆风景线更亮丽|黄河生态保护',
  ),
  byline: words('□新华社记者 张三|本报记者 李四|□本报记者 王五'),
  marker: words('■上接第1版|（下转第2版）|■下转第4版'),
  source: words('《人民日报》(2025年01月17日 第02版)|《经济日报》（2025年01月18日 第03版）'),
};

const EN = {
  subj: words(
    'The regional government|Local officials|Herders in the north|The company|Engineers|Analysts|' +
      'The ministry|Residents|Investors|The provincial committee',
  ),
  verb: words(
    'expanded|announced|accelerated|reported|strengthened|promoted|questioned|approved|criticised|completed',
  ),
  base: words('expand|support|accelerate|protect|strengthen|promote|review|approve|finish'),
  obj: words(
    'new wind and solar capacity|a programme to restore grasslands|investment in hydrogen production|' +
      'the cross-border trade corridor|environmental protection along the Yellow River|' +
      'employment services for graduates|the long-term development plan|rare earth processing|' +
      'infrastructure spending|cooperation with neighbouring countries',
  ),
  adj: words(
    'in 2024|last year|by 6.4 percent|despite weak demand|according to official figures|' +
      'over the past decade|with $1.2 billion in loans|ahead of schedule',
  ),
  head: words(
    'Green Power Drives Growth|Herders Adapt to Drought|Trade Corridor Opens North|A New Plan for the River',
  ),
  byline: words('By Li Wei|By Sarah Chen, Staff Reporter|By Tom Baker in Hohhot'),
  marker: words('Continued from Page A1|(Continued on Page A6)'),
  source: words('Continued from Page 3'),
};

function zhSentence(rng: Rng): string {
  const clause = (): string =>
    pick(rng, ZH.subj) +
    pick(rng, ZH.verb) +
    pick(rng, ZH.obj) +
    (rng() < 0.3 ? '、' + pick(rng, ZH.obj) : '') +
    (rng() < 0.3 ? '，' + pick(rng, ZH.num) : '');
  const n = 1 + Math.floor(rng() * 3);
  const body = Array.from({ length: n }, clause).join('，');
  const r = rng();
  if (r < 0.15) return `${pick(rng, ZH.who)}说：“${body}。”`;
  if (r < 0.3) return `${pick(rng, ZH.num)}，${body}，推动${pick(rng, ZH.quote)}落地见效。`;
  return body + (r < 0.9 ? '。' : r < 0.95 ? '！' : '？');
}

function enSentence(rng: Rng): string {
  const s = `${pick(rng, EN.subj)} ${pick(rng, EN.verb)} ${pick(rng, EN.obj)} ${pick(rng, EN.adj)}`;
  const r = rng();
  if (r < 0.2) return `"We will ${pick(rng, EN.base)} ${pick(rng, EN.obj)}," said an official.`;
  if (r < 0.45)
    return `${s}, while ${pick(rng, EN.subj).toLowerCase()} ${pick(rng, EN.verb)} ${pick(rng, EN.obj)}.`;
  return s + (r < 0.95 ? '.' : '?');
}

/** `count` unwrapped paragraphs of news prose (2–6 sentences each). */
export function makeParagraphs(lang: Lang, count: number, seed: number): string[] {
  const rng = mulberry32(seed);
  const sentence = lang === 'zh' ? zhSentence : enSentence;
  return Array.from({ length: count }, () => {
    const n = 2 + Math.floor(rng() * 5);
    return Array.from({ length: n }, () => sentence(rng)).join(lang === 'zh' ? '' : ' ');
  });
}

export interface WrapOptions {
  seed: number;
  /** The column width of the file is drawn from [minWidth, maxWidth] (em in Chinese, characters in English). */
  minWidth: number;
  maxWidth: number;
  /** Chance of a blank line after a line that ends mid-sentence. */
  columnBreakChance: number;
  /** English: chance that a word that does not fit is hyphenated. Default 0.5. */
  hyphenChance?: number;
  /** Chance of a stand-alone line (headline, byline, marker, source) between paragraphs. Default 0.1. */
  standaloneChance?: number;
  /** Chance of a blank line between paragraphs even when not needed. Default 0.2. */
  blankBetweenChance?: number;
  /** Chance of a trailing space at a line end. Default 0.02. */
  trailingSpaceChance?: number;
  /** Indent the first line of each paragraph (two ideographic spaces, or two spaces). */
  indent?: boolean;
  /** Default: 'zh' when the paragraphs are mostly CJK. */
  lang?: Lang;
}

export interface Wrapped {
  text: string;
  /** What reflow should give back: the paragraphs and stand-alone lines, in order. */
  paragraphs: string[];
  width: number;
}

const isCjk = (ch: string): boolean => ch >= '\u4e00' && ch <= '\u9fff';
const halfEms = (line: string): number => setWidth(Array.from(line), 'zh');

/** English: lines of at most `width` characters broken at spaces, some words hyphenated. */
function wrapEn(p: string, indent: string, width: number, rng: Rng, hyphen: number): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of p.split(' ')) {
    if (line === indent) line += word;
    else if (line.length + 1 + word.length <= width) line += ' ' + word;
    else {
      const core = /^[A-Za-z][a-z]+/.exec(word)?.[0] ?? '';
      const pre = Math.min(width - line.length - 2, core.length - 3);
      if (core.length >= 6 && pre >= 3 && rng() < hyphen) {
        lines.push(`${line} ${word.slice(0, pre)}-`);
        line = word.slice(pre);
      } else {
        lines.push(line);
        line = word;
      }
    }
  }
  lines.push(line);
  return lines;
}

/** Half-em width of the first word of a line (CJK: the first token, with its marks). */
function firstWord(line: string, lang: Lang): number {
  if (lang === 'zh') return halfEms((tokensZh(line)[0] ?? []).join(''));
  return /^\S+/.exec(line)?.[0].length ?? 0;
}

/** Sets `paragraphs` in a column of one width, chosen per file from the range. */
export function hardWrap(paragraphs: string[], opts: WrapOptions): Wrapped {
  const rng = mulberry32(opts.seed);
  const sample = paragraphs.slice(0, 20).join('');
  const lang =
    opts.lang ?? (Array.from(sample).filter(isCjk).length * 3 > sample.length ? 'zh' : 'en');
  const width = opts.minWidth + Math.floor(rng() * (opts.maxWidth - opts.minWidth + 1));
  // Widths in half-ems: a Chinese column of `width` em, an English one of `width` characters.
  const column = lang === 'zh' ? width * 2 : width;
  const measure = (l: string): number => (lang === 'zh' ? halfEms(l) : l.length);
  const pool = lang === 'zh' ? ZH : EN;
  const headlineMax = lang === 'zh' ? column - 12 : Math.floor(width * 0.6);
  const indent = opts.indent ? (lang === 'zh' ? '\u3000\u3000' : '  ') : '';
  const wrap = (pad: string, p: string): string[] =>
    lang === 'zh'
      ? setZh(pad + p, column, 0, { count: 0 })
      : wrapEn(p, pad, width, rng, opts.hyphenChance ?? 0.5);
  const blocks: { lines: string[]; text: string; paragraph: boolean }[] = [];
  for (const raw of paragraphs) {
    const p = raw.trim();
    if (!p) continue;
    const lines = wrap(indent, p);
    if (rng() < (opts.standaloneChance ?? 0.1)) {
      // A headline or byline must be visibly short: the paragraph's first word fits after it.
      const margin = lang === 'zh' ? 6 : 3;
      const max = Math.min(headlineMax, column - margin - firstWord(lines[0] ?? '', lang));
      const kind = pick(rng, ['head', 'head', 'byline', 'marker', 'source'] as const);
      const fits = pool[kind].filter((l) => /^[□■(（《]/.test(l) || measure(l) <= max);
      const line = pick(rng, fits.length ? fits : pool.marker);
      blocks.push({ lines: [line], text: line, paragraph: false });
    }
    blocks.push({ lines, text: p, paragraph: true });
  }
  const out: string[] = [];
  blocks.forEach((block, b) => {
    const { lines } = block;
    lines.forEach((l, i) => {
      out.push(l + (rng() < (opts.trailingSpaceChance ?? 0.02) ? ' ' : ''));
      const last = l[l.length - 1] ?? '';
      const midSentence = isCjk(last) || /[A-Za-z0-9，、,;-]/.test(last);
      if (i < lines.length - 1 && midSentence && rng() < opts.columnBreakChance) out.push('');
    });
    // A paragraph end is ambiguous when the next line's first word would not have fitted
    // on the last line (with a margin): a blank line (or an indented next line) marks it.
    const next = blocks[b + 1];
    const lastWidth = measure(lines[lines.length - 1] ?? '');
    const room = lastWidth + (lang === 'zh' ? 0 : 1) + firstWord(next?.lines[0] ?? '', lang);
    const ambiguous = room >= column - (lang === 'zh' ? 6 : 5) && !(opts.indent && next?.paragraph);
    if (ambiguous && next && !/[。！？；…”」』）.!?"']$/.test(block.text)) {
      // A full line without final punctuation (a long headline): only an indent can tell.
      const pad = lang === 'zh' ? '\u3000\u3000' : '  ';
      next.lines = next.paragraph ? wrap(pad, next.text) : [pad + next.text];
    } else if (ambiguous || rng() < (opts.blankBetweenChance ?? 0.2)) out.push('');
  });
  return {
    text: out.join('\n') + '\n',
    paragraphs: blocks.map((block) => block.text),
    width,
  };
}

/** Default column ranges: a Chinese newspaper column (em), an English one (characters). */
export const WIDTHS: Record<Lang, { minWidth: number; maxWidth: number }> = {
  zh: { minWidth: 15, maxWidth: 20 },
  en: { minWidth: 60, maxWidth: 75 },
};

/** A hard-wrapped text of at least `chars` UTF-16 units (the bench and e2e use this). */
export function makeHardWrapped(
  lang: Lang,
  chars: number,
  seed: number,
  opts: Partial<WrapOptions> = {},
): Wrapped {
  const paragraphs: string[] = [];
  let length = 0;
  for (let batch = 0; length < chars; batch++) {
    for (const p of makeParagraphs(lang, 200, seed * 7919 + batch)) {
      paragraphs.push(p);
      length += p.length + 8;
    }
  }
  return hardWrap(paragraphs, { seed, columnBreakChance: 0.05, ...WIDTHS[lang], lang, ...opts });
}
