/**
 * Inter-coder agreement on marked spans, for one category in one document
 * (a "continuum" of `length` positions, 0 … length, `end` exclusive). Which
 * unit positions are counted in is the caller's choice as long as it is the
 * same for length and units; Claimmark passes Unicode code points.
 *
 * - `unitizingAlpha`: Krippendorff's α_u for unitizing (Krippendorff 1995,
 *   "On the reliability of unitizing continuous data"; 2004, Content Analysis
 *   2nd ed., pp. 251–256), as DKPro Agreement's
 *   KrippendorffAlphaUnitizingAgreement computes it. 1 is perfect agreement,
 *   0 is what chance would give, below 0 is systematic disagreement.
 * - `characterKappa`: Cohen's κ over characters, each character either marked
 *   or not by each of two coders (what NVivo and QualCoder report).
 * - `percentAgreement`: the share of characters both coders treat alike.
 *
 * Every figure is NaN where it is undefined (see each function); a caller
 * shows NaN as "not defined", never as 0.
 */

export interface Unit {
  coder: string;
  start: number;
  end: number;
} // one category, one document

/** α_u's two disagreements; pooled over categories by `alphaOf`. */
export interface UnitizingDisagreement {
  observed: number;
  expected: number;
}

interface Segment {
  start: number;
  end: number;
  marked: boolean;
}

function checkUnits(length: number, units: readonly Unit[]): void {
  if (!Number.isInteger(length) || length < 0) {
    throw new RangeError(`Agreement: the length must be a whole number ≥ 0, not ${length}`);
  }
  for (const u of units) {
    if (!Number.isInteger(u.start) || !Number.isInteger(u.end)) {
      throw new RangeError(`Agreement: ${u.coder}'s unit ${u.start}–${u.end} is not whole`);
    }
    if (u.start < 0 || u.end < u.start || u.end > length) {
      throw new RangeError(
        `Agreement: ${u.coder}'s unit ${u.start}–${u.end} is outside 0–${length}`,
      );
    }
  }
}

/**
 * One coder's spans, sorted, with overlapping ones merged (α_u assumes that
 * one coder's units of one category never overlap). Spans that only touch
 * stay two units: a coder may mark two claims side by side.
 */
function mergedSpans(units: readonly Unit[]): [number, number][] {
  const sorted = units
    .filter((u) => u.end > u.start)
    .map((u): [number, number] => [u.start, u.end])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

/** The continuum as one coder cut it: units and the gaps between them, end to end. */
function segmentsOf(length: number, spans: readonly [number, number][]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const [start, end] of spans) {
    if (start > pos) out.push({ start: pos, end: start, marked: false });
    out.push({ start, end, marked: true });
    pos = end;
  }
  if (pos < length) out.push({ start: pos, end: length, marked: false });
  return out;
}

/**
 * Krippendorff's δ² between two overlapping segments of two coders: for two
 * units, the squared differences of their starts and of their ends; for a
 * unit lying wholly inside the other coder's gap, its squared length; else 0.
 */
