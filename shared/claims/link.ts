/**
 * The same claim in other documents. Two claims say the same when they share a
 * figure (value and unit) and the words around it match once numbers are
 * masked; they say it differently when the words around a figure match, the
 * unit is the same and the value is not ("港口吞吐量达到3.2亿吨" / "…2.9亿吨").
 * A shared figure alone is not enough: "70%" of two things is two claims.
 *
 * Wording is compared per figure, on the clause around it (so a restatement
 * inside a longer sentence with other figures still matches): NFKC, Traditional
 * folded to Simplified (OpenCC's t2cn tables), numbers masked, then character
 * bigrams for CJK and words for Latin text. The index is keyed by figure
 * (for "same") and by the rarest words around a figure (for "differs"), so one
 * claim's matches are found without looking at the rest of the library.
 */

import { Converter } from 'opencc-js/t2cn';
import type { Quantity } from './quantity';

export interface LinkInput {
  id: string;
  docId: string;
  text: string;
  quantities: readonly Quantity[];
  /** What the index keeps of each figure, when stored with the claim (figureRecords). */
  figures?: readonly FigureRecord[];
}

/**
 * A figure as the index keeps it: its key and the words around it. Stored with
 * each annotation, so a start indexes the library without reading every quote again.
 */
export interface FigureRecord {
  key: string;
  unit: string;
  value: number;
  tokens: string[];
}
export interface ClaimLink {
  a: string;
  b: string;
  relation: 'same' | 'differs';
  score: number;
}

/**
 * Wording similarity a shared figure needs to be the same claim (or `SAME_LOOSE` with
 * `MIN_SHARED` words in common: "引进到位资金1万亿元" / "引进到位的1万亿元资金"), and a
 * changed one to differ.
 */
export const SAME_AT = 0.5;
export const SAME_LOOSE = 0.3;
export const DIFFERS_AT = 0.75;
/** Words (tokens) around a figure that a "differs" match must share at least. */
const MIN_SHARED = 3;
/** How many of a figure's rarest tokens are looked up for "differs" candidates. */
const PROBES = 3;
const LEFT = 24;
const RIGHT = 10;

