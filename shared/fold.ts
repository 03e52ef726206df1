/**
 * Case and width folding for Find.
 *
 * The fold works one UTF-16 unit at a time through a 64 Ki-entry table, so the
 * folded string always has exactly the length of the original and index i of
 * the folded text is index i of the original: a match found in the folded
 * text maps back without any bookkeeping. What the table does:
 *
 * - full-width ASCII forms U+FF01–U+FF5E become U+0021–U+007E
 *   (１２３ → 123, Ａ → a, ， → ",", ； → ";", ％ → "%");
 * - the ideographic space U+3000 becomes an ordinary space;
 * - the full-width signs U+FFE0–U+FFE6 become ¢ £ ¬ ¯ ¦ ¥ ₩;
 * - every BMP character whose lower case is one UTF-16 unit is lower-cased
 *   (Latin, Greek, Cyrillic, …; "İ", whose lower case is two units, is kept),
 *   and the final sigma ς folds with σ.
 *
 * Characters that NFKC would expand or contract (ligatures such as "ﬁ",
 * parenthesised ideographs such as "㈠", half-width katakana with voicing
 * marks, decomposed accents) are left as they are, which keeps the mapping
 * exact. CJK ideographs and punctuation such as 。 are not touched.
 */

let table: Uint16Array | null = null;

const FULL_WIDTH_SIGNS: readonly (readonly [number, number])[] = [
  [0xffe0, 0x00a2], // ￠ → ¢
  [0xffe1, 0x00a3], // ￡ → £
  [0xffe2, 0x00ac], // ￢ → ¬
  [0xffe3, 0x00af], // ￣ → ¯
  [0xffe4, 0x00a6], // ￤ → ¦
  [0xffe5, 0x00a5], // ￥ → ¥
  [0xffe6, 0x20a9], // ￦ → ₩
];

/** Ranges without case (CJK ideographs, Hangul syllables, surrogates, private use): skipped. */
function caseless(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xf8ff);
}

function foldTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    t[c] = c;
    if (caseless(c)) continue;
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) t[c] = c + 0x20;
      continue;
    }
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1) t[c] = lower.charCodeAt(0);
  }
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = t[c - 0xfee0] ?? c;
  t[0x3000] = 0x20;
  t[0x03c2] = 0x03c3; // final sigma ς folds with σ, as Unicode case folding does
  for (const [from, to] of FULL_WIDTH_SIGNS) t[from] = to;
  table = t;
  return t;
}

let decoder: TextDecoder | null = null;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Turns UTF-16 units back into a string. The UTF-16LE decoder is several
 * times faster than String.fromCharCode on megabytes; it turns a lone
 * surrogate into U+FFFD, one unit for one unit, so lengths still agree.
 */
function unitsToString(units: Uint16Array): string {
  if (!LITTLE_ENDIAN) {
    let out = '';
    for (let i = 0; i < units.length; i += 0x2000) {
      out += String.fromCharCode(...units.subarray(i, i + 0x2000));
    }
    return out;
  }
  decoder ??= new TextDecoder('utf-16le');
  return decoder.decode(units);
}

/** The folded form of `text`, of exactly the same length. */
function foldString(text: string): string {
  const t = foldTable();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (t[c] !== c) break;
    i++;
  }
  if (i === n) return text; // nothing to fold: share the original string
  if (n - i < 64) {
    let out = text.slice(0, i);
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      out += String.fromCharCode(t[c] ?? c);
    }
    return out;
  }
  // Decode the whole text rather than prefix + rest: a flat string searches
  // fast from the first query, a concatenation must be flattened first.
  const units = new Uint16Array(n);
  for (let j = 0; j < n; j++) {
    const c = text.charCodeAt(j);
    units[j] = t[c] ?? c;
  }
  return unitsToString(units);
}

export interface FoldedText {
  /** The text with case and width folded; same length as the original. */
  folded: string;
  /** The index in the original text of index `i` of `folded` (the fold keeps length, so `i`). */
  toOriginal(i: number): number;
}

/**
 * Folds a string for matching: full-width ASCII, digits and punctuation to
 * half-width, the ideographic space to a space, letters to lower case; CJK is
 * kept. The result has the length of the input, so offsets carry over as they
 * are (`toOriginal` is the identity, clamped to the text).
 */
export function foldForSearch(text: string): FoldedText {
  const n = text.length;
  return { folded: foldString(text), toOriginal: (i) => Math.max(0, Math.min(n, i)) };
}

/** The folded form of a query, to be searched for in `foldForSearch(text).folded`. */
export function foldQuery(query: string): string {
  return foldString(query);
}

/** For each folded unit that more than itself folds to, every unit that folds to it. */
let preimages: Map<number, number[]> | null = null;

function preimageTable(): Map<number, number[]> {
  if (preimages) return preimages;
  const t = foldTable();
  const map = new Map<number, number[]>();
  for (let c = 0; c < 0x10000; c++) {
    const f = t[c] ?? c;
    if (f === c) continue;
    const list = map.get(f);
    if (list) list.push(c);
    else map.set(f, t[f] === f ? [f, c] : [c]);
  }
  preimages = map;
  return map;
}

const unit = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;

/**
 * A global RegExp that matches in a text exactly where foldForSearch(text)
 * holds the folded `query`: each unit of the query becomes the class of every
 * unit that folds to it (`２` → [2２], `a` → [aAａＡ]), so a text can be
 * searched as it is, without folding it first. (Both work one UTF-16 unit at
 * a time; they differ only on lone surrogates, which the fold of a long text
 * turns into U+FFFD and decoded text never holds.) Null for an empty query.
 */
export function foldPattern(query: string): RegExp | null {
  const q = foldString(query);
  if (q.length === 0) return null;
  const t = foldTable();
  const table = preimageTable();
  let source = '';
  for (let i = 0; i < q.length; i++) {
    const c = q.charCodeAt(i);
    const all = table.get(c);
    if (all) source += `[${all.map(unit).join('')}]`;
    else source += t[c] === c ? unit(c) : '[^\\s\\S]'; // nothing folds to it: no match
  }
  return new RegExp(source, 'g');
}
