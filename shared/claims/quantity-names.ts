/**
 * Short quoted spans and titles, where numerals are names and slogans
 * (“十四五”, “两件大事”, 《二十大报告》, "Made in China 2025") rather than amounts.
 */

const OPENERS = '“「『《〈‘"';
const CLOSERS = '”」』》〉’"';
const TITLES = '《〈';
// Only characters that open or close a quote need a look-up, so most of the text is one table read.
const QUOTE_CODES = new Uint8Array(0x10000);
for (const ch of OPENERS + CLOSERS + '\n') QUOTE_CODES[ch.charCodeAt(0)] = 1;
/** A quote this short without sentence punctuation is a name, not reported speech. */
const MAX_NAME = 40;
const MAX_TITLE = 60;
const SENTENCE_PUNCTUATION = /[。！？；，!?;,]/;

/** 1 for every UTF-16 unit inside a name-like quoted span or a title. */
export function nameSpans(text: string): Uint8Array {
  const marks = new Uint8Array(text.length);
  const stack: { close: string; at: number; title: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (QUOTE_CODES[text.charCodeAt(i)] !== 1) continue;
    const c = text[i] ?? '';
    if (c === '\n') {
      stack.length = 0;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top && c === top.close) {
      stack.pop();
      const len = i - top.at - 1;
      const inner = text.slice(top.at + 1, i);
      if (
        (top.title && len <= MAX_TITLE) ||
        (len <= MAX_NAME && !SENTENCE_PUNCTUATION.test(inner))
      ) {
        marks.fill(1, top.at + 1, i);
      }
      continue;
    }
    const k = OPENERS.indexOf(c);
    const close = CLOSERS[k];
    if (k >= 0 && close !== undefined) {
      stack.push({ close, at: i, title: TITLES.includes(c) });
      // Unclosed quotes must not pile up across a long paragraph.
      if (stack.length > 8) stack.shift();
    }
  }
  return marks;
}