/** Built on first use: OpenCC's tables took 12 ms of every start (a CPU profile), and the start bundle holds this module. */
let converter: ((text: string) => string) | null = null;
function toSimplified(text: string): string {
  converter ??= Converter({ from: 't', to: 'cn' });
  return converter(text);
}
const BOUNDARY = /[，,；;。！？!?：:\n（）()“”"]/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/**
 * Bigrams that say how a figure moved, not what it is about: shared by unrelated claims
 * ("企业利润同比增长6.4%" / "居民收入同比增长6.4%"), so they are not compared.
 */
const GENERIC = new Set(
  (
    '增长 同比 比增 达到 突破 以上 以下 超过 左右 比重 全区 全国 全省 去年 今年 新增 累计 ' +
    '保持 持在 实现 下降 提高 提升 升到 降到 增加 减少 其中 分别 别增 我们 已经 目前 同期 ' +
    '比上 上年 较上 年增 年全 到了 约为 接近 近年 年来 首次 一步 进一 继续'
  ).split(' '),
);
const STOP = new Set(
  'the a an of in on at to and or for by with from as is was were are be been has have had its it this that which than more about over'.split(
    ' ',
  ),
);

interface Figure {
  claim: string;
  docId: string;
  key: string;
  unit: string;
  value: number;
  tokens: Set<string>;
}

/** Unit as compared: full-width and traditional forms folded. */
export function unitKey(unit: string): string {
  return toSimplified(unit.normalize('NFKC').trim().toLowerCase())
    .replace(/^percent$|^per cent$/, '%')
    .replace(/^percentage points?$/, '个百分点');
}

/** A figure's identity: its exact value (12 significant digits) and unit. */
export function figureKey(q: Pick<Quantity, 'value' | 'unit'>): string {
  return `${Number(q.value.toPrecision(12))}|${unitKey(q.unit)}`;
}

/** The tokens of the clause around [start, end) of text, numbers masked. */
function contextTokens(text: string, start: number, end: number): Set<string> {
  // English spends about three letters where Chinese spends one character.
  const wide = CJK.test(text) ? 1 : 3;
  let s = start;
  while (s > 0 && start - s < LEFT * wide && !BOUNDARY.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && e - end < RIGHT * wide && !BOUNDARY.test(text[e]!)) e++;
  // A window cut inside a word drops the piece.
  if (wide > 1 && s > 0 && /\w/.test(text[s - 1]!)) while (s < start && /\w/.test(text[s]!)) s++;
  if (wide > 1 && e < text.length && /\w/.test(text[e]!))
    while (e > end && /\w/.test(text[e - 1]!)) e--;
  const fold = (part: string): string =>
    toSimplified(part.normalize('NFKC').toLowerCase())
      .replace(/\d[\d.,]*|[零〇一二两三四五六七八九十百千万亿]{2,}/g, '#')
      .replace(/[\s\p{P}\p{S}]+/gu, ' ');
  const clause = `${fold(text.slice(s, start))} # ${fold(text.slice(end, e))}`;
  const tokens = new Set<string>();
  if (CJK.test(clause)) {
    const chars = Array.from(clause.replace(/\s+/g, ''));
    for (let i = 0; i + 1 < chars.length; i++) {
      const bigram = chars[i]! + chars[i + 1]!;
      if (!bigram.includes('#') && !GENERIC.has(bigram)) tokens.add(bigram);
    }
  } else {
    for (const w of clause.split(' ')) if (w && !STOP.has(w)) tokens.add(w.replace(/s$/, ''));
  }
  return tokens;
}

/** Mean of Dice and overlap: a restatement that adds words ("首次") still scores high. */
function similarity(a: Set<string>, b: Set<string>): { score: number; shared: number } {
  if (a.size === 0 || b.size === 0) return { score: 0, shared: 0 };
  let shared = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (big.has(t)) shared++;
  const dice = (2 * shared) / (a.size + b.size);
  return { score: (dice + shared / small.size) / 2, shared };
}

/** The figures of a claim's text as the index keeps them. */
export function figureRecords(text: string, quantities: readonly Quantity[]): FigureRecord[] {
  return quantities.map((q) => ({
    key: figureKey(q),
    unit: unitKey(q.unit),
    value: q.value,
    tokens: [...contextTokens(text, q.start, q.end)],
  }));
}

function figuresOf(input: LinkInput): Figure[] {
  const records = input.figures ?? figureRecords(input.text, input.quantities);
  return records.map((r) => ({
    claim: input.id,
    docId: input.docId,
    key: r.key,
    unit: r.unit,
    value: r.value,
    tokens: new Set(r.tokens),
  }));
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Claims indexed by figure and by the words around each figure; add, remove, query. */
export class ClaimIndex {
  private readonly figures = new Map<string, Figure[]>();
  private readonly byKey = new Map<string, Figure[]>();
  private readonly byToken = new Map<string, Figure[]>();

  get size(): number {
    return this.figures.size;
  }

  add(input: LinkInput): void {
    this.remove(input.id);
    const figures = figuresOf(input);
    this.figures.set(input.id, figures);
    for (const f of figures) {
      push(this.byKey, f.key, f);
      for (const t of f.tokens) push(this.byToken, `${f.unit}|${t}`, f);
    }
  }

  remove(id: string): void {
    const figures = this.figures.get(id);
    if (!figures) return;
    this.figures.delete(id);
    const drop = (map: Map<string, Figure[]>, key: string): void => {
      const list = map.get(key)?.filter((f) => f.claim !== id);
      if (list?.length) map.set(key, list);
      else map.delete(key);
    };
    for (const f of figures) {
      drop(this.byKey, f.key);
      for (const t of f.tokens) drop(this.byToken, `${f.unit}|${t}`);
    }
  }

  private keysOf(claim: string): Set<string> {
    return new Set((this.figures.get(claim) ?? []).map((f) => f.key));
  }

  /** The claims of other documents that say the same as `input`, or say it differently. */
  query(input: LinkInput): ClaimLink[] {
    const best = new Map<string, ClaimLink>();
    const note = (other: Figure, relation: ClaimLink['relation'], score: number): void => {
      const prev = best.get(other.claim);
      // A changed figure in a restatement is what the analyst must see: it wins.
      const rank = (l: ClaimLink): number => (l.relation === 'differs' ? 2 : 1) + l.score / 10;
      const link = { a: input.id, b: other.claim, relation, score };
      if (!prev || rank(link) > rank(prev)) best.set(other.claim, link);
    };
    const figures = figuresOf(input);
    const keys = new Set(figures.map((f) => f.key));
    for (const f of figures) {
      for (const other of this.byKey.get(f.key) ?? []) {
        if (other.docId === input.docId) continue;
        const { score, shared } = similarity(f.tokens, other.tokens);
        if (score >= SAME_AT || (score >= SAME_LOOSE && shared >= MIN_SHARED)) {
          note(other, 'same', score);
        }
      }
      // Rarest tokens first: a true restatement shares most of its words, so it is in one of them.
      const probes = [...f.tokens]
        .map((t) => this.byToken.get(`${f.unit}|${t}`) ?? [])
        .sort((x, y) => x.length - y.length)
        .slice(0, PROBES);
      const seen = new Set<Figure>();
      for (const list of probes)
        for (const other of list) {
          if (seen.has(other) || other.docId === input.docId || other.key === f.key) continue;
          seen.add(other);
          // A list ("分别增长113%、68.3%、53%") restated whole is not a changed figure.
          if (keys.has(other.key) || this.keysOf(other.claim).has(f.key)) continue;
          const { score, shared } = similarity(f.tokens, other.tokens);
          if (score >= DIFFERS_AT && shared >= MIN_SHARED) note(other, 'differs', score);
        }
    }
    return [...best.values()];
  }
}

/** Every pair of claims from different documents that say the same, or say it differently. */
export function linkClaims(claims: readonly LinkInput[]): ClaimLink[] {
  const index = new ClaimIndex();
  for (const c of claims) index.add(c);
  const out: ClaimLink[] = [];
  const seen = new Set<string>();
  for (const c of claims) {
    for (const link of index.query(c)) {
      const pair = link.a < link.b ? `${link.a}\n${link.b}` : `${link.b}\n${link.a}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      out.push(link);
    }
  }
  return out;
}
