/**
 * Candidate claims: the sentences (or "；" clauses of long sentences) that state
 * a checkable figure — an amount, count, share, growth, a rank with a number, a
 * numeric target — with what kind of claim each is. Rules only, no model: a
 * sentence is a candidate when it holds a quantity (findQuantities already
 * leaves out dates, ordinals, page numbers and numerals inside names) or a
 * numbered rank, and is not a question. Linear in the text: quantities are
 * found once over the whole text and handed to the sentences by offset.
 */

import { findQuantities, type Quantity } from './quantity';
import { clauses, sentences, type Span } from './sentences';

export interface ClaimCandidate {
  /** UTF-16 offsets of the claim in the text given. */
  start: number;
  end: number;
  quote: string;
  quantities: Quantity[];
  kind: 'statistic' | 'target' | 'attribution' | 'comparison';
}

export type { ClaimKind } from '../types';
type ClaimKind = ClaimCandidate['kind'];

/** Sentences longer than this are split at "；" into clauses that carry their own figures. */
const LONG = 80;

// Looking ahead: plans, goals, "by 2030", "will".
const TARGET =
  /力争|争取|目标|计划|规划到|预计|预期|确保|力求|拟|将(?:要|在|于|继续|进一步|新增|达到|实现|建成|突破|超过|完成|力争|提高|增加|降低|降到|减少)|到\s*(?:20|19)\d\d\s*年|(?:20|19)\d\d\s*年(?:前|底前|以前)|\b(?:will|plans? to|aims? to|target(?:s|ed)?|goal|expects? to|expected to|forecasts?|projected|by (?:the end of )?(?:19|20)\d\d)\b/i;
// Reported speech with its source.
const ATTRIBUTION =
  /据[^，。；,]{0,20}(?:统计|显示|介绍|测算|报道|数据|调查|了解|估计|悉)|[^，。；]{1,20}(?:表示|指出|透露|介绍说|介绍|称|说|宣布|强调)[，,：:“]|\b(?:according to|said|says|told|reported|stated|announced|estimated)\b/i;
// Against another figure or place: above the national average, ranked N-th.
const COMPARISON =
  /高于|低于|快于|慢于|超过全国|居全国|全国第[一二三四五六七八九十\d]|全国前列|排名?第|位居|位列|名列|领跑|领先于?全国|比全国|较全国|\b(?:higher than|lower than|faster than|slower than|more than the national|ranked|ranks|ranking)\b/i;
/** A numbered rank is a checkable claim though its number is an ordinal. */
const RANK =
  /(?:排名?|居|位居|位列|名列|进入)(?:全国|全省|全区|全球|世界)?(?:第\s*[\d一二三四五六七八九十]+\s*[位名]?|前\s*\d+)/;
/** "连续3年高于全国平均水平": a comparison kept up over a span of time is checkable too. */
const COMPARED_OVER_TIME = /(?:连续|近)\s*[\d一二两三四五六七八九十]+\s*(?:年|个月)/;
/** "突出抓好三件事：" introduces a list; its small count is not a claim. */
const LIST_INTRO = /[：:]$/;
const QUESTION = /[？?][”’"」』）)]*$/;

/** A claim without a quantity: a numbered rank, or a comparison kept up for N years. */
const checkableWithout = (quote: string): boolean =>
  RANK.test(quote) || (COMPARISON.test(quote) && COMPARED_OVER_TIME.test(quote));

export function kindOf(quote: string): ClaimKind {
  if (TARGET.test(quote)) return 'target';
  if (ATTRIBUTION.test(quote)) return 'attribution';
  if (COMPARISON.test(quote)) return 'comparison';
  return 'statistic';
}

export function detectClaims(text: string): ClaimCandidate[] {
  const all = findQuantities(text);
  const out: ClaimCandidate[] = [];
  let q = 0; // next quantity not yet handed to a sentence
  const take = (span: Span): Quantity[] => {
    while (q < all.length && all[q]!.start < span.start) q++;
    const mine: Quantity[] = [];
    for (let k = q; k < all.length && all[k]!.end <= span.end; k++) mine.push(all[k]!);
    return mine;
  };
  // `from`: where the sentence starts, so that a clause keeps the cue an earlier one
  // carries ("今年的目标是：…；…").
  const emit = (span: Span, quantities: Quantity[], from = span.start): void => {
    const quote = text.slice(span.start, span.end);
    if (QUESTION.test(quote)) return;
    if (LIST_INTRO.test(quote) && quantities.every((q) => q.value <= 10)) return;
    if (quantities.length === 0 && !checkableWithout(quote)) return;
    out.push({ ...span, quote, quantities, kind: kindOf(text.slice(from, span.end)) });
  };
  for (const sentence of sentences(text)) {
    const parts = sentence.end - sentence.start > LONG ? clauses(text, sentence) : [sentence];
    if (parts.length === 1) {
      emit(sentence, take(sentence));
      continue;
    }
    // A clause without figures of its own stays with the clause after it (its subject, often).
    let pending: Span | null = null;
    for (const part of parts) {
      const span: Span = pending ? { start: pending.start, end: part.end } : part;
      const quantities = take(span);
      if (quantities.length === 0 && !checkableWithout(text.slice(span.start, span.end))) {
        pending = span;
        continue;
      }
      emit(span, quantities, sentence.start);
      pending = null;
    }
  }
  return out;
}