function distance(g: Segment, h: Segment): number {
  if (g.marked && h.marked) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.marked && !h.marked && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2;
  if (!g.marked && h.marked && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2;
  return 0;
}

/** Σ δ² over every pair of overlapping segments of two coders (a merge walk). */
function pairDistance(a: readonly Segment[], b: readonly Segment[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const g = a[i]!;
    const h = b[j]!;
    sum += distance(g, h);
    if (g.end <= h.end) i++;
    if (h.end <= g.end) j++;
  }
  return sum;
}

/** Coders named in `coders`, then any others in `units`, each once. */
function coderList(units: readonly Unit[], coders: readonly string[] | undefined): string[] {
  return [...new Set([...(coders ?? []), ...units.map((u) => u.coder)])];
}

/**
 * α_u's observed and expected disagreement for one category in one
 * continuum. Both are NaN with fewer than two coders or an empty continuum;
 * the expected one is 0 when nobody marked anything.
 */
export function unitizingDisagreement(
  length: number,
  units: readonly Unit[],
  coders?: readonly string[],
): UnitizingDisagreement {
  checkUnits(length, units);
  const names = coderList(units, coders);
  const R = names.length;
  if (R < 2 || length === 0) return { observed: NaN, expected: NaN };
  const L = length;
  const spans = names.map((name) => mergedSpans(units.filter((u) => u.coder === name)));
  const segments = spans.map((s) => segmentsOf(L, s));

  let observedSum = 0;
  for (let r1 = 0; r1 < R; r1++) {
    for (let r2 = r1 + 1; r2 < R; r2++) observedSum += pairDistance(segments[r1]!, segments[r2]!);
  }
  const observed = (2 * observedSum) / (R * (R - 1) * L * L);

  const lengths = spans.flat().map(([s, e]) => e - s);
  const N = lengths.length;
  // Every gap of every coder, longest first, with running sums, so that
  // Σ (gap − l + 1) over the gaps at least l long is a binary search away.
  const gaps = segments
    .flat()
    .filter((s) => !s.marked)
    .map((s) => s.end - s.start)
    .sort((x, y) => y - x);
  const gapSums: number[] = [0];
  for (const g of gaps) gapSums.push(gapSums[gapSums.length - 1]! + g);
  const atLeast = (l: number): number => {
    let lo = 0;
    let hi = gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gaps[mid]! >= l) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let numerator = 0;
  let selfPairs = 0;
  for (const l of lengths) {
    const k = atLeast(l);
    const fits = gapSums[k]! - k * (l - 1);
    numerator += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fits;
    selfPairs += l * (l - 1);
  }
  const expected = ((2 / L) * numerator) / (R * L * (R * L - 1) - selfPairs);
  return { observed, expected };
}

/**
 * α_u from the disagreements of one or more categories (Krippendorff's
 * overall α_u averages both disagreements over the categories before
 * dividing): 1 − mean(observed) / mean(expected). NaN when the list is
 * empty, any part is undefined, or nobody marked anything (expected 0).
 */
export function alphaOf(parts: readonly UnitizingDisagreement[]): number {
  if (parts.length === 0) return NaN;
  const observed = parts.reduce((s, p) => s + p.observed, 0) / parts.length;
  const expected = parts.reduce((s, p) => s + p.expected, 0) / parts.length;
  if (!(expected > 0)) return NaN;
  return 1 - observed / expected;
}

/**
 * Krippendorff's α_u for one category in one document. The coders are those
 * named in `units` plus any in `coders` (a coder who marked nothing is named
 * there, or by a unit with start === end). Overlapping units of one coder are
 * merged first. NaN (undefined) with fewer than two coders, a length of 0, or
 * when nobody marked anything.
 */
export function unitizingAlpha(
  length: number,
  units: readonly Unit[],
  coders?: readonly string[],
): number {
  return alphaOf([unitizingDisagreement(length, units, coders)]);
}

/**
 * Several documents as one continuum, laid end to end in the given order, so
 * that α_u over a category covers all of them (a unit never crosses from one
 * document into the next).
 */
export function endToEnd(documents: readonly { length: number; units: readonly Unit[] }[]): {
  length: number;
  units: Unit[];
} {
  let offset = 0;
  const units: Unit[] = [];
  for (const doc of documents) {
    checkUnits(doc.length, doc.units);
    for (const u of doc.units) {
      units.push({ coder: u.coder, start: u.start + offset, end: u.end + offset });
    }
    offset += doc.length;
  }
  return { length: offset, units };
}

/** Per character: 1 if some unit of `units` covers it. */
function markedCharacters(length: number, units: readonly Unit[]): Uint8Array {
  const marks = new Uint8Array(length);
  for (const [start, end] of mergedSpans(units)) marks.fill(1, start, end);
  return marks;
}

interface Table {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

function agreementTable(length: number, a: readonly Unit[], b: readonly Unit[]): Table {
  checkUnits(length, a);
  checkUnits(length, b);
  const ma = markedCharacters(length, a);
  const mb = markedCharacters(length, b);
  const t: Table = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
  for (let i = 0; i < length; i++) {
    if (ma[i] && mb[i]) t.both++;
    else if (ma[i]) t.onlyA++;
    else if (mb[i]) t.onlyB++;
    else t.neither++;
  }
  return t;
}

/**
 * The share of characters that coders A and B both marked or both left
 * unmarked, 0 … 1. NaN for a length of 0.
 */
export function percentAgreement(length: number, a: readonly Unit[], b: readonly Unit[]): number {
  const t = agreementTable(length, a, b);
  return length === 0 ? NaN : (t.both + t.neither) / length;
}

/**
 * Cohen's κ over the characters of one document for one category: each
 * character is "marked" or "unmarked" by coder A (units `a`) and by coder B
 * (units `b`); κ = (p_o − p_e) / (1 − p_e). NaN (undefined) when chance
 * agreement is certain — both coders marked every character, or both marked
 * none — and for a length of 0.
 */
export function characterKappa(length: number, a: readonly Unit[], b: readonly Unit[]): number {
  const t = agreementTable(length, a, b);
  if (length === 0) return NaN;
  const observed = (t.both + t.neither) / length;
  const pa = (t.both + t.onlyA) / length;
  const pb = (t.both + t.onlyB) / length;
  const chance = pa * pb + (1 - pa) * (1 - pb);
  if (chance === 1) return NaN;
  return (observed - chance) / (1 - chance);
}
