/**
 * Sort keys for text columns: each value's dense rank (equal values share a
 * rank), computed once per data load so that a sort compares integers.
 *
 * Titles, sections and speakers repeat: their distinct values are few and are
 * sorted with the collator itself (`rankStrings`). Quotes and notes are almost
 * all distinct, and 100,000 of them take ~0.3 s of collator calls in Chromium;
 * `rankTexts` ranks them in about a third of that by turning each text into a
 * string of per-character ranks taken from the same collator at base strength
 * and comparing those. That is the collator's own primary order for texts
 * whose characters sort one by one (Han in pinyin order under zh, Latin
 * letters, digits, punctuation); case and accents are ignored, digits compare
 * one by one, and ties keep their earlier order.
 */

/** Dense ranks of `values[i]`, in the order of `compare` over the distinct values. */
export function rankDistinct(
  values: readonly string[],
  compare: (a: string, b: string) => number,
): Uint32Array {
  const distinct = [...new Set(values)].sort(compare);
  const rankOf = new Map<string, number>();
  let rank = 0;
  distinct.forEach((value, i) => {
    if (i > 0 && compare(distinct[i - 1] as string, value) !== 0) rank++;
    rankOf.set(value, rank);
  });
  return Uint32Array.from(values, (v) => rankOf.get(v) ?? 0);
}

/** Dense ranks of `values` in the collator's order. */
export const rankStrings = (values: readonly string[], collator: Intl.Collator): Uint32Array =>
  rankDistinct(values, collator.compare);

/** Rank of each BMP code unit at base strength; 0 for ignorable (and unused) ones. Null past 65,535. */
function unitRanks(texts: readonly string[], locale: string): Uint16Array | null {
  const seen = new Uint8Array(0x10000);
  const units: number[] = [];
  for (const s of texts) {
    for (let i = 0; i < s.length; i++) {
      const u = s.charCodeAt(i);
      if (seen[u] === 0) {
        seen[u] = 1;
        units.push(u);
      }
    }
  }
  const base = new Intl.Collator(locale, { sensitivity: 'base' });
  // Surrogates stand alone here: astral characters (rare in news) sort by code unit.
  const chars = units.map((u) => String.fromCharCode(u)).sort(base.compare);
  const ranks = new Uint16Array(0x10000);
  let rank = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (base.compare(ch, '') === 0) continue;
    if (rank === 0 || base.compare(chars[i - 1] as string, ch) !== 0) rank++;
    if (rank > 0xffff) return null;
    ranks[ch.charCodeAt(0)] = rank;
  }
  return ranks;
}

/** Dense ranks of long, mostly distinct texts (see the module comment). */
export function rankTexts(values: readonly string[], collator: Intl.Collator): Uint32Array {
  const distinct = [...new Set(values)];
  const ranks = unitRanks(distinct, collator.resolvedOptions().locale);
  if (!ranks) return rankStrings(values, collator);
  // All keys in one buffer: key k is buf[off[k]] .. buf[off[k + 1]].
  let total = 0;
  for (const s of distinct) total += s.length;
  const buf = new Uint16Array(total);
  const off = new Int32Array(distinct.length + 1);
  let p = 0;
  distinct.forEach((s, k) => {
    off[k] = p;
    for (let i = 0; i < s.length; i++) {
      const r = ranks[s.charCodeAt(i)] as number;
      if (r > 0) buf[p++] = r;
    }
  });
  off[distinct.length] = p;
  const compare = (a: number, b: number): number => {
    const ae = off[a + 1] as number;
    const be = off[b + 1] as number;
    for (let i = off[a] as number, j = off[b] as number; i < ae && j < be; i++, j++) {
      const d = (buf[i] as number) - (buf[j] as number);
      if (d !== 0) return d;
    }
    return ae - (off[a] as number) - (be - (off[b] as number));
  };
  const order = distinct.map((_, k) => k).sort(compare);
  const rankOf = new Map<string, number>();
  let rank = 0;
  order.forEach((k, i) => {
    if (i > 0 && compare(order[i - 1] as number, k) !== 0) rank++;
    rankOf.set(distinct[k] as string, rank);
  });
  return Uint32Array.from(values, (v) => rankOf.get(v) ?? 0);
}
