/**
 * Setting text in a column measured in half-ems, as a newspaper does: the one
 * width rule the page simulator and the hard-wrapped fixtures share.
 * Ideographs take 1 em; Latin letters, digits and half-width marks ½ em; CJK
 * marks 1 em, compressed to ½ em at a line end and inside a run ("”，").
 */

export type Rng = () => number;

const CJK_PUNCT = '，。、；：？！“”‘’（）《》「」『』…—';
const OPENERS = '“‘（《「『';
const CLOSERS = '，。、；：？！”’）》」』';
const isCjkPunct = (ch: string): boolean => CJK_PUNCT.includes(ch);
const isIdeograph = (ch: string): boolean =>
  (ch >= '\u3400' && ch <= '\u9fff') || (ch >= '\uf900' && ch <= '\ufaff') || ch.length === 2;

/** Width of a line in half-ems, as set: line-end and run compression of CJK punctuation. */
export function setWidth(chars: readonly string[], lang: 'zh' | 'en'): number {
  if (lang === 'en') return chars.length;
  let w = 0;
  chars.forEach((ch, i) => {
    if (isCjkPunct(ch)) {
      const run = isCjkPunct(chars[i - 1] ?? '') || isCjkPunct(chars[i + 1] ?? '');
      w += run || i === chars.length - 1 ? 1 : 2;
    } else w += isIdeograph(ch) || ch === '\u3000' ? 2 : 1;
  });
  return w;
}

/** Unbreakable pieces of a CJK paragraph: an ideograph with its marks, or a Latin run. */
export function tokensZh(p: string): string[][] {
  const ch = Array.from(p);
  const toks: string[][] = [];
  let cur: string[] = [];
  const ascii = (c: string | undefined): boolean => c !== undefined && c > ' ' && c <= '~';
  for (let i = 0; i < ch.length; i++) {
    const c = ch[i]!;
    cur.push(c);
    if (OPENERS.includes(c)) continue;
    // A run of ASCII (with single spaces inside, "CPI 45") stays on one line.
    if (ascii(c) && (ascii(ch[i + 1]) || (ch[i + 1] === ' ' && ascii(ch[i + 2])))) continue;
    if (c === ' ' && ascii(ch[i + 1])) continue;
    while (i + 1 < ch.length && (CLOSERS.includes(ch[i + 1]!) || ch[i + 1] === '…')) {
      cur.push(ch[++i]!);
    }
    toks.push(cur);
    cur = [];
  }
  if (cur.length) toks.push(cur);
  return toks;
}

/** Lines of one paragraph in a column of `w` half-ems; the first `indent` narrower. */
export function setZh(p: string, w: number, indent: number, pushed: { count: number }): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let avail = w - indent;
  for (const tok of tokensZh(p)) {
    if (line.length > 0 && setWidth([...line, ...tok], 'zh') > avail) {
      // A long unbreakable run pushed down can leave a line short by as much as an indent.
      if (avail - setWidth(line, 'zh') >= 3) pushed.count++;
      lines.push(line.join(''));
      line = [];
      avail = w;
    }
    line.push(...tok);
  }
  if (line.length) lines.push(line.join(''));
  return lines;
}

export function setEn(p: string, w: number, indent: number, rng: Rng): string[] {
  const lines: string[] = [];
  let line = '';
  let avail = w - indent;
  for (const word of p.split(' ')) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= avail) line += ' ' + word;
    else {
      const core = /^[a-z]+/i.exec(word)?.[0] ?? '';
      const pre = Math.min(avail - line.length - 2, core.length - 3);
      if (core.length >= 7 && pre >= 3 && rng() < 0.5) {
        lines.push(`${line} ${word.slice(0, pre)}-`);
        line = word.slice(pre);
      } else {
        lines.push(line);
        line = word;
      }
      avail = w;
    }
  }
  if (line) lines.push(line);
  return lines;
}
