/**
 * Sort keys for text columns: each value's dense rank in a collator's order
 * (equal values share a rank), computed once per data load so that a sort is
 * an integer comparison. Only distinct values are compared, so titles,
 * sections and speakers cost little; a column of 100,000 distinct quotes
 * costs about as much as one plain JavaScript sort of them.
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
